from django.core.management.base import BaseCommand
from django.db import transaction

from home.demo.articles import build_article_index, build_seed_article
from home.demo.site import build_home


class Command(BaseCommand):
    help = "Build the demo portal from the seed page, in Vietnamese and English. Safe to re-run."

    def handle(self, *args, **options):
        with transaction.atomic():
            home = build_home(self.stdout)
            index = build_article_index(home, self.stdout)
            build_seed_article(index, self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo site ready."))
