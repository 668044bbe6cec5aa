"""Admin forms of the editorial pages."""

from .slugs import EditorialPageForm


class ArticlePageForm(EditorialPageForm):
    """Offers only the categories of the article's own language."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("categories")
        if field is None:
            return
        locale_id = self.instance.locale_id
        if locale_id is None and self.parent_page is not None:
            locale_id = self.parent_page.locale_id
        if locale_id is not None:
            field.queryset = field.queryset.filter(locale_id=locale_id)
