"""What the webhook tests share: a real receiver on this machine (``from .fixtures_webhooks
import Receiver``)."""

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer


class Receiver:
    """A local webhook receiver: answers with ``statuses`` in order (then 200), or with a 302
    to ``redirect_to``; ``requests`` holds the (headers, body) of every POST it received."""

    def __init__(self, statuses=(), redirect_to=None):
        self.statuses = list(statuses)
        self.requests = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.requests.append((dict(self.headers), body))
                if redirect_to:
                    self.send_response(302)
                    self.send_header("Location", redirect_to)
                else:
                    self.send_response(receiver.statuses.pop(0) if receiver.statuses else 200)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
