"""/api/v3/visitor/: a server-issued visitor identity for a headless frontend.

The frontend keeps the token (per reader, e.g. in local storage) and sends it back with
ratings and visit beacons, in the ``X-Portal-Visitor`` header or the body's ``visitor`` field.
It is signed with Django's signing, so a string the client makes up is refused."""

from ninja import Field, Router, Schema, Status
from ninja.decorators import decorate_view

from headless import visitors
from headless.ratelimit import rate_limited
from headless.writes import public_write

router = Router(tags=["statistics"])


class VisitorToken(Schema):
    token: str = Field(description="the reader's visitor token; keep it and send it back")
    header: str = Field(description="the request header that carries it")


@router.post(
    "/",
    response={201: VisitorToken},
    summary="Get a visitor token (one per reader) for ratings and visit beacons",
    description=(
        "No body needed (or `application/json`). Rate-limited per address. Send the token "
        "back in the `X-Portal-Visitor` header or the `visitor` field of a rating or beacon."
    ),
)
@decorate_view(public_write(body_required=False))
@rate_limited("visitor")
def issue_visitor_token(request):
    return Status(201, {"token": visitors.new_token(), "header": visitors.HEADER})
