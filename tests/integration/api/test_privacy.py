"""A customer's data over the API and the CLI: export is every row about them and never the
PIN hash; erasure removes the person and keeps their orders, anonymised, for the books."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from commerce.orders.models import Order

Api = Any  # the ``api`` fixture (conftest.py)


def test_export_then_erase_over_the_api(api: Api) -> None:
    with api.sessions() as session:
        orders_before = session.execute(select(func.count(Order.id))).scalar_one()
        pin_hash = session.connection().exec_driver_sql(
            "SELECT pin_hash FROM customers WHERE id = 'alice'").scalar_one()
    export = api.call("GET", "/customers/alice/export", api.staff)
    assert export.status_code == 200
    data = export.json()
    assert data["customer"]["id"] == "alice" and data["customer"]["has_pin"] is True
    assert len(data["orders"]) >= 8 and data["carts"][0]["lines"]  # history and her cart
    assert pin_hash not in export.text and "pin_hash" not in export.text
    assert api.call("GET", "/customers/alice/export", api.reporting).status_code == 403

    erased = api.call("DELETE", "/customers/alice", api.staff).json()
    assert erased == {"erased": "alice", "orders_kept_anonymised": len(data["orders"])}
    assert api.call("GET", "/customers/alice/export", api.staff).status_code == 404
    with api.sessions() as session:
        assert session.execute(select(func.count(Order.id))).scalar_one() == orders_before
        owners = session.execute(select(Order.customer_id).where(
            Order.id.in_([o["id"] for o in data["orders"]]))).scalars().all()
        assert set(owners) == {"erased"}
        left = session.connection().exec_driver_sql(
            "SELECT COUNT(*) FROM carts WHERE customer_id = 'alice'").scalar_one()
        assert left == 0


def test_the_cli_asks_before_erasing(seeded_url: str) -> None:
    voicecart = str(Path(sys.executable).with_name("voicecart"))
    out = subprocess.run([voicecart, "--db", seeded_url, "customer", "export", "bob"],
                         capture_output=True, text=True, check=True).stdout
    assert json.loads(out)["customer"]["id"] == "bob"
    refused = subprocess.run([voicecart, "--db", seeded_url, "customer", "erase", "bob"],
                             input="n\n", capture_output=True, text=True, check=False)
    assert refused.returncode != 0 and "Traceback" not in refused.stderr
    again = subprocess.run([voicecart, "--db", seeded_url, "customer", "export", "bob"],
                           capture_output=True, text=True, check=True)
    assert json.loads(again.stdout)["customer"]["id"] == "bob"  # nothing changed
    done = subprocess.run([voicecart, "--db", seeded_url, "customer", "erase", "bob", "--yes"],
                          capture_output=True, text=True, check=True)
    assert "bob is erased" in done.stdout
    gone = subprocess.run([voicecart, "--db", seeded_url, "customer", "export", "bob"],
                          capture_output=True, text=True, check=False)
    assert gone.returncode == 2 and gone.stderr.startswith("Error: ")
