from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from widgets.monitoring.importer import import_file


class Command(BaseCommand):
    help = (
        "Import salinity and water-level readings from a CSV (station_code;metric;observed_at;"
        "value) or JSON file. All or nothing: any bad row and nothing is written."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="a .csv or .json file")
        parser.add_argument(
            "--dry-run", action="store_true", help="check the file and report, write nothing"
        )

    def handle(self, *args, file, dry_run=False, **options):
        def progress(rows):
            self.stderr.write(_("%(rows)s rows read…") % {"rows": rows})

        try:
            result = import_file(file, name=file, dry_run=dry_run, progress=progress)
        except OSError as exc:
            raise CommandError(
                _("Cannot read %(file)s: %(error)s") % {"file": file, "error": exc}
            ) from exc
        if not result.ok:
            for error in result.errors:
                self.stderr.write(
                    _("line %(line)s, %(field)s: %(message)s")
                    % {"line": error.line, "field": error.field, "message": error.message}
                )
            if result.error_count > len(result.errors):
                self.stderr.write(
                    _("… and %(count)s more errors.")
                    % {"count": result.error_count - len(result.errors)}
                )
            raise CommandError(
                _("Nothing was imported: %(count)s errors.") % {"count": result.error_count}
            )
        summary = _(
            "%(rows)s rows: %(created)s new readings, %(present)s already stored, "
            "%(blanks)s blank values skipped."
        ) % {
            "rows": result.rows,
            "created": result.created,
            "present": result.already_present,
            "blanks": result.blanks,
        }
        if dry_run:
            summary = _("Checked, nothing written. %(summary)s") % {"summary": summary}
        self.stdout.write(self.style.SUCCESS(summary))
