"""Moderation that says what happens.

- Anyone allowed to publish (a superuser, the head of office) may publish a page straight past
  an approval workflow in progress; Wagtail then cancels the workflow. They are told so before
  they do: a warning at the top of the edit screen, the button reads "Publish without
  approval", and Wagtail's confirmation dialog asks once more when it is pressed.
- After an approval on the edit screen Wagtail says only "Page … has been updated"; the
  message says what happened instead: approved (and the next step), approved and published,
  or changes requested.
- Wagtail's background autosave never approves, publishes or submits: only the button does."""

from django.contrib import messages as django_messages
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail.admin.action_menu import PublishMenuItem
from wagtail.models import WorkflowState


def workflow_in_progress(page):
    state = page.current_workflow_state if page is not None and page.pk else None
    if state is None or state.status != WorkflowState.STATUS_IN_PROGRESS:
        return None
    return state


def skip_warning(state):
    task = state.current_task_state.task if state.current_task_state else None
    return _(
        'This page is waiting for approval in the workflow "%(workflow)s" (current step: '
        '"%(task)s"). Publishing it now skips the remaining approval steps and cancels the '
        "workflow. To keep the approval, use Approve instead."
    ) % {"workflow": state.workflow.name, "task": task.name if task else "-"}


class PublishPastWorkflowMenuItem(PublishMenuItem):
    """Wagtail's Publish button, named for what it does while a workflow is running. Wagtail
    asks for confirmation when it is pressed (``WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH``)."""

    label = gettext_lazy("Publish without approval")


def replace_publish_item(menu_items, request, context):
    """``construct_page_action_menu``: the renamed Publish while a workflow is running."""
    if context.get("view") != "edit" or not workflow_in_progress(context.get("page")):
        return
    for position, item in enumerate(menu_items):
        if type(item) is PublishMenuItem:
            menu_items[position] = PublishPastWorkflowMenuItem(order=item.order)


# What only the editor's own press of a button may do, never an autosave.
ACTIONS = (
    "action-publish",
    "action-submit",
    "action-restart-workflow",
    "action-cancel-workflow",
    "action-workflow-action",
)


def autosave_only_saves(request):
    """Wagtail's autosave posts the whole edit form in the background (it asks for JSON).
    Pressing Approve adds ``action-workflow-action`` to that form, so the autosave that
    follows the click approved the next step too, publishing a page the head of office never
    saw (or failed with a 500 once the workflow had ended). An autosave only saves a draft."""
    if request.accepts("text/html") or not any(name in request.POST for name in ACTIONS):
        return
    post = request.POST.copy()
    for name in ACTIONS:
        post.pop(name, None)
    request.POST = post


def warn_on_edit(request, page):
    """``before_edit_page``: the warning at the top of the edit screen; autosaves only save."""
    if request.method == "POST":
        autosave_only_saves(request)
    if request.method != "GET":
        return None
    state = workflow_in_progress(page)
    if state is not None and page.permissions_for_user(request.user).can_publish():
        django_messages.warning(request, skip_warning(state))
    return None


def name_the_workflow_action(request, page):
    """``after_edit_page``: replace "Page … has been updated" after a workflow action."""
    if request.method != "POST" or not request.POST.get("action-workflow-action"):
        return None
    action = request.POST.get("workflow-action-name")
    title = page.get_admin_display_title()
    page.refresh_from_db()
    state = page.workflow_states.order_by("-created_at").first()
    params = {"page_title": title}
    if action == "approve" and state is not None and state.status == WorkflowState.STATUS_APPROVED:
        if page.live and not page.has_unpublished_changes:
            text = _("Page '%(page_title)s' has been approved and published.")
        else:
            text = _("Page '%(page_title)s' has been approved.")
    elif action == "approve" and state is not None and state.current_task_state:
        text = _("Page '%(page_title)s' has been approved; next step: \"%(task)s\".")
        params["task"] = state.current_task_state.task.name
    elif action == "reject":
        text = _("Changes to page '%(page_title)s' have been requested.")
    else:
        return None
    queued = getattr(django_messages.get_messages(request), "_queued_messages", None)
    if queued:
        queued.pop()
    messages.success(request, text % params)
    return None
