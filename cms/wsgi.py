import os

from django.core.wsgi import get_wsgi_application

from cms.startup import exit_on_config_error

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

application = exit_on_config_error(get_wsgi_application)()
