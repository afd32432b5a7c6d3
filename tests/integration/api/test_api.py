"""The store's HTTP API over real HTTP: catalog, the order queue and its status changes, and
the error table (422, 401, 403, 404, 409), each refusal changing nothing."""

from __future__ import annotations

from typing import Any

from commerce.apikeys import list_keys, revoke_key
from commerce.cart import add_to_cart
from commerce.catalog import get_product_by_sku
from commerce.orders import checkout

Api = Any  # the ``api`` fixture (conftest.py)


def _order(api: Api, customer: str = "bob") -> int:
    with api.sessions() as session:
        add_to_cart(session, customer, get_product_by_sku(session, "GRO-0001").id, 2,
                    store="grocery")
        return checkout(session, customer, store="grocery", idempotency_key=f"{customer}-1").id


def test_openapi_and_health_need_no_key(api: Api) -> None:
    spec = api.call("GET", "/openapi.json").json()
    assert {"/orders", "/orders/{order_id}/status", "/products/{sku}"} <= set(spec["paths"])
    assert api.call("GET", "/health").json() == {"status": "ok"}


def test_the_queue_oldest_first_and_an_order_moved_along(api: Api) -> None:
    first, second = _order(api, "bob"), _order(api, "carol")
    queue = api.call("GET", "/orders?status=placed", api.reporting).json()
    placed = [o["id"] for o in queue]
    assert placed.index(first) < placed.index(second)
    detail = api.call("GET", f"/orders/{first}", api.reporting).json()
    assert detail["lines"][0]["sku"] == "GRO-0001" and detail["lines"][0]["quantity"] == 2
    for status in ("preparing", "ready", "delivered"):
        moved = api.call("POST", f"/orders/{first}/status", api.staff, json={"status": status})
        assert moved.status_code == 200 and moved.json()["status"] == status


def test_catalog_read_and_stock_and_price_changes(api: Api) -> None:
    products = api.call("GET", "/stores/grocery/products", api.reporting).json()
    assert len(products) > 500 and all(isinstance(p["price_cents"], int) for p in products)
    changed = api.call("PATCH", "/products/GRO-0001", api.staff,
                       json={"stock": 7, "price_cents": 79})
    assert changed.status_code == 200
    assert (changed.json()["stock"], changed.json()["price_cents"]) == (7, 79)
    with api.sessions() as session:
        assert get_product_by_sku(session, "GRO-0001").price_cents == 79


def _error(response: Any, status: int, code: str) -> None:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["error"]["code"] == code and body["error"]["message"]


def test_the_error_table_and_nothing_changes(api: Api) -> None:
    order = _order(api)
    before = api.call("GET", f"/orders/{order}", api.staff).json()
    stock = api.call("GET", "/products/GRO-0002", api.staff).json()["stock"]
    # 422: a malformed body, a bad value, an unknown field
    _error(api.call("POST", f"/orders/{order}/status", api.staff, data="{not json",
                    headers={"Content-Type": "application/json"}), 422, "invalid_request")
    _error(api.call("PATCH", "/products/GRO-0002", api.staff, json={"stock": -3}),
           422, "invalid_request")
    _error(api.call("PATCH", "/products/GRO-0002", api.staff, json={"colour": "red"}),
           422, "invalid_request")
    # 401: no key, a wrong key
    _error(api.call("GET", "/orders"), 401, "not_authenticated")
    _error(api.call("GET", "/orders", "vck_not-a-key"), 401, "not_authenticated")
    # 403: a reporting key may only read
    _error(api.call("POST", f"/orders/{order}/status", api.reporting,
                    json={"status": "preparing"}), 403, "not_permitted")
    _error(api.call("PATCH", "/products/GRO-0002", api.reporting, json={"stock": 1}),
           403, "not_permitted")
    # 404: unknown ids
    _error(api.call("GET", "/orders/999999", api.staff), 404, "order_not_found")
    _error(api.call("PATCH", "/products/NOPE-1", api.staff, json={"stock": 1}),
           404, "product_not_found")
    # 409: an illegal status change
    _error(api.call("POST", f"/orders/{order}/status", api.staff, json={"status": "delivered"}),
           409, "invalid_status_change")
    assert api.call("GET", f"/orders/{order}", api.staff).json() == before
    assert api.call("GET", "/products/GRO-0002", api.staff).json()["stock"] == stock


def test_cancel_gives_the_stock_back_and_a_ready_order_cannot_be(api: Api) -> None:
    stock = api.call("GET", "/products/GRO-0001", api.staff).json()["stock"]
    order = _order(api)
    assert api.call("POST", f"/orders/{order}/cancel", api.staff).json()["status"] == "cancelled"
    assert api.call("GET", "/products/GRO-0001", api.staff).json()["stock"] == stock
    other = _order(api, "carol")
    for status in ("preparing", "ready"):
        api.call("POST", f"/orders/{other}/status", api.staff, json={"status": status})
    _error(api.call("POST", f"/orders/{other}/cancel", api.staff), 409, "order_not_cancellable")


def test_a_revoked_key_is_refused_and_keys_are_stored_hashed(api: Api) -> None:
    assert api.call("GET", "/orders", api.staff).status_code == 200
    with api.sessions() as session:
        staff = next(k for k in list_keys(session) if k.role == "staff")
        revoke_key(session, staff.id)
        stored = session.connection().exec_driver_sql("SELECT key_hash FROM api_keys").all()
    _error(api.call("GET", "/orders", api.staff), 401, "not_authenticated")
    assert all(api.staff not in row[0] and len(row[0]) == 64 for row in stored)


def test_the_cli_creates_a_key_and_serves(seeded_url: str) -> None:
    """``voicecart apikey create`` prints the key once; ``voicecart serve`` answers with it."""
    import json
    import subprocess
    import sys
    import time
    from pathlib import Path

    import requests

    from commerce.pgserver import free_port

    voicecart = str(Path(sys.executable).with_name("voicecart"))
    made = subprocess.run([voicecart, "--db", seeded_url, "--json", "apikey", "create", "Till 1",
                           "--role", "reporting"], capture_output=True, text=True, check=True)
    key = json.loads(made.stdout)["key"]
    listed = subprocess.run([voicecart, "--db", seeded_url, "apikey", "list"],
                            capture_output=True, text=True, check=True).stdout
    assert "Till 1" in listed and key not in listed
    port = free_port()
    server = subprocess.Popen([voicecart, "--db", seeded_url, "serve", "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        url = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                requests.get(url + "/health", timeout=1)
                break
            except requests.ConnectionError:
                time.sleep(0.1)
        assert requests.get(url + "/orders", headers={"X-API-Key": key}, timeout=5).ok
        assert requests.get(url + "/orders", timeout=5).status_code == 401
    finally:
        server.terminate()
        out, err = server.communicate(timeout=20)
    assert out.startswith(f"The store API is at {url}") and "Traceback" not in err


def test_feedback_is_listed_for_the_store(api: Api) -> None:
    from commerce.feedback import add_comment, give_feedback

    order = _order(api)
    with api.sessions() as session:
        given = give_feedback(session, "bob", 5, order)
        add_comment(session, given.id, "quick and friendly")
    listed = api.call("GET", "/feedback", api.reporting).json()
    assert [(f["rating"], f["comment"], f["order_id"]) for f in listed] == [
        (5, "quick and friendly", order)]
    assert api.call("GET", "/customers/bob/export", api.staff).json()["feedback"][0]["rating"] == 5
