"""The client's address as seen through a known number of trusted reverse proxies.

Only used transiently (rate-limit keys, salted visitor hashes); never stored."""

from .conf import app_settings


def client_ip(request):
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = int(app_settings.PORTAL_TRUSTED_PROXY_COUNT)
    if proxies <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    # Each trusted proxy appends the address it received from; the client's is that many
    # entries from the right. Anything further left was sent by the client and is untrusted.
    if len(forwarded) >= proxies:
        return forwarded[-proxies]
    return remote
