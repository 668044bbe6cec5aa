"""The OpenAPI document is valid OpenAPI, states what clients meet (every error answer, the
caps, anonymous access) and turns into a usable Python client with a readable name."""

import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from openapi_spec_validator import validate

pytestmark = pytest.mark.usefixtures("db")


@pytest.fixture
def document(client):
    return client.get("/api/v3/openapi.json").json()


def operations(document):
    for path, item in document["paths"].items():
        for method, operation in item.items():
            yield path, method, operation


def test_the_document_is_valid_openapi(document):
    validate(document)  # raises on an invalid document (AllowAnonymous had no `scheme`)
    assert "AllowAnonymous" not in document["components"]["securitySchemes"]


def test_anonymous_access_is_the_empty_requirement(document):
    pages = document["paths"]["/api/v3/pages/"]["get"]
    assert pages["security"] == [{"BearerTokenAuth": []}, {}]


def test_every_operation_documents_its_error_answers_as_problems(document):
    for path, method, operation in operations(document):
        responses = operation["responses"]
        label = f"{method.upper()} {path}"
        if operation.get("parameters") or operation.get("requestBody"):
            assert "422" in responses, label
        if "{" in path:
            assert "404" in responses, label
        if operation.get("security") and {} not in operation["security"]:
            assert "401" in responses, label
        if operation.get("requestBody"):
            assert {"409", "413", "415"} <= set(responses), label
        for status, answer in responses.items():
            if status.startswith("4"):
                assert "application/problem+json" in answer["content"], label
    hits = document["paths"]["/api/v3/stats/hits/"]["post"]["responses"]
    assert "429" in hits


def test_list_caps_are_stated(document):
    def parameter(path, name):
        parameters = document["paths"][path]["get"]["parameters"]
        return next(p for p in parameters if p["name"] == name)["schema"]

    assert parameter("/api/v3/pages/", "limit")["maximum"] == 100
    assert parameter("/api/v3/pages/", "offset")["maximum"] == 10_000_000
    assert parameter("/api/v3/images/", "offset")["maximum"] == 10_000_000
    assert parameter("/api/v3/articles/", "offset")["maximum"] == 100_000  # its own, kept


def test_the_date_order_rule_is_documented(document):
    readings = document["paths"]["/api/v3/stations/{id}/readings/"]["get"]["parameters"]
    described = {p["name"]: p["description"] for p in readings if "description" in p}
    assert "not after `to`" in described["from"]
    assert "not before `from`" in described["to"]


@pytest.mark.parametrize("query", ["from=", "to=", "from=0304-09-01", "to=0"])
def test_what_the_schema_calls_invalid_is_rejected(client, query):
    response = client.get(f"/api/v3/stations/1/readings/?{query}")
    assert response.status_code == 422


def test_openapi_python_client_generates_an_importable_client(document, tmp_path):
    source = tmp_path / "openapi.json"
    source.write_text(json.dumps(document))
    command = Path(sys.executable).parent / "openapi-python-client"
    result = subprocess.run(
        [command, "generate", "--path", source, "--output-path", tmp_path / "client"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Endpoint will not be generated" not in result.stdout, result.stdout
    package = tmp_path / "client" / "cong_thong_tin_api_client"
    assert package.is_dir(), list((tmp_path / "client").iterdir())
    sys.path.insert(0, str(tmp_path / "client"))
    try:
        theme = importlib.import_module("cong_thong_tin_api_client.api.theme")
        assert theme.__path__
        client_module = importlib.import_module("cong_thong_tin_api_client.client")
        assert client_module.Client(base_url="http://localhost")
    finally:
        sys.path.remove(str(tmp_path / "client"))
        for name in [n for n in sys.modules if n.startswith("cong_thong_tin_api_client")]:
            del sys.modules[name]


@pytest.mark.parametrize("query", ["date_to=0", "date_from=1", "date_to=", "date_from=20211012"])
def test_article_dates_must_be_iso_dates(client, query):
    response = client.get(f"/api/v3/articles/?{query}")
    assert response.status_code == 422


def test_an_iso_article_date_is_still_accepted(client):
    assert client.get("/api/v3/articles/?date_to=2021-10-12").status_code == 200
