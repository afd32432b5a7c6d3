"""Webhooks end to end on each backend: the outbox is written with the change (and not for a
refused one), a real receiver on a local port fails and then succeeds, the worker retries with
backoff, and an independent check (plain hmac, not our code) verifies every signature."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from assistant.webhooks.worker import deliver_due
from commerce.cart import add_to_cart
from commerce.catalog import get_product_by_sku
from commerce.catalog.admin import update_product
from commerce.db import make_engine, session_factory
from commerce.errors import OutOfStock
from commerce.orders import advance_order, checkout
from commerce.webhooks import add_subscription, verify
from commerce.webhooks.delivery import delivery_log
from commerce.webhooks.models import OutboxEvent


class Receiver:
    """A store system's endpoint: the first ``failures`` requests get a 500."""

    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.received: list[tuple[dict[str, str], bytes]] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - the http.server name
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.received.append((dict(self.headers), body))
                failing = len(receiver.received) <= receiver.failures
                self.send_response(500 if failing else 200)
                self.end_headers()
                self.wfile.write(b"busy" if failing else b"ok")

            def log_message(self, *_args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()


def independent_check(secret: str, headers: dict[str, str], body: bytes) -> bool:
    """What a receiver writes from the documentation alone."""
    parts = dict(p.split("=", 1) for p in headers["Voicecart-Signature"].split(","))
    expected = hmac.new(secret.encode(), parts["t"].encode() + b"." + body,
                        hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, parts["v1"]) and abs(time.time() - int(parts["t"])) < 300


@pytest.fixture()
def sessions(seeded_url: str) -> Iterator[sessionmaker]:
    engine = make_engine(seeded_url)
    yield session_factory(engine)
    engine.dispose()


def _place(session: Session, customer: str = "bob", sku: str = "GRO-0001") -> int:
    add_to_cart(session, customer, get_product_by_sku(session, sku).id, 1, store="grocery")
    return checkout(session, customer, store="grocery", idempotency_key=f"{customer}-{sku}").id


def test_a_failing_receiver_gets_the_event_on_a_retry_signed(sessions: sessionmaker) -> None:
    receiver = Receiver(failures=2)
    try:
        with sessions() as session:
            _, secret = add_subscription(session, receiver.url,
                                         ["order.placed", "order.status_changed"])
            order = _place(session)
            advance_order(session, order, "preparing")
        deadline = time.monotonic() + 20
        while len(receiver.received) < 4 and time.monotonic() < deadline:
            deliver_due(sessions, backoff_s=0.05)
            time.sleep(0.05)
    finally:
        receiver.close()
    bodies = [json.loads(body) for _, body in receiver.received]
    assert len(bodies) == 4  # both events refused once (500), then both delivered
    delivered = {b["type"]: b for b in bodies[2:]}
    assert delivered["order.placed"]["data"]["order"]["id"] == order
    assert delivered["order.status_changed"]["data"]["previous"] == "placed"
    for headers, body in receiver.received:
        assert independent_check(secret, headers, body)
        assert headers["Voicecart-Event-Id"] == json.loads(body)["id"]
    ids = [b["id"] for b in bodies]
    assert sorted(ids[:2]) == sorted(ids[2:])  # each event kept its id across its retry
    with sessions() as session:
        for event_id in set(ids):
            assert [code for code, _ in delivery_log(session, event_id)] == [500, 200]
    headers, body = receiver.received[-1]
    assert verify(secret, body, headers["Voicecart-Signature"])[0]
    stale = headers["Voicecart-Signature"]
    ok, reason = verify(secret, body, stale, now=int(time.time()) + 3600)
    assert not ok and "replay" in reason  # the same delivery an hour later is refused
    assert not verify("whsec_other", body, stale)[0]


def test_a_dead_receiver_never_fails_a_checkout_and_a_refused_one_sends_nothing(
        sessions: sessionmaker) -> None:
    with sessions() as session:
        add_subscription(session, "http://127.0.0.1:9/nothing-listens", ["order.placed"])
        started = time.perf_counter()
        order = _place(session)
        took = time.perf_counter() - started
        assert order and took < 5  # the checkout never waited for the receiver
        events = session.execute(select(func.count(OutboxEvent.id))).scalar_one()
        add_to_cart(session, "carol", get_product_by_sku(session, "GRO-0002").id, 1,
                    store="grocery")
        update_product(session, "GRO-0002", stock=0)  # gone before carol says yes
        with pytest.raises(OutOfStock):
            checkout(session, "carol", store="grocery", idempotency_key="carol-too-many")
        assert session.execute(select(func.count(OutboxEvent.id))).scalar_one() == events
    assert deliver_due(sessions, backoff_s=60) == 1
    with sessions() as session:
        event = session.execute(select(OutboxEvent.event_id)).scalars().all()[-1]
        log = delivery_log(session, event)
    assert len(log) == 1 and log[0][0] is None and "ConnectionError" in (log[0][1] or "")
    assert deliver_due(sessions, backoff_s=60) == 0  # not due again before its backoff


def test_an_untouched_cart_is_reported_once_until_it_changes(sessions: sessionmaker) -> None:
    from datetime import timedelta

    from commerce.cart.abandoned import report_abandoned

    receiver = Receiver(failures=0)
    try:
        with sessions() as session:
            _, secret = add_subscription(session, receiver.url, ["cart.abandoned"])
            banana = get_product_by_sku(session, "GRO-0001").id
            add_to_cart(session, "bob", banana, 2, store="grocery")
            assert report_abandoned(session, timedelta(minutes=30)) == 0  # touched just now
            time.sleep(0.01)
            assert report_abandoned(session, timedelta(0)) >= 1  # bob's, and the seeded ones
            assert report_abandoned(session, timedelta(0)) == 0  # each once
            time.sleep(0.01)
            add_to_cart(session, "bob", banana, 1, store="grocery")
            time.sleep(0.01)
            assert report_abandoned(session, timedelta(0)) == 1  # changed since: again
        while deliver_due(sessions, backoff_s=0.05):
            pass
    finally:
        receiver.close()
    events = [json.loads(body) for _, body in receiver.received]
    bobs = [e for e in events if e["data"]["customer_id"] == "bob"]
    assert [e["type"] for e in bobs] == ["cart.abandoned"] * 2
    assert bobs[-1]["data"]["lines"] == [{"product_id": banana, "quantity": 3}]
    assert all(independent_check(secret, h, b) for h, b in receiver.received)
