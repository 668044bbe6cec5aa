"""SQL queries per request, counted in-process: constant in the page size is the target."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


def count(path):
    client = Client(HTTP_HOST="127.0.0.1")
    client.get(path)  # renditions are created once, on the first request
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path + "&_fresh=1")
    assert response.status_code == 200, (path, response.status_code)
    return len(queries)


def listing_queries(report):
    ten = count("/api/v3/articles/?limit=10&locale=vi")
    hundred = count("/api/v3/articles/?limit=100&locale=vi")
    report.value("SQL queries: /api/v3/articles/?limit=10", ten, target=8, lower_is_better=True)
    report.value(
        "SQL queries: /api/v3/articles/?limit=100",
        hundred,
        target=min(8, ten),
        lower_is_better=True,
        detail="must equal the limit=10 count",
    )
