"""Widget blocks rendered once and served from the cache until their data changes.

A block class opts in with ``cache_topics`` (see ``widgets.base.WidgetBlock``): the
``headless.caching`` topics its output depends on. Its rendered HTML is keyed by the block's
stored value (so choosers are not even resolved on a hit), the language, the host and the
current versions of those topics: an import, a forecast, a published page or an edit in the
admin bumps a version and the next view renders afresh. Nothing is looked up to invalidate.

Output that depends on the clock (the "stale" marks, the age of a forecast) is kept at most
``PORTAL_WIDGET_CACHE_SECONDS`` (60 by default), far below any freshness limit. Previews are
never cached, and blocks without ``cache_topics`` (the visit counters) render every time. A
block whose HTML depends on the request beyond its language and host (a form with a CSRF
token, the signed-in user) must not declare ``cache_topics``."""

import hashlib
import json

from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from headless.caching import version_keys, versions

from .conf import app_settings


def _seconds():
    return app_settings.PORTAL_WIDGET_CACHE_SECONDS


def _topics(stream_value, raw):
    block = stream_value.stream_block.child_blocks.get(raw["type"])
    return getattr(block, "cache_topics", None)


def _key(raw, topics, found, request, level):
    host = request.get_host() if request is not None else ""
    parts = [raw["type"], raw["value"], get_language() or "", host, versions(topics, found)]
    parts.append(level)  # the heading level the page asks for (``widget_heading_level``)
    digest = hashlib.sha256(json.dumps(parts, cls=DjangoJSONEncoder).encode()).hexdigest()
    return f"widgets:fragment:{digest}"


def render_stream(stream_value, context):
    """The HTML of every block of ``stream_value``, as ``{% include_block %}`` renders it,
    the cacheable blocks read in two round trips to the cache (their topics' versions, then
    their HTML) whatever their number."""
    context = context.flatten() if hasattr(context, "flatten") else dict(context or {})
    request = context.get("request")
    raw_blocks = list(stream_value.raw_data)
    topics = [_topics(stream_value, raw) for raw in raw_blocks]
    if getattr(request, "is_preview", False) or _seconds() <= 0:
        topics = [None] * len(raw_blocks)

    wanted = sorted({t for block_topics in topics if block_topics for t in block_topics})
    found = cache.get_many(version_keys(wanted)) if wanted else {}
    keys = [
        _key(raw, block_topics, found, request, context.get("widget_heading_level"))
        if block_topics
        else None
        for raw, block_topics in zip(raw_blocks, topics, strict=True)
    ]
    cached = cache.get_many([key for key in keys if key])

    fragments, fresh = [], {}
    for index, key in enumerate(keys):
        html = cached.get(key) if key else None
        if html is None:
            html = stream_value[index].render_as_block(context=context)
            if key:
                fresh[key] = html
        fragments.append(html)
    if fresh:
        cache.set_many(fresh, timeout=_seconds())
    # Every fragment is the output of a block's template, escaped there.
    return mark_safe("".join(fragments))  # noqa: S308
