"""What every editorial page type shares: a social image, promote panels, accent-free search,
the indexes' listing and pagination, and ordered page images with one alt-text rule."""

from django.core.paginator import Paginator
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.images import get_image_model_string
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Locale, Orderable, Page, TranslatableMixin
from wagtail.search import index

from headless.pages import language_of
from images.alt import AltTextMixin

from ..conf import app_settings
from ..search import UnaccentedSearchMixin, unaccented_search_field
from ..slugs import EditorialPageForm, free_slug, slug_for

# Sizes served to listings, article heads and social networks.
THUMBNAIL = "fill-480x270"
LARGE = "max-1280x1280"
SOCIAL = "fill-1200x630"


def optional_image(verbose_name, help_text):
    """A page's optional image field (hero, cover, poster, social)."""
    return models.ForeignKey(
        get_image_model_string(),
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=help_text,
    )


class EditorialPageMixin(UnaccentedSearchMixin, models.Model):
    """Abstract base for the app's pages: SEO title and description come from Page, the social
    image is added here, and ``unaccented_text`` is indexed for search without diacritics."""

    social_image = optional_image(
        _("social image"),
        _("Shown when the page is shared on social networks; 1200×630 works best."),
    )

    promote_panels = [
        MultiFieldPanel(Page.promote_panels, heading=_("For search engines")),
        FieldPanel("social_image"),
    ]

    class Meta:
        abstract = True

    # Takes a free slug when the one the title makes is taken (see ``articles.slugs``).
    base_form_class = EditorialPageForm

    def full_clean(self, *args, **kwargs):
        self._slug_from_title()
        super().full_clean(*args, **kwargs)

    def minimal_clean(self):
        # What a draft save, an autosave, a preview and the v3 API run instead of full_clean.
        self._slug_from_title()
        super().minimal_clean()

    def _slug_from_title(self):
        """An ASCII slug a reader can type: "Đẩy mạnh cải cách" -> "day-manh-cai-cach",
        "-2" when a sibling has it. Before Wagtail's own default (``slugify`` without "đ").
        Only once the parent is known: an unsaved page in the admin's add form has none
        (the form gives it a slug; ``save()`` cleans again once the page is in the tree)."""
        if self.slug or not self.title:
            return
        parent = self.get_parent() if self.path else getattr(self, "_cached_parent_obj", None)
        slug = slug_for(self.title)
        if parent is not None and slug:
            self.slug = free_slug(parent, slug, page=self)

    # The image fields ``listing_image()`` reads, for lists to load with the pages.
    listing_prefetch = ("social_image",)

    def listing_image(self):
        """The picture that stands for this page in lists; page types override it."""
        return self.social_image

    def get_social_image(self):
        return self.social_image or self.listing_image()


def search_fields_for(*fields):
    return Page.search_fields + list(fields) + [unaccented_search_field()]


def with_error_prefix(title, form):
    """``title`` with "Error: " in front while ``form`` holds errors (as GOV.UK does), so a
    screen reader's first words on the page say that something must be corrected."""
    if form is not None and form.is_bound and form.errors:
        return _("Error: %(title)s") % {"title": title}
    return title


def paginate(request, items):
    """One page of ``items``; a missing, bad or out-of-range ?page= gives the nearest page."""
    paginator = Paginator(items, app_settings.PORTAL_ITEMS_PER_PAGE)
    return paginator.get_page(request.GET.get("page"))


class EditorialIndexPage(EditorialPageMixin, Page):
    """Abstract base of the indexes under the home page (news, photos, videos): an
    introduction, then the live, public children of their one type, newest first, a page at
    a time (``articles/index_page.html``, the list as ``listing`` and under
    ``listing_name``)."""

    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = []  # placed by the site's app: headless.pages.place_under

    content_panels = Page.content_panels + [FieldPanel("intro")]
    promote_panels = EditorialPageMixin.promote_panels
    search_fields = search_fields_for(index.SearchField("intro"))
    unaccented_search_fields = ("title", "intro")

    # What an index may set: the context name of its list, the list's class, its empty
    # message. The children's ``listing_prefetch`` (what ``listing_image()`` reads) is loaded
    # with them.
    listing_name = "listing"
    list_class = "card-list"
    empty_listing_text = ""

    class Meta:
        abstract = True

    def listing(self):
        """The live, public children, and in a translated index (English) the default
        language's children that have no live translation here: one list in every language,
        so the English home page's teasers and this index never disagree. Those stay in
        their language (``listing_language_notes`` marks them)."""
        model = self.allowed_subpage_models()[0]
        pages = model.objects.live().public()
        shown = models.Q(pk__in=pages.child_of(self).values("pk"))
        source = self._default_language_index()
        if source is not None:
            translated = pages.child_of(self).values("translation_key")
            shown |= models.Q(pk__in=pages.child_of(source).values("pk")) & ~models.Q(
                translation_key__in=translated
            )
        return pages.filter(shown).select_related(*model.listing_prefetch).order_by("-date", "-pk")

    def _default_language_index(self):
        """This index in the site's default language, when this one is a translation of it."""
        try:
            default = Locale.get_default()
        except Locale.DoesNotExist:
            return None
        if self.locale_id == default.pk:
            return None
        return self.get_translation_or_none(default)

    def listing_language_notes(self, items):
        """Mark each listed page written in another language than this index: its language's
        code (``listing_language``) and a note in this index's language (``language_note``,
        e.g. "In Vietnamese")."""
        for item in items:
            item.listing_language = item.language_note = ""
            code = language_of(item.locale_id) if item.locale_id != self.locale_id else None
            if code:
                name = translation.get_language_info(code)["name_translated"]
                item.listing_language = code
                item.language_note = _("In %(language)s") % {"language": name}
        return items

    def filter_listing(self, request, items, context):
        """``items`` as the reader filtered them; indexes with filters override it."""
        return items

    def filter_title(self, context):
        """What the reader filtered on, for the page's ``<title>`` ("" for nothing);
        indexes with filters override it."""
        return ""

    def listing_title(self, context):
        """The ``<title>`` of this listing as the reader sees it: the filter and the page
        number named, so each filtered or later page has a title of its own."""
        title = self.seo_title or self.title
        filtered = self.filter_title(context)
        if filtered:
            title = _("%(title)s: %(filter)s") % {"title": title, "filter": filtered}
        number = context["listing"].number
        if number > 1:
            title = _("%(title)s — page %(number)s") % {"title": title, "number": number}
        return with_error_prefix(title, context.get("filter_form"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        items = self.filter_listing(request, self.listing(), context)
        context["listing"] = context[self.listing_name] = paginate(request, items)
        listing = context["listing"]
        listing.object_list = self.listing_language_notes(list(listing.object_list))
        context["page_title"] = self.listing_title(context)
        return context


class PageImage(TranslatableMixin, AltTextMixin, Orderable):
    """Abstract base of an image in a page's ordered list (gallery photos, slides), with the
    alt-text rule of ``images.alt`` in the page's language. Subclasses add ``page``."""

    image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("image"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    class Meta(TranslatableMixin.Meta):
        abstract = True

    def use_language(self):
        locale_id = self.page.locale_id if self.page_id else self.locale_id
        return language_of(locale_id)


PROMOTE_API_FIELDS = [
    APIField("seo_title"),
    APIField("search_description"),
    APIField("social_image", serializer=ImageRenditionField(SOCIAL)),
]

EditorialIndexPage.api_fields = [APIField("intro"), *PROMOTE_API_FIELDS]
