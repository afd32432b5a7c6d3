"""HTTP parser against a standard ``rasa run --enable-api`` server (``POST /model/parse``)."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any

from nlu.errors import BadServerReply, ServerUnavailable
from nlu.types import Parse, parse_from_rasa
from nlu.validate import clean_text


class HttpParser:
    """Many kiosks can share one NLU server: ``HttpParser("http://host:5005").parse(text)``."""

    def __init__(self, url: str, timeout: float = 5.0, token: str | None = None) -> None:
        self.url = url.rstrip("/")
        self.timeout = timeout
        self.token = token

    def _endpoint(self, path: str) -> str:
        suffix = f"?token={self.token}" if self.token else ""
        return f"{self.url}{path}{suffix}"

    def _request(self, path: str, body: dict[str, Any] | None = None) -> Any:
        data = None if body is None else json.dumps(body).encode("utf-8")
        req = urllib.request.Request(
            self._endpoint(path), data=data, headers={"Content-Type": "application/json"},
            method="POST" if data is not None else "GET",
        )
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                raw = resp.read()
        except urllib.error.HTTPError as exc:
            raise BadServerReply(self.url, f"HTTP {exc.code}") from exc
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise ServerUnavailable(self.url, str(reason)) from exc
        try:
            return json.loads(raw)
        except ValueError as exc:
            raise BadServerReply(self.url, "not JSON") from exc

    def ready(self) -> bool:
        """True when the server answers and has a model loaded."""
        try:
            status = self._request("/status")
        except (ServerUnavailable, BadServerReply):
            return False
        return isinstance(status, dict) and bool(status.get("model_file") or status.get("model_id"))

    def parse(self, text: str) -> Parse:
        cleaned = clean_text(text)
        if cleaned is None:
            return Parse.fallback(text)
        data = self._request("/model/parse", {"text": cleaned})
        if not isinstance(data, dict) or "intent" not in data:
            raise BadServerReply(self.url, "no intent in the reply")
        return parse_from_rasa(text, data)
