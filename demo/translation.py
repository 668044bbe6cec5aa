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
    _write_strings(source, locale, strings, user)
    translation.save_target(user=user, publish=False)


def _write_strings(source, locale, strings, user=None):
    """Translate each of ``source``'s segments that ``strings`` knows, as a translator would."""
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


def sync_translation(page, language_code, strings):
    """Bring ``page``'s translation up to date with its source (creating it if there is none)
    and publish it."""
    locale = ensure_locale(language_code)
    source, _ = TranslationSource.update_or_create_from_instance(page)
    translation = Translation.objects.filter(source=source, target_locale=locale).first()
    if translation is None:
        return translate_page(page, language_code, strings)
    _write_strings(source, locale, strings)
    translation.save_target(publish=False)
    translated = page.get_translation(locale)
    translated.get_latest_revision().publish()
    return translated


def ensure_index(home, model, spec, stdout, label):
    """The index page ``model`` under ``home`` as ``spec["vi"]`` describes it (created and
    published if missing), translated into English with ``spec["en"]``'s fields."""
    index = model.objects.child_of(home).filter(slug=spec["vi"]["slug"]).first()
    if index is None:
        index = model(**spec["vi"])
        home.add_child(instance=index)
        index.save_revision().publish()
        stdout.write(f"Created the {label}.")
    translate_page(index, "en", {spec["vi"][key]: spec["en"][key] for key in spec["vi"]})
    return index
