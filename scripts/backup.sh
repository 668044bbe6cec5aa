#!/usr/bin/env bash
# scripts/backup.sh DIR      dump the database (pg_dump custom format) and the media files
# scripts/restore.sh DIR     restore both into the (empty) database and MEDIA_ROOT configured
# Both read DATABASE_URL and MEDIA_ROOT from the environment, like the application.
set -euo pipefail
dir=${1:?usage: scripts/backup.sh DIR}
: "${DATABASE_URL:?DATABASE_URL must name the PostgreSQL database}"
media=${MEDIA_ROOT:-$(dirname "$0")/../media}
mkdir -p "$dir"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
pg_dump --format=custom --no-owner --no-privileges --dbname="$DATABASE_URL" --file="$dir/db-$stamp.dump"
if [ -d "$media" ]; then tar -C "$media" -czf "$dir/media-$stamp.tar.gz" .; fi
ln -sfn "db-$stamp.dump" "$dir/db-latest.dump"
[ -f "$dir/media-$stamp.tar.gz" ] && ln -sfn "media-$stamp.tar.gz" "$dir/media-latest.tar.gz"
echo "$dir/db-$stamp.dump"
