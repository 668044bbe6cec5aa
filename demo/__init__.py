"""The demo site built by ``manage.py load_demo``: the seed page's content, in vi and en.

Every step looks its content up by a stable key (slug, code) before creating it, so running
the builder again changes nothing."""
