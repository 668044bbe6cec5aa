"""Drafts, scheduled publishing, revisions, the two-step moderation workflow, translation."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Revision, Workflow, WorkflowState
from wagtail_localize.models import Translation, TranslationSource

from articles.models import ArticleIndexPage, ArticlePage, Category
from demo.translation import translate_page
from demo.workflow import EDITORS, HEADS, WORKFLOW
from home.models import HomePage

from .factories_articles import make_article, make_image, make_site
from .fixtures_workflow import article_form, member_of


def test_load_demo_sets_up_groups_and_a_two_step_workflow_on_both_home_pages(demo):
    workflow = Workflow.objects.get(name=WORKFLOW)
    tasks = [task.specific for task in workflow.tasks.order_by("workflow_tasks__sort_order")]
    assert [[g.name for g in task.groups.all()] for task in tasks] == [[EDITORS], [HEADS]]
    for home in HomePage.objects.all():
        assert home.get_workflow() == workflow
    editors = Group.objects.get(name=EDITORS)
    assert not editors.page_permissions.filter(permission__codename="publish_page").exists()
    assert (
        Group.objects.get(name=HEADS)
        .page_permissions.filter(permission__codename="publish_page")
        .exists()
    )


def test_an_editor_cannot_publish_and_the_workflow_publishes_after_approval(demo, client):
    editor, head = member_of(EDITORS, "bien-tap"), member_of(HEADS, "lanh-dao")
    index = ArticleIndexPage.objects.get(locale__language_code="vi")
    add_url = reverse("wagtailadmin_pages:add", args=("articles", "articlepage", index.pk))

    client.force_login(editor)
    data = article_form("Tin chờ duyệt", "tin-cho-duyet")
    response = client.post(add_url, data | {"action-publish": "action-publish"})
    assert response.status_code == 302
    article = ArticlePage.objects.get(slug="tin-cho-duyet")
    assert not article.live  # publishing was not the editor's to do: saved as a draft
    assert client.get("/tin-tuc/tin-cho-duyet/").status_code == 404

    edit_url = reverse("wagtailadmin_pages:edit", args=(article.pk,))
    response = client.post(edit_url, data | {"action-submit": "action-submit"})
    assert response.status_code == 302
    state = WorkflowState.objects.get(object_id=str(article.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS

    def approve(user):
        client.force_login(user)
        state.refresh_from_db()
        task_state = state.current_task_state
        url = reverse(
            "wagtailadmin_pages:workflow_action", args=(article.pk, "approve", task_state.pk)
        )
        return client.post(url, {"comment": "Đồng ý"})

    approve(editor)  # step one: an editor's review
    article.refresh_from_db()
    assert not article.live
    approve(head)  # step two: the head of office publishes
    article.refresh_from_db()
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert article.live
    assert client.get("/tin-tuc/tin-cho-duyet/").status_code == 200


def test_an_editor_cannot_approve_the_head_of_offices_step(demo, client):
    editor = member_of(EDITORS, "bien-tap")
    index = ArticleIndexPage.objects.get(locale__language_code="vi")
    article = ArticlePage(title="Tin hai bước", slug="tin-hai-buoc")
    index.add_child(instance=article)
    article.save_revision(user=editor)
    state = Workflow.objects.get(name=WORKFLOW).start(article, editor)
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, editor, "approve")
    state.refresh_from_db()
    second = state.current_task_state.task.specific
    assert not second.user_can_access_editor(article, editor) or not second.get_actions(
        article, editor
    )


def test_scheduled_publishing_waits_for_go_live_at(db):
    tree = make_site()
    article = ArticlePage(title="Tin hẹn giờ", slug="tin-hen-gio", date=datetime.date(2021, 11, 1))
    tree["news"].add_child(instance=article)
    article.go_live_at = timezone.now() + datetime.timedelta(days=1)
    revision = article.save_revision()
    revision.publish()
    article.refresh_from_db()
    assert not article.live
    assert Revision.objects.get(pk=revision.pk).approved_go_live_at is not None

    call_command("publish_scheduled", stdout=open("/dev/null", "w"))  # noqa: SIM115
    article.refresh_from_db()
    assert not article.live  # not yet due

    # Time passes: the scheduled moment is now in the past.
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision = Revision.objects.get(pk=revision.pk)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save()
    call_command("publish_scheduled", stdout=open("/dev/null", "w"))  # noqa: SIM115
    article.refresh_from_db()
    assert article.live


def test_revisions_keep_earlier_versions(db):
    tree = make_site()
    article = make_article(tree["news"], "Bản đầu tiên")
    article.title = "Bản thứ hai"
    article.save_revision().publish()
    titles = [r.as_object().title for r in article.revisions.order_by("created_at", "pk")]
    assert titles == ["Bản đầu tiên", "Bản thứ hai"]
    draft = article.specific
    draft.title = "Bản nháp thứ ba"
    draft.save_revision()
    article.refresh_from_db()
    assert article.title == "Bản thứ hai"  # a draft does not change the live page


@pytest.fixture
def translated(db):
    tree = make_site()
    vi_home = tree["home"]
    translate_page(vi_home, "en", {"Trang chủ": "Home", "trang-chu": "home"})
    en_index = translate_page(tree["news"], "en", {"Tin tức": "News", "tin-tuc": "news"})
    reform = Category.objects.create(
        name="Cải cách hành chính", slug="cai-cach", locale=Locale.objects.get(language_code="vi")
    )
    english = reform.copy_for_translation(Locale.objects.get(language_code="en"))
    english.name, english.slug = "Administrative reform", "reform"
    english.save()
    untranslated = make_article(tree["news"], "Tin chỉ có tiếng Việt", datetime.date(2021, 9, 1))
    article = ArticlePage(
        title="Cải cách hành chính",
        slug="cai-cach-hanh-chinh",
        date=datetime.date(2021, 10, 12),
        summary="Tóm tắt tiếng Việt",
        signature="Văn phòng",
        hero_image=make_image(),
        body=[
            ("paragraph", "<p>Đoạn một.</p>"),
            ("quote", {"quote": "Lời trích", "attribution": "UBND tỉnh"}),
            (
                "table",
                {
                    "caption": "Bảng chỉ số",
                    "table": {"first_row_is_table_header": True, "data": [["Chỉ số", "Điểm"]]},
                },
            ),
        ],
    )
    article.categories = [reform]
    tree["news"].add_child(instance=article)
    article.related_links.create(article=untranslated)
    article.save_revision().publish()
    english_article = translate_page(
        article,
        "en",
        {
            "Cải cách hành chính": "Administrative reform",
            "cai-cach-hanh-chinh": "administrative-reform",
            "Đoạn một.": "Paragraph one.",
            "Lời trích": "The quote",
        },
    )
    return {
        "vi": article,
        "en": english_article,
        "en_index": en_index,
        "untranslated": untranslated,
    }


def test_a_translated_article_renders_in_english_with_sensible_fallbacks(translated, client):
    response = client.get("/en/news/administrative-reform/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Paragraph one." in html and "The quote" in html
    assert "12 Oct 2021" in html
    assert ">Administrative reform</a>" in html  # the category in English
    assert "Tóm tắt tiếng Việt" in html  # an untranslated string falls back to the source
    # the related article has no English version: linked in Vietnamese, marked as such
    assert 'lang="vi">Tin chỉ có tiếng Việt</a>' in html


def test_the_english_index_lists_english_articles_and_marks_vietnamese_only_ones(
    translated, client
):
    html = client.get("/en/news/").content.decode()
    assert "Administrative reform" in html
    assert re.search(r'lang="vi"[^>]*>\s*(<a[^>]*>)?\s*Tin chỉ có tiếng Việt', html)
    vietnamese_url = translated["vi"].url
    assert (
        vietnamese_url.startswith("/")
        and vietnamese_url in client.get("/tin-tuc/").content.decode()
    )
    assert vietnamese_url not in html  # a translated article is listed once, in English
    filtered = client.get("/en/news/", {"category": "reform"})
    assert [a.pk for a in filtered.context["articles"]] == [translated["en"].pk]


def test_a_change_to_the_source_syncs_to_the_translation(translated):
    vi = translated["vi"]
    vi.summary = "Tóm tắt đã sửa"
    vi.save_revision().publish()
    source = TranslationSource.objects.get_for_instance(vi)
    source.update_from_db()
    Translation.objects.get(source=source).save_target(publish=True)
    translated["en"].refresh_from_db()
    assert translated["en"].summary == "Tóm tắt đã sửa"
    assert translated["en"].title == "Administrative reform"
