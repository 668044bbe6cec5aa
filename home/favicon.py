"""``/favicon.ico``: browsers ask for it at the root whatever the page says, so it is served
there (from the home app's static files) instead of answering 404 on every first visit."""

from pathlib import Path

from django.http import FileResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

ICON = Path(__file__).resolve().parent / "static" / "home" / "favicon.ico"


@require_safe
@cache_control(public=True, max_age=86400)
def favicon(request):
    return FileResponse(ICON.open("rb"), content_type="image/vnd.microsoft.icon")
