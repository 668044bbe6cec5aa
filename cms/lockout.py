"""The page a locked-out admin sign-in gets (django-axes' AXES_LOCKOUT_CALLABLE): the login
screen's frame with one clear sentence — how many failures, how long to wait — in the
officer's language, status 429 and a Retry-After."""

import hashlib
import hmac

from axes.helpers import get_cool_off, get_failure_limit
from django.conf import settings
from django.shortcuts import render

TEMPLATE = "axes/lockout.html"


def lockout_response(request, original_response=None, credentials=None):
    cool_off = get_cool_off(request)
    minutes = max(1, round(cool_off.total_seconds() / 60)) if cool_off else None
    context = {"failure_limit": get_failure_limit(request, credentials), "minutes": minutes}
    response = render(request, TEMPLATE, context, status=429)
    if cool_off:
        response["Retry-After"] = str(int(cool_off.total_seconds()))
    return response


def client_str(username, ip_address, user_agent, path_info, request):
    """How django-axes names a client in the log: the user name and a keyed hash of the
    address (one address gives one hash, so lines can be matched), never the address."""
    key = f"portal-axes-log:{settings.SECRET_KEY}".encode()
    address = hmac.new(key, (ip_address or "").encode(), hashlib.sha256).hexdigest()[:12]
    return f'{{username: "{username}", address_hash: "{address}", path_info: "{path_info}"}}'
