from django.http import JsonResponse
from django.urls import path

from cms.urls import urlpatterns as site_urlpatterns


def bare_json(request):
    """The floor: a Django view that returns a small JSON document and touches nothing."""
    return JsonResponse({"items": [{"id": i, "title": f"Tin {i}"} for i in range(10)]})


urlpatterns = [path("bench/bare/", bare_json), *site_urlpatterns]
