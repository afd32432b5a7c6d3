"""HTTP parser against a standard ``rasa run --enable-api`` server (``POST /model/parse``).

Many kiosks share one server (``voicecart nlu serve``). A request has ``timeout`` seconds in
all; a connection that fails (refused, reset, no reply in time) is tried again after a short
backoff, at most ``retries`` times while that time lasts, so a server restarting or a lost
packet costs a fraction of a second, and a server that is down is known within ``timeout``.
"""

from __future__ import annotations

import http.client
import json
import socket
import time
import urllib.error
import urllib.request
from typing import Any

from nlu.errors import BadServerReply, ServerHasNoModel, ServerUnavailable
from nlu.types import Parse, parse_from_rasa
from nlu.validate import clean_text

DEFAULT_TIMEOUT = 3.0  # seconds a parse may take, retries included
DEFAULT_RETRIES = 2
BACKOFF = 0.1  # seconds before the first retry; doubled after each
RETRY_STATUS = (502, 503, 504)  # a proxy in front of a server that is (re)starting
START_HINT = "start it with: voicecart nlu serve"


class HttpParser:
    """Many kiosks can share one NLU server: ``HttpParser("http://host:5005").parse(text)``."""

    def __init__(self, url: str, timeout: float = DEFAULT_TIMEOUT,
                 retries: int = DEFAULT_RETRIES, token: str | None = None,
                 language: str = "en") -> None:
        self.url = url.rstrip("/")
        self.language = language  # the server's model's language
        self.timeout = timeout
        self.retries = retries
        self.token = token

    def _endpoint(self, path: str) -> str:
        suffix = f"?token={self.token}" if self.token else ""
        return f"{self.url}{path}{suffix}"

    def _request(self, path: str, body: dict[str, Any] | None = None) -> Any:
        """The JSON reply; :class:`ServerUnavailable` once the retries or the time ran out."""
        deadline = time.monotonic() + self.timeout
        backoff = BACKOFF
        for attempt in range(self.retries + 1):
            left = deadline - time.monotonic()
            try:
                return self._once(path, body, max(left, 0.05))
            except ServerUnavailable:
                if attempt == self.retries or time.monotonic() + backoff >= deadline:
                    raise
            time.sleep(backoff)
            backoff *= 2
        raise AssertionError("unreachable")  # the loop returns or raises

    def _once(self, path: str, body: dict[str, Any] | None, timeout: float) -> Any:
        data = None if body is None else json.dumps(body).encode("utf-8")
        req = urllib.request.Request(
            self._endpoint(path), data=data, headers={"Content-Type": "application/json"},
            method="POST" if data is not None else "GET",
        )
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:
                raw = resp.read()
        except urllib.error.HTTPError as exc:
            if exc.code in RETRY_STATUS:
                raise ServerUnavailable(self.url, f"HTTP {exc.code}") from exc
            if exc.code == 409 and path == "/status":  # Rasa: "No agent loaded"
                raise ServerHasNoModel(self.url) from exc
            raise BadServerReply(self.url, f"HTTP {exc.code}") from exc
        except (urllib.error.URLError, OSError) as exc:
            raise ServerUnavailable(self.url, _reason(exc, self.timeout)) from exc
        except http.client.HTTPException as exc:  # the connection broke mid-reply
            raise ServerUnavailable(self.url, "the reply broke off") from exc
        try:
            return json.loads(raw)
        except ValueError as exc:
            raise BadServerReply(self.url, "not JSON") from exc

    def status(self) -> dict[str, Any]:
        """Rasa's ``GET /status``: ``model_file``, ``model_id``; raises when there is no model."""
        status = self._request("/status")
        if not isinstance(status, dict):
            raise BadServerReply(self.url, "no status")
        if not (status.get("model_file") or status.get("model_id")):
            raise ServerHasNoModel(self.url)
        return status

    def check(self) -> HttpParser:
        """The start-up health check: the server answers and has a model; else one clear
        sentence (what failed, and how to start the server)."""
        try:
            self.status()
        except ServerUnavailable as exc:
            raise ServerUnavailable(exc.url, exc.reason, START_HINT) from exc
        return self

    def ready(self) -> bool:
        """True when the server answers and has a model loaded."""
        try:
            self.status()
        except (ServerUnavailable, BadServerReply, ServerHasNoModel):
            return False
        return True

    def parse(self, text: str) -> Parse:
        cleaned = clean_text(text, self.language)
        if cleaned is None:
            return Parse.fallback(text)
        data = self._request("/model/parse", {"text": cleaned})
        if not isinstance(data, dict) or "intent" not in data:
            raise BadServerReply(self.url, "no intent in the reply")
        return parse_from_rasa(text, data)


def _reason(exc: object, timeout: float) -> str:
    """A failed connection in a few words: "connection refused", "no reply in 3 s"."""
    reason = getattr(exc, "reason", exc)
    if isinstance(reason, (socket.timeout, TimeoutError)) or "timed out" in str(reason):
        return f"no reply in {timeout:g} s"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, ConnectionResetError):
        return "connection reset"
    if isinstance(reason, socket.gaierror):
        return "unknown host"
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror.lower()
    return str(reason) or type(reason).__name__
