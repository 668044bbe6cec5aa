"""A strict Content-Security-Policy for the public site: every script and stylesheet comes from
the portal itself, nothing inline, so injected markup cannot run. The Wagtail admin has its own
needs and is left out."""

from django.conf import settings

DEFAULT_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "media-src": ["'self'"],
    "frame-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        policy = getattr(settings, "PORTAL_CSP", DEFAULT_POLICY)
        self.header = "; ".join(f"{name} {' '.join(values)}" for name, values in policy.items())
        self.exempt = tuple(getattr(settings, "PORTAL_CSP_EXEMPT_PATHS", ("/admin/",)))

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path_info.startswith(self.exempt):
            response.headers.setdefault("Content-Security-Policy", self.header)
        return response
