"""Wagtail's database search backend (SQLite FTS5, PostgreSQL full text), accent-insensitive
and safe for any input.

``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "vnsearch.backend"}}`` takes the backend
Wagtail would pick for the database and changes three things:

- indexing: every text it indexes (titles, bodies, autocomplete fields, related fields) is
  folded by ``vnsearch.text.fold`` ("Khởi công" is stored as "khoi cong");
- searching: every query, a string or a query object (``Phrase``, ``And``… from the admin's
  ``parse_query_string``), is reduced to its folded words by ``vnsearch.text.search_terms``,
  so "khởi công", "khoi cong" and "Khởi "công" (" find the same pages, images, documents
  and snippets, and no input reaches FTS5 or ``to_tsquery`` as syntax;
- a search restricted to some fields (the admin's snippet listings pass ``fields=``) uses
  the folded index too, on SQLite where Wagtail's backend would name the fields as FTS5
  columns (an error) and on PostgreSQL where it would read the unfolded columns.

Folding in Python rather than in the database gives the same words on both databases and
changes none of Wagtail's tables: FTS5's ``remove_diacritics 2`` leaves "đ" alone (so "da
nang" would miss "Đà Nẵng"), and PostgreSQL's ``unaccent`` needs an extension and a text
search configuration of its own. Text indexed before this backend was configured is rebuilt by
``manage.py update_index``."""

import copy
import functools

from modelsearch.backends.database import SearchBackend as database_backend
from modelsearch.index import AutocompleteField, RelatedFields, SearchField
from modelsearch.query import MATCH_NONE, And, Boost, Fuzzy, Not, Or, Phrase, PlainText

from .text import fold, search_terms

OPERATORS = ("and", "or")


def plain_query(query):
    """``query`` (a string or a modelsearch query object) with every text in it reduced to
    folded words; ``None`` when no word is left."""
    if isinstance(query, str):
        return search_terms(query) or None
    if isinstance(query, PlainText | Phrase | Fuzzy):
        terms = search_terms(query.query_string)
        if not terms:
            return None
        cleaned = copy.copy(query)
        cleaned.query_string = terms
        return cleaned
    if isinstance(query, Boost | Not):
        subquery = plain_query(query.subquery)
        if subquery is None:
            return None
        cleaned = copy.copy(query)
        cleaned.subquery = subquery
        return cleaned
    if isinstance(query, And | Or):
        subqueries = [sub for sub in map(plain_query, query.subqueries) if sub is not None]
        return type(query)(subqueries) if subqueries else None
    return query  # MatchAll


def _fold_value(value):
    if value is None:
        return None
    if isinstance(value, list | tuple):
        return [_fold_value(item) for item in value]
    if isinstance(value, dict):
        return {key: _fold_value(item) for key, item in value.items()}
    return fold(value)


def _folding_field(field):
    """A copy of a model's search field whose indexed text is folded."""
    folding = copy.copy(field)
    if isinstance(field, RelatedFields):
        # the related object itself is not folded, only its fields' values
        folding.get_value = lambda obj: field.get_value(_unwrap(obj))
        folding.fields = [_folding_field(sub_field) for sub_field in field.fields]
    elif isinstance(field, SearchField | AutocompleteField):
        folding.get_value = lambda obj: _fold_value(field.get_value(_unwrap(obj)))
    return folding


@functools.cache
def _folding_fields(model):
    return [_folding_field(field) for field in model.get_search_fields()]


class _FoldedObject:
    """What the backend's indexer reads of an object: its key and its (folding) fields."""

    def __init__(self, obj):
        self.obj = obj
        self.pk = obj.pk

    def get_search_fields(self):
        return _folding_fields(type(self.obj))


def _unwrap(obj):
    return obj.obj if isinstance(obj, _FoldedObject) else obj


class FoldingIndexMixin:
    def add_items(self, model, objs):
        super().add_items(model, [_FoldedObject(obj) for obj in objs])


class PlainQueryBackendMixin:
    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        if str(kwargs.get("operator") or "").lower() not in OPERATORS:
            kwargs["operator"] = None  # the backend's default rather than a ValueError
        # No word left: real (empty) results, which the admin's listings can show.
        query = plain_query(query) or MATCH_NONE
        return super()._search(query_compiler_class, query, model_or_queryset, **kwargs)


class FTSColumnsMixin:
    """SQLite: a search restricted to some fields (``fields=["name"]``, as the admin's
    snippet listings do) matches the FTS5 columns those fields are indexed in, instead of
    naming the model's fields as columns, which FTS5 rejects ("no such column: name")."""

    def search(self, config, start, stop, score_field=None):
        fields = self.fields
        if fields:
            columns = {"title" if name == "title" else "body" for name in fields}
            self.fields = [c for c in self.FTS_TABLE_FIELDS if c in columns] or None
        try:
            return super().search(config, start, stop, score_field=score_field)
        finally:
            self.fields = fields


class IndexVectorsMixin:
    """PostgreSQL: a search restricted to some fields matches the folded index vectors those
    fields are indexed in (title, or body), not vectors made from the model's columns, which
    hold the text with its accents and would miss "khoi cong"."""

    def get_search_vectors(self, search_query):
        vectors = self.get_index_vectors(search_query)
        if self.fields and len(vectors) == 2:  # the search compiler's title and body
            title, body = vectors
            wanted = {"title" if name == "title" else "body" for name in self.fields}
            vectors = [title] * ("title" in wanted) + [body] * ("body" in wanted)
        return vectors


_COMPILER_MIXINS = {".sqlite": FTSColumnsMixin, ".postgres": IndexVectorsMixin}


def _subclass(mixin, base, **attrs):
    return type(f"Folding{base.__name__}", (mixin, base), {"__module__": __name__, **attrs})


@functools.cache
def folding_backend_class(base):
    attrs = {"index_class": _subclass(FoldingIndexMixin, base.index_class)}
    for module, mixin in _COMPILER_MIXINS.items():
        if base.__module__.endswith(module):
            for name in ("query_compiler_class", "autocomplete_query_compiler_class"):
                attrs[name] = _subclass(mixin, getattr(base, name))
    return _subclass(PlainQueryBackendMixin, base, **attrs)


def SearchBackend(params):  # noqa: N802 (Wagtail looks up this name)
    """The database backend Wagtail would choose (by the default database's vendor), folding
    accents on both sides. On PostgreSQL the text search configuration is "simple" unless
    ``SEARCH_CONFIG`` names another: the server's default (often "english") drops folded
    Vietnamese words as stop words ("be" of "Cái Bè", "my" of "Mỹ Tho", "do" of "độ") and
    stems others. Changing it needs ``manage.py update_index`` on an existing index."""
    params = {"SEARCH_CONFIG": "simple", **params}
    return folding_backend_class(type(database_backend(params)))(params)
