from django import template

from headless.templatetags.content_language import lang_attr

from ..fragments import render_stream

register = template.Library()

# ``{{ item|lang_attr }}`` for the widgets' templates, which must render where ``headless`` is
# a library but not an installed app (a site that installs only the widgets).
register.filter("lang_attr", lang_attr)


@register.simple_tag(takes_context=True)
def include_widgets(context, stream_value):
    """``{% include_widgets page.body %}``: every block, as ``{% include_block %}`` would
    render it, cached until its data changes (see ``widgets.fragments``)."""
    return render_stream(stream_value, context)
