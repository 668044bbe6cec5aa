"""Moderation in the admin says what it does, and the links it sends follow the dev server's
PORT: publishing past a running workflow is announced before it happens, approvals say
"đã phê duyệt" / "đã xuất bản", never "Đã cập nhật trang"."""

import datetime
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from wagtail.models import Site, Workflow, WorkflowState

from articles.models import ArticleIndexPage, ArticlePage
from demo.site import build_home
from demo.workflow import EDITORS, WORKFLOW

from .fixtures_workflow import article_form, member_of

pytestmark = pytest.mark.usefixtures("shared_demo")
BASE_DIR = Path(__file__).resolve().parent.parent


@pytest.fixture
def superuser(admin_user, client):
    client.force_login(admin_user)
    return admin_user


def _article_in_workflow(user):
    index = ArticleIndexPage.objects.get(locale__language_code="vi")
    article = ArticlePage(
        title="Tin chờ duyệt",
        slug="tin-cho-duyet",
        date=datetime.date(2021, 10, 20),
        signature="Văn phòng",
        live=False,
    )
    index.add_child(instance=article)
    article.save_revision(user=user)
    Workflow.objects.get(name=WORKFLOW).start(article, user)
    return article


def _form(article):
    return article_form(article.title, article.slug, date="20/10/2021")


def test_publishing_past_a_running_workflow_is_announced_before_it_happens(superuser, client):
    article = _article_in_workflow(superuser)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    assert (
        "Trang này đang chờ duyệt theo quy trình &quot;Duyệt tin bài (hai bước)&quot; (bước hiện "
        "tại: &quot;Biên tập viên rà soát&quot;). Nếu xuất bản ngay, các bước duyệt còn lại sẽ "
        "bị bỏ qua" in html
    )
    assert "Xuất bản không qua duyệt" in html
    # Wagtail's own confirmation dialog is wired to the Publish button.
    url = reverse("wagtailadmin_pages:confirm_workflow_cancellation", args=[article.pk])
    assert f'data-confirm-cancellation-url="{url}"' in html


def test_a_page_outside_any_workflow_keeps_the_plain_publish_button(superuser, client):
    article = ArticlePage.objects.filter(locale__language_code="vi", live=True).first()
    html = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    assert "Xuất bản không qua duyệt" not in html and "đang chờ duyệt theo quy trình" not in html


def test_approval_messages_say_approved_and_published(superuser, client):
    article = _article_in_workflow(superuser)
    url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    approve = _form(article) | {"action-workflow-action": "true", "workflow-action-name": "approve"}

    first = client.post(url, approve, follow=True).content.decode()
    assert not ArticlePage.objects.get(pk=article.pk).live
    assert (
        "Trang &#x27;Tin chờ duyệt&#x27; đã được phê duyệt; bước tiếp theo: "
        "&quot;Lãnh đạo văn phòng phê duyệt&quot;." in first
    )
    assert "Đã cập nhật trang" not in first

    second = client.post(url, approve, follow=True).content.decode()
    assert "Trang &#x27;Tin chờ duyệt&#x27; đã được phê duyệt và đã xuất bản." in second
    assert "Đã cập nhật trang" not in second
    article.refresh_from_db()
    assert article.live
    assert article.workflow_states.get().status == WorkflowState.STATUS_APPROVED


def test_the_autosave_after_an_approval_does_not_approve_the_next_step(superuser, client):
    """Pressing Approve leaves ``action-workflow-action`` in the form; Wagtail's autosave
    posts that form again in the background (asking for JSON) right after."""
    article = _article_in_workflow(superuser)
    url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    approve = _form(article) | {"action-workflow-action": "true", "workflow-action-name": "approve"}
    client.post(url, approve)  # the click: step one approved
    autosave = client.post(url, approve, HTTP_ACCEPT="application/json")
    assert autosave.status_code == 200
    state = article.workflow_states.get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.task.name == "Lãnh đạo văn phòng phê duyệt"
    assert not ArticlePage.objects.get(pk=article.pk).live


def test_a_plain_save_still_says_updated(superuser, client):
    article = _article_in_workflow(superuser)
    url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    html = client.post(url, _form(article), follow=True).content.decode()
    assert "Đã cập nhật trang" in html


# PORT -----------------------------------------------------------------------------------


def _dev_setting(port):
    env = {k: v for k, v in os.environ.items() if k not in {"WAGTAILADMIN_BASE_URL", "PORT"}}
    env.update(DJANGO_SETTINGS_MODULE="cms.settings.dev", **({"PORT": port} if port else {}))
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.WAGTAILADMIN_BASE_URL, settings.WAGTAILAPI_BASE_URL)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=BASE_DIR, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_the_dev_settings_follow_port(db):
    assert _dev_setting("8311") == ["http://127.0.0.1:8311"] * 2
    assert _dev_setting(None) == ["http://127.0.0.1:8000"] * 2


@override_settings(
    WAGTAILADMIN_BASE_URL="http://127.0.0.1:8311", WAGTAILAPI_BASE_URL="http://127.0.0.1:8311"
)
def test_the_demo_site_emails_and_sitemap_point_at_the_port(superuser, client):
    build_home(io.StringIO())  # load_demo again, on another port
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8311)
    assert (
        "<loc>http://127.0.0.1:8311/tin-tuc/</loc>" in client.get("/sitemap.xml").content.decode()
    )

    member_of(EDITORS, "bien-tap", "bt@example.com")
    mail.outbox.clear()
    article = _article_in_workflow(superuser)
    sent = [m for m in mail.outbox if "bt@example.com" in m.to]
    assert sent and f"http://127.0.0.1:8311/admin/pages/{article.pk}/" in sent[0].body

    with override_settings(WAGTAILADMIN_BASE_URL="http://127.0.0.1:8000"):
        build_home(io.StringIO())  # re-run on the default port: the Site follows
    assert Site.objects.get(is_default_site=True).port == 8000
