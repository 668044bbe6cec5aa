"""Videos: an uploaded file or a link, captions validated as WebVTT, nothing fetched; a
link is played click-to-load on its own page, whose CSP alone allows the provider's player."""

import socket

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text

from articles.models import VideoIndexPage, VideoPage
from articles.models.videos import embed_url
from home.models import HomePage

from .factories_articles import WEBVTT, make_image, make_site, publish


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Any attempt to open a connection fails the test: videos are never fetched."""

    def refuse(*args, **kwargs):
        raise AssertionError("a video page tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def video_data(**fields):
    data = {
        "title": "Phóng sự cải cách hành chính",
        "slug": "phong-su-cchc",
        "date": "2021-10-12",
        "summary": "Tóm tắt đã gõ",
        "video_url": "",
        "transcript": rich_text("<p>Lời thoại đầy đủ.</p>"),
    }
    data.update(fields)
    return nested_form_data(data)


class TestVideoAdmin(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = make_site()

    def setUp(self):
        self.login()
        self.url = reverse(
            "wagtailadmin_pages:add", args=("articles", "videopage", self.tree["videos"].pk)
        )

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(VideoIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(VideoIndexPage, {VideoPage})
        self.assertAllowedParentPageTypes(VideoPage, {VideoIndexPage})
        self.assertAllowedSubpageTypes(VideoPage, set())

    def test_an_editor_adds_a_youtube_link_with_captions(self):
        data = video_data(video_url="https://www.youtube.com/watch?v=abc123")
        data["captions_file"] = SimpleUploadedFile("phu-de.vtt", WEBVTT, "text/vtt")
        data["action-publish"] = "action-publish"
        response = self.client.post(self.url, data)
        assert response.status_code == 302, response.context["form"].errors
        video = VideoPage.objects.get(slug="phong-su-cchc")
        assert video.live
        assert video.provider == "YouTube"
        assert video.captions_file.read().startswith(b"WEBVTT")

    def test_an_editor_uploads_a_video_file(self):
        data = video_data()
        data["video_file"] = SimpleUploadedFile("tin.mp4", b"\x00\x00\x00\x18ftypmp42", "video/mp4")
        data["action-publish"] = "action-publish"
        response = self.client.post(self.url, data)
        assert response.status_code == 302
        video = VideoPage.objects.get(slug="phong-su-cchc")
        assert video.video_mime_type() == "video/mp4"

    def test_a_video_without_file_or_link_is_refused_on_those_fields(self):
        response = self.client.post(self.url, video_data())
        assert response.status_code == 200
        errors = response.context["form"].errors
        assert "video_file" in errors and "video_url" in errors
        html = response.content.decode()
        assert "Tóm tắt đã gõ" in html and "Phóng sự cải cách hành chính" in html
        assert not VideoPage.objects.filter(slug="phong-su-cchc").exists()

    def test_a_captions_file_that_is_not_webvtt_is_refused_on_its_field(self):
        data = video_data(video_url="https://vimeo.com/123")
        data["captions_file"] = SimpleUploadedFile(
            "phu-de.vtt", b"1\n00:00:01,000 --> 00:00:02,000\nSRT\n"
        )
        response = self.client.post(self.url, data)
        assert response.status_code == 200
        errors = response.context["form"].errors
        assert list(errors) == ["captions_file"]
        assert "WEBVTT" in str(errors["captions_file"])
        assert "https://vimeo.com/123" in response.content.decode()

    def test_a_video_file_of_the_wrong_type_is_refused(self):
        data = video_data()
        data["video_file"] = SimpleUploadedFile("virus.exe", b"MZ")
        response = self.client.post(self.url, data)
        assert response.status_code == 200
        assert "video_file" in response.context["form"].errors


@pytest.fixture
def videos(db):
    tree = make_site()
    poster = make_image("Áp phích", "Nông dân thu hoạch lúa")
    linked = VideoPage(
        title="Mùa lúa",
        slug="mua-lua",
        video_url="https://youtu.be/xyz",
        poster_image=poster,
        transcript="<p>Nông dân phấn khởi.</p><script>alert(1)</script>",
    )
    uploaded = VideoPage(title="Tin tức tỉnh", slug="tin-tuc-tinh")
    uploaded.video_file.save("tin.webm", SimpleUploadedFile("tin.webm", b"webm"), save=False)
    uploaded.captions_file.save("tin.vtt", SimpleUploadedFile("tin.vtt", WEBVTT), save=False)
    return {
        "tree": tree,
        "linked": publish(tree["videos"], linked),
        "uploaded": publish(tree["videos"], uploaded),
    }


def test_an_uploaded_video_plays_with_captions_and_a_transcript(videos, client):
    html = client.get(videos["uploaded"].url).content.decode()
    assert "<video controls" in html
    assert 'type="video/webm"' in html
    assert '<track kind="captions"' in html and 'srclang="vi"' in html


def test_a_linked_video_is_a_link_with_its_poster_and_the_player_only_on_request(videos, client):
    html = client.get(videos["linked"].url).content.decode()
    assert 'href="https://youtu.be/xyz"' in html
    assert "Xem trên YouTube" in html
    assert "<iframe" not in html  # embed.js makes it when the reader presses play
    assert 'data-embed-src="https://www.youtube-nocookie.com/embed/xyz123?' not in html
    assert "Nông dân phấn khởi." in html  # the transcript
    assert "alert(1)" not in html


def frame_sources(response):
    policy = response.headers["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    return set(directives["frame-src"].split())


def test_only_an_embeddable_videos_page_allows_the_providers_player(videos, client):
    linked = videos["linked"]
    linked.video_url = "https://www.youtube.com/watch?v=xyz123abc"
    linked.save_revision().publish()
    response = client.get(linked.url)
    html = response.content.decode()
    assert 'data-embed-src="https://www.youtube-nocookie.com/embed/xyz123abc?autoplay=1' in html
    assert "youtube.com/vi/" not in html and "ytimg" not in html  # no hotlinked thumbnail
    assert frame_sources(response) == {
        "'self'",
        "https://www.youtube-nocookie.com",
        "https://player.vimeo.com",
    }
    for other in (videos["uploaded"].url, videos["tree"]["videos"].url, "/"):
        assert frame_sources(client.get(other)) == {"'self'"}, other


def test_with_embeds_turned_off_a_link_stays_and_nothing_is_allowed(videos, client, settings):
    settings.PORTAL_VIDEO_EMBEDS = False
    linked = videos["linked"]
    linked.video_url = "https://vimeo.com/76979871"
    linked.save_revision().publish()
    response = client.get(linked.url)
    html = response.content.decode()
    assert 'href="https://vimeo.com/76979871"' in html and "Xem trên Vimeo" in html
    assert "data-video-embed" not in html
    assert frame_sources(response) == {"'self'"}


@pytest.mark.parametrize(
    "url, player",
    [
        (
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10",
            "www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        ),
        ("https://youtu.be/dQw4w9WgXcQ", "www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://m.youtube.com/shorts/dQw4w9WgXcQ", "www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://vimeo.com/76979871", "player.vimeo.com/video/76979871"),
        ("https://player.vimeo.com/video/76979871", "player.vimeo.com/video/76979871"),
        ("https://www.youtube.com/channel/UCabc", ""),
        ("https://www.youtube.com/watch?v=<script>", ""),
        ("https://vimeo.com/channels/staffpicks", ""),
        ("https://example.com/watch?v=dQw4w9WgXcQ", ""),
        ("", ""),
    ],
)
def test_embed_addresses_name_one_video_on_the_privacy_friendly_player(url, player):
    found = embed_url(url)
    assert (found.split("://", 1)[1].split("?")[0] if found else "") == player


def test_captions_keep_their_language_in_a_translation(videos, client):
    uploaded = videos["uploaded"]
    assert uploaded.captions_language == "vi"  # filled in from the page's language on save
    html = client.get(uploaded.url).content.decode()
    assert 'srclang="vi" label="Tiếng Việt" default' in html


def test_a_vietnamese_video_on_the_english_site_is_marked_lang_vi(videos):
    with translation.override("en"):
        html = render_to_string("articles/includes/video_player.html", {"video": videos["linked"]})
    assert '<span lang="vi">Mùa lúa</span>' in html
    with translation.override("vi"):
        html = render_to_string("articles/includes/video_player.html", {"video": videos["linked"]})
    assert "<span>Mùa lúa</span>" in html


def test_the_index_lists_every_live_video(videos, client):
    html = client.get(videos["tree"]["videos"].url).content.decode()
    assert "Mùa lúa" in html and "Tin tức tỉnh" in html


def test_the_home_page_video_box_shows_the_videos_the_editor_chose(videos, client):
    home, index = videos["tree"]["home"], videos["tree"]["videos"]
    chosen = {"heading": "", "pages": [videos["linked"]], "more": index}
    home.body = [("featured_videos", chosen)]
    home.save_revision().publish()
    html = client.get(home.url).content.decode()
    box = html[html.index('class="widget widget-teasers"') :]
    box = box[: box.index("</section>")]
    assert "Mùa lúa" in box and "Tin tức tỉnh" not in box
    assert f'href="{index.url}"' in box  # "See all"
