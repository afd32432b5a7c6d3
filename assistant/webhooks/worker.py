"""Deliver what is due: POST each event's JSON, signed (``Voicecart-Signature``) and carrying
its event id (``Voicecart-Event-Id``: receivers drop a repeat), record the answer. Runs in
its own process (``voicecart webhooks work``): a slow or dead receiver never touches a
checkout, which only wrote the outbox row."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import timedelta

import requests
from sqlalchemy.orm import Session

from commerce.cart.abandoned import report_abandoned
from commerce.webhooks.delivery import claim_due, record
from commerce.webhooks.signing import EVENT_HEADER, SIGNATURE_HEADER, sign

log = logging.getLogger(__name__)
TIMEOUT_S = 5.0
ABANDONED_AFTER = timedelta(minutes=30)  # a cart untouched this long is cart.abandoned
CART_LOOK_S = 60.0  # how often the worker looks for abandoned carts


def deliver_due(sessions: Callable[[], Session], backoff_s: float = 2.0,
                timeout_s: float = TIMEOUT_S) -> int:
    """One round: every delivery due now; how many were attempted."""
    with sessions() as session:
        due = claim_due(session)
    for item in due:
        started = time.monotonic()
        status, error = None, None
        try:
            answer = requests.post(item.url, data=item.body, timeout=timeout_s, headers={
                "Content-Type": "application/json", EVENT_HEADER: item.event_id,
                SIGNATURE_HEADER: sign(item.secret, item.body)})
            status = answer.status_code
            if not answer.ok:
                error = answer.text[:200] or answer.reason
        except requests.RequestException as exc:
            error = f"{type(exc).__name__}: {str(exc)[:200]}"
        ms = int((time.monotonic() - started) * 1000)
        with sessions() as session:
            state = record(session, item.delivery_id, status, error, ms, backoff_s)
        log.info("webhook %s to %s: %s (%s)", item.event_id, item.url, status or error, state)
    return len(due)


def run(sessions: Callable[[], Session], stop: threading.Event, *, poll_s: float = 1.0,
        backoff_s: float = 2.0, abandoned_after: timedelta = ABANDONED_AFTER) -> None:
    """Deliver until ``stop`` is set, looking for due deliveries every ``poll_s`` and for
    carts abandoned for ``abandoned_after`` once a minute (a scan of every cart)."""
    looked = 0.0
    while not stop.is_set():
        if time.monotonic() - looked >= CART_LOOK_S:
            looked = time.monotonic()
            with sessions() as session:
                report_abandoned(session, abandoned_after)
        if deliver_due(sessions, backoff_s) == 0:
            stop.wait(poll_s)
