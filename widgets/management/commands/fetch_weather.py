from django.core.management.base import BaseCommand, CommandError

from widgets.weather.fetch import fetch_all
from widgets.weather.providers import get_provider


class Command(BaseCommand):
    help = (
        "Fetch the forecast of every city from the weather provider and store it. A city whose "
        "fetch fails keeps its last forecast. Run it from cron, e.g. every hour."
    )

    def add_arguments(self, parser):
        parser.add_argument("--attempts", type=int, default=3, help="tries per city")
        parser.add_argument(
            "--backoff", type=float, default=2.0, help="seconds before the 2nd try, doubling"
        )

    def handle(self, *args, attempts, backoff, **options):
        provider = get_provider()
        report = fetch_all(provider, attempts=max(attempts, 1), backoff=backoff)
        for city in report.updated:
            self.stdout.write(f"{city.code}: updated")
        for city in report.failed:
            self.stderr.write(f"{city.code}: failed, keeping the last forecast")
        if report.failed and not report.updated:
            raise CommandError("No forecast could be fetched; the last ones are kept.")
        self.stdout.write(
            self.style.SUCCESS(f"{len(report.updated)} updated, {len(report.failed)} failed.")
        )
