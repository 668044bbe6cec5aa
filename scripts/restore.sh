#!/usr/bin/env bash
# scripts/restore.sh DIR     restore db-latest.dump and media-latest.tar.gz made by backup.sh
set -euo pipefail
dir=${1:?usage: scripts/restore.sh DIR}
: "${DATABASE_URL:?DATABASE_URL must name the (empty) PostgreSQL database to restore into}"
media=${MEDIA_ROOT:-$(dirname "$0")/../media}
pg_restore --no-owner --no-privileges --exit-on-error --dbname="$DATABASE_URL" "$dir/db-latest.dump"
if [ -e "$dir/media-latest.tar.gz" ]; then mkdir -p "$media" && tar -C "$media" -xzf "$dir/media-latest.tar.gz"; fi
echo "restored from $dir"
