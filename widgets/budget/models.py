"""Budget disclosure documents ("Công khai ngân sách") and the page that lists every year."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.documents import get_document_model_string
from wagtail.models import Page
from wagtail.search import index

from .deadlines import Period


class BudgetDocument(index.Indexed, models.Model):
    fiscal_year = models.PositiveSmallIntegerField(
        _("fiscal year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    period = models.CharField(_("period"), max_length=24, choices=Period.choices)
    form_code = models.CharField(
        _("form code"), max_length=32, blank=True, help_text=_("For example 45/CK-NSNN.")
    )
    title = models.CharField(_("title"), max_length=255)
    document = models.ForeignKey(
        get_document_model_string(),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("file"),
    )
    published_on = models.DateField(_("published on"), default=timezone.localdate)
    decided_on = models.DateField(
        _("date of the submission or decision"),
        null=True,
        blank=True,
        help_text=_(
            "When the estimate was sent to the People's Council or the decision was issued; "
            "the legal deadline counts from it."
        ),
    )

    panels = [
        FieldRowPanel([FieldPanel("fiscal_year"), FieldPanel("period")]),
        FieldPanel("form_code"),
        FieldPanel("title"),
        FieldPanel("document"),
        FieldRowPanel([FieldPanel("published_on"), FieldPanel("decided_on")]),
    ]
    search_fields = [
        index.SearchField("title"),
        index.SearchField("form_code"),
        index.FilterField("fiscal_year"),
        index.FilterField("period"),
    ]

    class Meta:
        ordering = ["-fiscal_year", "-published_on", "-pk"]
        verbose_name = _("budget document")
        verbose_name_plural = _("budget documents")

    def __str__(self):
        return f"{self.fiscal_year} – {self.title}"

    @property
    def file_type(self):
        return self.document.file_extension.upper() if self.document else ""

    @property
    def file_size(self):
        return self.document.file_size if self.document else None


class BudgetIndexPage(Page):
    """Every fiscal year's budget disclosures, newest year first."""

    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = []  # placed by the site's app: headless.pages.place_under
    subpage_types = []
    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("budget disclosure index")
        verbose_name_plural = _("budget disclosure indexes")

    def get_context(self, request, *args, **kwargs):
        from .blocks import years_data

        context = super().get_context(request, *args, **kwargs)
        context["years"] = years_data()
        return context
