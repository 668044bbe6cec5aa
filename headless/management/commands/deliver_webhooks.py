from django.core.management.base import BaseCommand

from headless.webhooks import deliver


class Command(BaseCommand):
    help = "Retry webhook deliveries that are due (run every minute from cron)."

    def handle(self, *args, **options):
        done = deliver()
        delivered = sum(1 for d in done if d.status == "delivered")
        self.stdout.write(f"{len(done)} attempted, {delivered} delivered.")
