"""Automated gauges POST readings with a Wagtail API token: authentication, permission,
validation exactly like the file import (all-or-nothing, every bad row named), idempotency
and cache invalidation."""

import json

import pytest
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.test import override_settings
from wagtail.models import APIToken

from tests.factories_widgets import make_station
from widgets.monitoring.models import Reading

URL = "/api/v3/stations/readings/"
BATCH = [
    {"station_code": "ST1", "metric": "salinity", "observed_at": "2021-10-18T07:00", "value": 5.3},
    {
        "station_code": "ST1",
        "metric": "salinity",
        "observed_at": "18/10/2021 08:00",
        "value": "5,4",
    },
    {
        "station_code": "ST1",
        "metric": "water_level",
        "observed_at": "2021-10-18T07:00:00+07:00",
        "value": -1,
    },
    {"station_code": "ST1", "metric": "salinity", "observed_at": "2021-10-18T09:00", "value": "-"},
]


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


@pytest.fixture
def station(db):
    return make_station("ST1", measures_water_level=True)


def _token(django_user_model, username, permitted):
    user = django_user_model.objects.create_user(username=username, password="x")
    if permitted:
        user.user_permissions.add(Permission.objects.get(codename="add_reading"))
    _instance, plaintext = APIToken.create_token(user=user, name="gauge")
    return plaintext


@pytest.fixture
def token(db, django_user_model):
    return _token(django_user_model, "gauge", permitted=True)


def post(client, body, token=None, **extra):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    data = body if isinstance(body, (str, bytes)) else json.dumps(body)
    extra.setdefault("content_type", "application/json")
    return client.post(URL, data, **headers, **extra)


def test_a_batch_is_stored_and_counted(station, token, client):
    response = post(client, BATCH, token)
    assert response.status_code == 200, response.content
    assert response.json() == {"received": 4, "created": 3, "skipped": 0, "blanks": 1}
    values = sorted(
        (r.metric, r.observed_at.isoformat(), str(r.value)) for r in Reading.objects.all()
    )
    assert values == [
        ("salinity", "2021-10-18T00:00:00+00:00", "5.300"),
        ("salinity", "2021-10-18T01:00:00+00:00", "5.400"),
        ("water_level", "2021-10-18T00:00:00+00:00", "-1.000"),
    ]


def test_resending_a_batch_adds_nothing(station, token, client):
    post(client, BATCH, token)
    again = post(client, BATCH, token)
    assert again.json() == {"received": 4, "created": 0, "skipped": 3, "blanks": 1}
    assert Reading.objects.count() == 3


def test_without_a_token_it_is_401(station, client):
    response = post(client, BATCH)
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/problem+json")
    assert Reading.objects.count() == 0


def test_a_wrong_or_revoked_token_is_401(station, token, client):
    assert post(client, BATCH, "wagtail_not-a-token").status_code == 401
    from django.utils import timezone

    APIToken.objects.update(revoked_at=timezone.now())
    assert post(client, BATCH, token).status_code == 401
    assert Reading.objects.count() == 0


def test_a_session_is_not_enough(station, client, admin_user):
    client.force_login(admin_user)
    assert post(client, BATCH).status_code == 401


def test_a_user_without_the_permission_is_403(station, client, django_user_model):
    token = _token(django_user_model, "reader", permitted=False)
    response = post(client, BATCH, token)
    assert response.status_code == 403
    assert response["Content-Type"].startswith("application/problem+json")
    assert Reading.objects.count() == 0


def test_one_bad_row_stores_nothing_and_every_bad_row_is_named(station, token, client):
    batch = [
        *BATCH,
        {
            "station_code": "NOPE",
            "metric": "salinity",
            "observed_at": "2021-10-18T07:00",
            "value": 1,
        },
        {"station_code": "ST1", "metric": "ph", "observed_at": "yesterday", "value": "abc"},
        {
            "station_code": "ST1",
            "metric": "salinity",
            "observed_at": "2021-10-18T07:00",
            "value": 1,
        },
        {
            "station_code": "ST1",
            "metric": "salinity",
            "observed_at": "2021-10-18T10:00",
            "value": -2,
        },
    ]
    response = post(client, batch, token)
    assert response.status_code == 422
    assert response["Content-Type"].startswith("application/problem+json")
    errors = [(e["index"], e["field"]) for e in response.json()["errors"]]
    assert errors == [
        (4, "station_code"),
        (5, "metric"),
        (5, "observed_at"),
        (5, "value"),
        (6, "observed_at"),  # a duplicate of row 0
        (7, "value"),  # negative salinity
    ]
    assert Reading.objects.count() == 0


@pytest.mark.parametrize(
    "body",
    [
        [],
        {"station_code": "ST1"},
        [{"station_code": "ST1", "metric": "salinity", "observed_at": "2021-10-18T07:00"}],
        [{"metric": "salinity", "observed_at": "2021-10-18T07:00", "value": 1}],
        [{**BATCH[0], "value": True}],
        [{**BATCH[0], "value": {"x": 1}}],
        [{**BATCH[0], "observed_at": 0}],
        [{**BATCH[0], "valeu": 1}],
        [1, 2, 3],
    ],
)
def test_missing_or_wrongly_typed_fields_are_422(station, token, client, body):
    response = post(client, body, token)
    assert response.status_code == 422
    assert response["Content-Type"].startswith("application/problem+json")
    assert Reading.objects.count() == 0


def test_at_most_5000_readings_a_batch(station, token, client):
    batch = [{**BATCH[0], "observed_at": f"2021-10-18T07:{n % 60:02}"} for n in range(5001)]
    response = post(client, batch, token)
    assert response.status_code == 422
    assert "5000" in json.dumps(response.json())


def test_broken_json_is_400_and_a_form_body_is_refused(station, token, client):
    broken = post(client, "[{", token)
    assert broken.status_code == 400
    assert broken["Content-Type"].startswith("application/problem+json")
    as_text = post(client, json.dumps(BATCH), token, content_type="text/plain")
    assert as_text.status_code in (400, 415)
    assert as_text["Content-Type"].startswith("application/problem+json")
    assert Reading.objects.count() == 0


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1000)
def test_a_huge_body_is_413(station, token, client):
    response = post(client, BATCH * 20, token)
    assert response.status_code == 413
    assert response["Content-Type"].startswith("application/problem+json")


def test_a_new_batch_invalidates_the_cached_station_listing(station, token, client):
    first = client.get("/api/v3/stations/")
    assert first.json()["items"][0]["salinity"]["latest"] is None
    assert client.get("/api/v3/stations/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    post(client, BATCH, token)
    after = client.get("/api/v3/stations/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert after.status_code == 200
    assert after.json()["items"][0]["salinity"]["latest"]["value"] == 5.4
