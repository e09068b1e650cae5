"""A webhook receiver for the tests: a real HTTP server on 127.0.0.1 that keeps what it
receives, and checks each signature with the Standard Webhooks library (not our code)."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from standardwebhooks.webhooks import Webhook, WebhookVerificationError


class Receiver:
    def __init__(self, status=204):
        self.received = []  # (headers, body) as they came
        self.status = status
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                receiver.received.append((dict(self.headers), body.decode()))
                self.send_response(receiver.status)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks?from=onboarding"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()

    def verified(self, secret):
        """Every payload received, each after its signature is checked (raising if not)."""
        webhook = Webhook(secret)
        return [webhook.verify(body, headers) for headers, body in self.received]

    def types(self, secret):
        return [payload["type"] for payload in self.verified(secret)]

    def bodies(self):
        return [json.loads(body) for _headers, body in self.received]


def make_endpoint(url="https://hooks.example.com/onboarding", events=("path.completed",)):
    """An endpoint, as HR registers it (with its secret)."""
    from coaching.webhooks.models import Endpoint

    endpoint = Endpoint(name="HR system", url=url, events=list(events))
    endpoint.new_secret()
    endpoint.save()
    return endpoint


__all__ = ["Receiver", "WebhookVerificationError", "make_endpoint"]
