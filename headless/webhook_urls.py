"""Where a webhook may point: ``https`` when PORTAL_WEBHOOK_REQUIRE_HTTPS (production), and
never at this machine or a private network (loopback, link-local, private, shared, reserved
addresses) unless PORTAL_WEBHOOK_ALLOW_PRIVATE_HOSTS is set. An editor's URL is checked when
it is saved; each delivery checks every address the host resolves to and connects only to a
checked one (a public name can resolve to a private address), and follows no redirect."""

import http.client
import ipaddress
import socket
import urllib.request
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .conf import app_settings

LOCAL_NAMES = ("localhost", "localhost.localdomain")


class UnsafeWebhookAddress(OSError):
    """The receiver's host resolves to an address webhooks may not reach."""


def allow_private():
    return bool(app_settings.PORTAL_WEBHOOK_ALLOW_PRIVATE_HOSTS)


def require_https():
    return bool(app_settings.PORTAL_WEBHOOK_REQUIRE_HTTPS)


def is_public(address):
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if ip.version == 6 and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def validate_url(url):
    """Raise ValidationError for a URL webhooks may not be sent to (no DNS lookup here)."""
    parts = urlsplit(url or "")
    if require_https() and parts.scheme != "https":
        raise ValidationError(_("A webhook address must start with https://."), code="https")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValidationError(_("Enter a web address (https://…)."), code="invalid")
    if allow_private():
        return
    host = parts.hostname.rstrip(".").lower()
    try:
        private = not is_public(host)
    except ValueError:  # a name, not an address
        private = host in LOCAL_NAMES or host.endswith((".localhost", ".local", ".internal"))
    if private:
        raise ValidationError(
            _(
                "A webhook may not point at this server or a private network address; "
                "use the receiver's public address."
            ),
            code="private",
        )


def _checked_addresses(host, port):
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    if not allow_private():
        refused = sorted({info[4][0] for info in infos if not is_public(info[4][0])})
        if refused:
            raise UnsafeWebhookAddress(
                f"{host} resolves to a private or local address; webhooks are not sent there"
            )
    return infos


def _connect(address, timeout=socket._GLOBAL_DEFAULT_TIMEOUT, source_address=None):
    """socket.create_connection, to checked addresses only (no second lookup)."""
    host, port = address
    error = None
    for family, kind, proto, _canonical, sockaddr in _checked_addresses(host, port):
        sock = socket.socket(family, kind, proto)
        try:
            if timeout is not socket._GLOBAL_DEFAULT_TIMEOUT:
                sock.settimeout(timeout)
            sock.connect(sockaddr)
            return sock
        except OSError as exc:
            error = exc
            sock.close()
    raise error or OSError(f"cannot connect to {host}")


class _HTTPConnection(http.client.HTTPConnection):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._create_connection = _connect


class _HTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._create_connection = _connect


class _HTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req):
        return self.do_open(_HTTPConnection, req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req):
        return self.do_open(_HTTPSConnection, req, context=self._context)


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # the 3xx answer is the result: a receiver does not send us elsewhere


def opener():
    """A urllib opener that checks addresses, follows no redirect and uses no proxy."""
    return urllib.request.build_opener(
        urllib.request.ProxyHandler({}), _NoRedirects, _HTTPHandler, _HTTPSHandler
    )
