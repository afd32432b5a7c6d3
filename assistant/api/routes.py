"""The endpoints: catalog (read; stock and price), orders (queue, detail, status, cancel)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query
from sqlalchemy.orm import Session

from assistant.api.auth import EDIT_CATALOG, MANAGE_CUSTOMERS, MOVE_ORDERS, READ, may, session
from assistant.api.schemas import ErrorBody, ProductChange, StatusChange
from commerce.apikeys import ApiKeyInfo
from commerce.catalog import get_product_by_sku
from commerce.catalog.admin import store_products, update_product
from commerce.customers.privacy import erase_customer, export_customer
from commerce.feedback import list_feedback
from commerce.orders import advance_order, cancel_order
from commerce.orders.queue import store_order, store_orders
from commerce.serialize import to_data

ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": text} for status, text in (
        (401, "no API key, or an unknown or revoked one"), (403, "the key's role may not"),
        (404, "no such store, product or order"), (409, "an illegal status change"),
        (422, "a malformed body or value"))}
router = APIRouter(responses=ERRORS)


@router.get("/stores/{store}/products", tags=["catalog"])
def products(store: str, _: ApiKeyInfo = Depends(may(READ)),
             db: Session = Depends(session)) -> list[dict[str, Any]]:
    """Every product of the store, inactive ones too."""
    return to_data(store_products(db, store))


@router.get("/products/{sku}", tags=["catalog"])
def product(sku: str, _: ApiKeyInfo = Depends(may(READ)),
            db: Session = Depends(session)) -> dict[str, Any]:
    return to_data(get_product_by_sku(db, sku))


@router.patch("/products/{sku}", tags=["catalog"])
def change_product(sku: str, body: ProductChange, _: ApiKeyInfo = Depends(may(EDIT_CATALOG)),
                   db: Session = Depends(session)) -> dict[str, Any]:
    """Set the stock and/or the price (integer cents)."""
    return to_data(update_product(db, sku, stock=body.stock, price_cents=body.price_cents))


@router.get("/orders", tags=["orders"])
def orders(store: str | None = None, status: list[str] = Query([]),
           limit: int = Query(200, ge=1, le=1000), _: ApiKeyInfo = Depends(may(READ)),
           db: Session = Depends(session)) -> list[dict[str, Any]]:
    """The queue, oldest first; ``?status=placed&status=preparing`` narrows it."""
    return to_data(store_orders(db, store=store, statuses=status, limit=limit))


@router.get("/orders/{order_id}", tags=["orders"])
def order(order_id: int, _: ApiKeyInfo = Depends(may(READ)),
          db: Session = Depends(session)) -> dict[str, Any]:
    return to_data(store_order(db, order_id))


@router.post("/orders/{order_id}/status", tags=["orders"])
def change_status(order_id: int, body: StatusChange, _: ApiKeyInfo = Depends(may(MOVE_ORDERS)),
                  db: Session = Depends(session)) -> dict[str, Any]:
    """placed → preparing → ready → delivered (or shipped → delivered); 409 otherwise."""
    return to_data(advance_order(db, order_id, body.status))


@router.post("/orders/{order_id}/cancel", tags=["orders"])
def cancel(order_id: int, _: ApiKeyInfo = Depends(may(MOVE_ORDERS)),
           db: Session = Depends(session)) -> dict[str, Any]:
    """Cancel while placed or preparing (the stock comes back); 409 otherwise."""
    placed = store_order(db, order_id)
    return to_data(cancel_order(db, placed.customer_id, order_id))


@router.get("/customers/{customer_id}/export", tags=["customers"])
def export(customer_id: str, _: ApiKeyInfo = Depends(may(MANAGE_CUSTOMERS)),
           db: Session = Depends(session)) -> dict[str, Any]:
    """Every row about the customer, as JSON (never a PIN hash)."""
    return export_customer(db, customer_id)


@router.delete("/customers/{customer_id}", tags=["customers"])
def erase(customer_id: str, _: ApiKeyInfo = Depends(may(MANAGE_CUSTOMERS)),
          db: Session = Depends(session)) -> dict[str, Any]:
    """Erase the customer's personal data; their orders stay, anonymised, for the books."""
    kept = erase_customer(db, customer_id)
    return {"erased": customer_id, "orders_kept_anonymised": kept}


@router.get("/feedback", tags=["feedback"])
def feedback(customer: str | None = None, limit: int = Query(100, ge=1, le=1000),
             _: ApiKeyInfo = Depends(may(READ)),
             db: Session = Depends(session)) -> list[dict[str, Any]]:
    """Shoppers' ratings (one to five) and comments, newest first."""
    return to_data(list_feedback(db, customer_id=customer, limit=limit))
