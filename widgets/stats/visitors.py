"""How many new visitors one address may bring: past the cap, made-up ids or user agents from
that address count as the address alone. (The visitor identity itself is
``headless.visitors``, shared with the ratings.)"""

from headless.clientip import client_ip
from headless.ratelimit import first_seen_within_cap

from ..conf import app_settings


def capped(request, identity):
    """``identity``, unless its address has already brought PORTAL_NEW_VISITORS_PER_ADDRESS
    (default 10 an hour) distinct new visitors: then the address itself, so made-up ids or
    user agents from one address add no unique visitors past the cap."""
    cap = app_settings.PORTAL_NEW_VISITORS_PER_ADDRESS
    address = client_ip(request)
    if cap and not first_seen_within_cap("visitors", address, identity, cap):
        return f"address:{address}"
    return identity
