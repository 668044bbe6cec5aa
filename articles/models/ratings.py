"""Readers' ratings of articles ("Đánh giá bài viết"): one vote of 1–5 per visitor."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ArticleRating(models.Model):
    page = models.ForeignKey(
        "articles.ArticlePage",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="ratings",
    )
    # An opaque, already-hashed visitor id: never an IP address.
    visitor_hash = models.CharField(_("visitor"), max_length=64)
    score = models.PositiveSmallIntegerField(_("score"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("article rating")
        verbose_name_plural = _("article ratings")
        constraints = [
            models.CheckConstraint(
                condition=Q(score__gte=1) & Q(score__lte=5), name="article_rating_score_1_to_5"
            ),
            models.UniqueConstraint(
                fields=["page", "visitor_hash"], name="unique_article_rating_per_visitor"
            ),
        ]

    def __str__(self):
        return f"{self.page_id}: {self.score}"
