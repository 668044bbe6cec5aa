"""Translating demo pages through wagtail-localize, as a translator would in its editor."""

from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource


def ensure_locale(language_code):
    locale, _ = Locale.objects.get_or_create(language_code=language_code)
    return locale


def translate_page(page, language_code, strings, user=None):
    """Create or update ``page``'s translation into ``language_code`` and publish it.

    ``strings`` maps each source string to its translation; a string it does not know is
    kept as in the source (wagtail-localize's own fallback), so a translation is never
    blocked by a missing string. Returns the translated page.
    """
    locale = ensure_locale(language_code)
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing

    _create_translation(page, locale, strings, user)
    translated = page.get_translation(locale)
    # wagtail-localize would publish on commit; publishing now keeps the tree counters right
    # when the whole build runs inside one transaction (as in tests).
    translated.get_latest_revision().publish(user=user)
    return page.get_translation(locale)


def _create_translation(page, locale, strings, user):
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    for segment in source.stringsegment_set.select_related("string"):
        text = strings.get(segment.string.data)
        if text is None:
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": text,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "last_translated_by": user,
            },
        )
    translation.save_target(user=user, publish=False)
