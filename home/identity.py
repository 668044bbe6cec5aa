"""Whose portal this is (Decree 42/2022/NĐ-CP): the agency's name, emblem, contact details,
the person responsible for the content and the licence line, per Site, edited in the admin
under Settings. Text fields have an English version; English pages fall back to the
Vietnamese text, marked as Vietnamese."""

from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.images import get_image_model_string

# The text fields that have an English version ``<name>_en``.
TRANSLATED = (
    "agency_name",
    "parent_body",
    "address",
    "responsible_person",
    "licence",
)
# Pages the footer links to, in the order it shows them.
FOOTER_PAGES = ("accessibility_page", "privacy_page", "contact_page")


@dataclass(frozen=True)
class Text:
    """A text and the language it is in when that is not the page's (``lang`` is "" then)."""

    value: str
    lang: str = ""

    def __str__(self):
        return self.value

    def __bool__(self):
        return bool(self.value)


def _english(field):
    return models.CharField(
        format_lazy(_("{field} (English)"), field=field.verbose_name),
        max_length=field.max_length,
        blank=True,
        help_text=_("Leave empty until translated: English pages then show the Vietnamese."),
    )


def _page(verbose_name):
    return models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )


_agency = models.CharField(_("agency name"), max_length=255, blank=True)
_parent = models.CharField(
    _("parent body"),
    max_length=255,
    blank=True,
    help_text=_("For example: Ủy ban nhân dân tỉnh Tiền Giang."),
)
_address = models.CharField(_("address"), max_length=255, blank=True)
_responsible = models.CharField(_("person responsible for the content"), max_length=255, blank=True)
_licence = models.CharField(
    _("licence line"),
    max_length=255,
    blank=True,
    help_text=_("For example: the number and date of the licence for the e-portal."),
)


@register_setting(icon="site")
class SiteIdentity(BaseSiteSetting):
    agency_name = _agency
    agency_name_en = _english(_agency)
    parent_body = _parent
    parent_body_en = _english(_parent)
    emblem = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("emblem or logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    address = _address
    address_en = _english(_address)
    phone = models.CharField(_("telephone"), max_length=64, blank=True)
    fax = models.CharField(_("fax"), max_length=64, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    responsible_person = _responsible
    responsible_person_en = _english(_responsible)
    licence = _licence
    licence_en = _english(_licence)
    accessibility_page = _page(_("accessibility statement"))
    privacy_page = _page(_("privacy notice"))
    contact_page = _page(_("contact page"))

    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("agency_name"), FieldPanel("agency_name_en")]),
                FieldRowPanel([FieldPanel("parent_body"), FieldPanel("parent_body_en")]),
                FieldPanel("emblem"),
            ],
            heading=_("Agency"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("address"), FieldPanel("address_en")]),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("fax"), FieldPanel("email")]),
                FieldRowPanel(
                    [FieldPanel("responsible_person"), FieldPanel("responsible_person_en")]
                ),
                FieldRowPanel([FieldPanel("licence"), FieldPanel("licence_en")]),
            ],
            heading=_("Contact and responsibility"),
        ),
        MultiFieldPanel(
            [FieldPanel(name) for name in FOOTER_PAGES],
            heading=_("Footer links"),
        ),
    ]

    class Meta:
        verbose_name = _("site identity")
        verbose_name_plural = _("site identities")

    def text(self, name, language=None):
        """The field ``name`` for a reader of ``language`` (default: the active one): the
        English version on English pages when it is written, else the Vietnamese, marked."""
        language = language or translation.get_language() or settings.LANGUAGE_CODE
        vietnamese = (getattr(self, name) or "").strip()
        if language == settings.LANGUAGE_CODE:
            return Text(vietnamese)
        translated = (getattr(self, f"{name}_en", "") or "").strip() if language == "en" else ""
        if translated:
            return Text(translated)
        return Text(vietnamese, settings.LANGUAGE_CODE if vietnamese else "")
