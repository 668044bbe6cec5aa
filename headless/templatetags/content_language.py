"""``{{ item|lang_attr }}``: a ``lang`` attribute for text whose language is not the page's.

WCAG 3.1.2 asks that a passage in another language be marked. On the English site an
untranslated page's title, a caption or a document name stays Vietnamese: its element then
carries ``lang="vi"``. The filter takes a page or any object with a ``locale_id`` (Wagtail's
translatable models), an object with a ``content_language`` attribute (a code), or a code.
It writes nothing when the text is in the active language, so the Vietnamese site is unchanged.
"""

from django import template
from django.utils import translation
from django.utils.html import format_html

from headless.language import written_in

register = template.Library()


@register.filter
def lang_attr(item):
    code = written_in(item)
    active = translation.get_language() or ""
    if not code or code.split("-")[0] == active.split("-")[0]:
        return ""
    return format_html(' lang="{}"', code)
