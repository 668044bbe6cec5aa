"""The newsroom's moderation: editors write and submit, the head of office publishes.

Groups "Biên tập viên" (add, edit, submit; no publishing) and "Lãnh đạo văn phòng"
(approve and publish), and a two-step workflow on both home pages: an editor's review,
then the head of office's approval."""

from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from home.models import HomePage

EDITORS = "Biên tập viên"
HEADS = "Lãnh đạo văn phòng"
WORKFLOW = "Duyệt tin bài (hai bước)"
TASKS = [("Biên tập viên rà soát", EDITORS), ("Lãnh đạo văn phòng phê duyệt", HEADS)]

PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page"],
    HEADS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
MODEL_PERMISSIONS = {
    EDITORS: [
        ("wagtailadmin", "access_admin"),
        ("articles", "add_category"),
        ("articles", "change_category"),
    ],
    HEADS: [
        ("wagtailadmin", "access_admin"),
        ("articles", "add_category"),
        ("articles", "change_category"),
        ("articles", "delete_category"),
    ],
}
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _ensure_group(name, homes):
    group, _ = Group.objects.get_or_create(name=name)
    group.permissions.add(*(_permission(app, code) for app, code in MODEL_PERMISSIONS[name]))
    root = Collection.get_first_root_node()
    for app, code in COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=_permission(app, code)
        )
    for home in homes:
        for code in PAGE_PERMISSIONS[name]:
            GroupPagePermission.objects.get_or_create(
                group=group, page=home, permission=_permission("wagtailcore", code)
            )
    return group


def build_workflow(stdout):
    homes = list(HomePage.objects.all())
    groups = {name: _ensure_group(name, homes) for name in (EDITORS, HEADS)}
    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    if created:
        stdout.write("Created the moderation workflow.")
    for order, (task_name, group_name) in enumerate(TASKS):
        task = GroupApprovalTask.objects.filter(name=task_name).first()
        if task is None:
            task = GroupApprovalTask.objects.create(name=task_name)
            task.groups.set([groups[group_name]])
        WorkflowTask.objects.get_or_create(
            workflow=workflow, task=task, defaults={"sort_order": order}
        )
    for home in homes:
        WorkflowPage.objects.get_or_create(page=home, defaults={"workflow": workflow})
    return workflow
