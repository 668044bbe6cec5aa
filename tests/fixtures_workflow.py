"""The editorial workflow's people and forms, shared by the tests that drive the admin: a user
in one of the demo's groups, and the article form an editor submits."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield


def member_of(group_name, username, email=""):
    """A new user in ``group_name`` (the demo's editors or heads of office)."""
    user = get_user_model().objects.create_user(username, email, password="pw-12345678")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def article_form(title, slug, date="2021-10-20"):
    """The admin form of a short article, as an editor posts it (no related links)."""
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "date": date,
            "summary": "Tóm tắt",
            "body": streamfield([("paragraph", rich_text("<p>Nội dung bài viết.</p>"))]),
            "signature": "Văn phòng",
            "tags": "",
            "related_links-TOTAL_FORMS": "0",
            "related_links-INITIAL_FORMS": "0",
            "related_links-MIN_NUM_FORMS": "0",
            "related_links-MAX_NUM_FORMS": "6",
        }
    )
