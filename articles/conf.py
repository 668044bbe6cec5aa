"""The articles app's settings and their defaults, in one place (see ``headless.conf``)."""

from headless.conf import AppSettings

app_settings = AppSettings(
    PORTAL_ITEMS_PER_PAGE=10,
    # New voters per article from one address (a rate, "10/h": an office behind one NAT can
    # still vote); "" turns the cap off.
    PORTAL_NEW_VOTES_PER_ADDRESS="10/h",
    # A YouTube/Vimeo video's page offers to play it there (click-to-load, from the privacy
    # friendly player); False leaves only the "watch on YouTube" link.
    PORTAL_VIDEO_EMBEDS=True,
)
