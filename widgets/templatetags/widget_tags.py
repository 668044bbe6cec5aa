from django import template

from ..fragments import render_stream

register = template.Library()


@register.simple_tag(takes_context=True)
def include_widgets(context, stream_value):
    """``{% include_widgets page.body %}``: every block, as ``{% include_block %}`` would
    render it, cached until its data changes (see ``widgets.fragments``)."""
    return render_stream(stream_value, context)
