"""Guards in front of Wagtail v3's page actions for moves its own code cannot handle: the root
page has no parent, so moving it, or moving a page beside it, raised an AttributeError (a 500)
inside ``MovePageAction``. Those requests get a 400 problem instead."""

from functools import wraps

from django.utils.translation import gettext as _
from wagtail.models import Page

from .problems import problem

SIBLING_POSITIONS = {"left", "right", "first-sibling", "last-sibling"}


def _guard_move(view):
    @wraps(view)
    def move(request, page_id, data, **kwargs):
        page = Page.objects.filter(pk=page_id).only("depth").first()
        target = Page.objects.filter(pk=data.destination_id).only("depth").first()
        if page is not None and page.depth == 1:
            return problem(400, _("The root page cannot be moved."))
        if target is not None and target.depth == 1 and data.position in SIBLING_POSITIONS:
            return problem(400, _("Nothing can be placed beside the root page."))
        return view(request, page_id=page_id, data=data, **kwargs)

    move._guarded = True
    return move


def install():
    from wagtail.api.v3.routers.pages import actions_router

    for path, path_view in actions_router.path_operations.items():
        if not path.endswith("/actions/move/"):
            continue
        for operation in path_view.operations:
            if not getattr(operation.view_func, "_guarded", False):
                operation.view_func = _guard_move(operation.view_func)
