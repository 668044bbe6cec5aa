"""Batch writers for validated readings, used inside the importer's transaction.

``finish()`` returns how many readings were new; existing (station, metric, observed_at)
rows are left untouched. On PostgreSQL the rows are streamed with COPY into a temporary
table and moved with one ``INSERT … ON CONFLICT DO NOTHING``; elsewhere ``bulk_create``
with ``ignore_conflicts`` does the same in batches."""

import io

from django.db import connection

from .models import Reading

STAGING = "widgets_reading_import"


class BulkCreateWriter:
    def __init__(self, batch_size):
        self.batch_size = batch_size
        self.batch = []
        self.count_before = Reading.objects.count()

    def add(self, reading):
        station_id, metric, observed_at, value, _epoch = reading
        self.batch.append(
            Reading(station_id=station_id, metric=metric, observed_at=observed_at, value=value)
        )
        if len(self.batch) >= self.batch_size:
            self.flush()

    def flush(self):
        if self.batch:
            Reading.objects.bulk_create(self.batch, ignore_conflicts=True)
            self.batch = []

    def finish(self):
        self.flush()
        return Reading.objects.count() - self.count_before


class PostgresCopyWriter:
    def __init__(self, batch_size):
        self.batch_size = batch_size
        self.buffer = io.StringIO()
        self.pending = 0
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {STAGING}")
            cursor.execute(
                f"CREATE TEMPORARY TABLE {STAGING} (station_id bigint, metric varchar(16), "
                "epoch bigint, value numeric(8, 3)) ON COMMIT DROP"
            )

    def add(self, reading):
        station_id, metric, _observed_at, value, epoch = reading
        self.buffer.write(f"{station_id}\t{metric}\t{epoch}\t{value}\n")
        self.pending += 1
        if self.pending >= self.batch_size:
            self.flush()

    def flush(self):
        if not self.pending:
            return
        self.buffer.seek(0)
        with connection.cursor() as cursor:
            raw = cursor.cursor
            if hasattr(raw, "copy_expert"):  # psycopg2
                raw.copy_expert(f"COPY {STAGING} FROM STDIN", self.buffer)
            else:  # psycopg 3
                with raw.copy(f"COPY {STAGING} FROM STDIN") as copy:
                    copy.write(self.buffer.getvalue())
        self.buffer = io.StringIO()
        self.pending = 0

    def finish(self):
        self.flush()
        table = Reading._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (station_id, metric, observed_at, value) "  # noqa: S608
                f"SELECT station_id, metric, to_timestamp(epoch), value FROM {STAGING} "
                "ON CONFLICT (station_id, metric, observed_at) DO NOTHING"
            )
            created = cursor.rowcount
            cursor.execute(f"DROP TABLE IF EXISTS {STAGING}")
        return created


def writer_for_connection(batch_size):
    if connection.vendor == "postgresql":
        return PostgresCopyWriter(batch_size)
    return BulkCreateWriter(batch_size)
