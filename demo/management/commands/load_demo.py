from django.core.management.base import BaseCommand
from django.db import transaction

from demo.articles import (
    build_article_index,
    build_categories,
    build_news,
    build_seed_article,
)
from demo.gallery import build_gallery, gallery_images
from demo.identity import build_identity
from demo.pages import build_content_pages, build_menu
from demo.site import build_home, feature_lead_story
from demo.slideshow import build_slideshow
from demo.videos import build_videos
from demo.widgets import build_home_widgets
from demo.workflow import build_workflow


class Command(BaseCommand):
    help = "Build the demo portal from the seed page, in Vietnamese and English. Safe to re-run."

    def handle(self, *args, **options):
        with transaction.atomic():
            home = build_home(self.stdout)
            index = build_article_index(home, self.stdout)
            categories = build_categories(self.stdout)
            seed = build_seed_article(index, self.stdout, categories)
            feature_lead_story(home, seed, self.stdout)
            images = gallery_images()
            build_news(index, categories, images, self.stdout)
            build_gallery(home, images, self.stdout)
            build_slideshow(home, self.stdout)
            build_videos(home, self.stdout)
            build_content_pages(home, self.stdout)
            build_identity(home, self.stdout)  # links to the contact page built above
            build_workflow(self.stdout)
            # Last: the side column links to the videos, galleries and slideshow built above.
            build_home_widgets(home, self.stdout)
            build_menu(home, self.stdout)  # after every section exists (budget: just above)
        self.stdout.write(self.style.SUCCESS("Demo site ready."))
