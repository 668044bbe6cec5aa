import json
from pathlib import Path

from django.core.management.base import BaseCommand
from django.test import Client


def openapi_document():
    response = Client().get("/api/v3/openapi.json", HTTP_HOST="localhost")
    return response.json()


def dumps(document):
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


class Command(BaseCommand):
    help = "Write the API's OpenAPI document (the committed contract) to a file, or stdout."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", help="file to write; stdout if omitted")

    def handle(self, *args, path=None, **options):
        text = dumps(openapi_document())
        if path:
            Path(path).write_text(text, encoding="utf-8")
            self.stdout.write(f"Wrote {path}")
        else:
            self.stdout.write(text, ending="")
