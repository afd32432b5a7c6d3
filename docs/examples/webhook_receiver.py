"""A store system's webhook receiver, written from docs/DESIGN.md alone (standard library
only): it checks each delivery's signature and timestamp, drops repeats by event id, and
prints what it accepted.

    python docs/examples/webhook_receiver.py --port 9000 --secret whsec_...
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import json
import time
from http.server import BaseHTTPRequestHandler, HTTPServer

TOLERANCE_S = 300


def check(secret: str, header: str, body: bytes) -> str | None:
    """None when the delivery is genuine and fresh; else why not."""
    try:
        fields = dict(part.split("=", 1) for part in header.split(","))
        stamp, given = int(fields["t"]), fields["v1"]
    except (KeyError, ValueError):
        return "malformed signature header"
    if abs(time.time() - stamp) > TOLERANCE_S:
        return "stale timestamp"
    expected = hmac.new(secret.encode(), f"{stamp}.".encode() + body, hashlib.sha256)
    return None if hmac.compare_digest(expected.hexdigest(), given) else "bad signature"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=9000)
    parser.add_argument("--secret", required=True)
    args = parser.parse_args()
    seen: set[str] = set()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            problem = check(args.secret, self.headers.get("Voicecart-Signature", ""), body)
            event_id = self.headers.get("Voicecart-Event-Id", "")
            if problem:
                print(f"refused {event_id}: {problem}", flush=True)
                self.send_response(400)
            else:
                event = json.loads(body)
                fresh = event_id not in seen
                seen.add(event_id)
                print(f"{'accepted' if fresh else 'repeat'} {event['type']} {event_id} "
                      f"signature ok: {self.headers['Voicecart-Signature']}", flush=True)
                self.send_response(200)
            self.end_headers()

        def log_message(self, *_args: object) -> None:
            pass

    HTTPServer(("127.0.0.1", args.port), Handler).serve_forever()


if __name__ == "__main__":
    main()
