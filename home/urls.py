from django.urls import path

from headless.origins import same_origin_post

from . import views
from .contrast import choice_stylesheet

app_name = "portal_theme"

urlpatterns = [
    # Posted from cached pages that carry no CSRF token: checked by Origin instead.
    path("contrast/", same_origin_post(views.set_contrast), name="contrast"),
    path("tokens.css", views.theme_stylesheet, name="stylesheet"),
    path("choice.css", choice_stylesheet, name="choice"),
]
