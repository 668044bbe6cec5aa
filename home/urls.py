from django.urls import path

from . import views

app_name = "portal_theme"

urlpatterns = [
    path("contrast/", views.set_contrast, name="contrast"),
    path("tokens.css", views.theme_stylesheet, name="stylesheet"),
]
