"""Request and response bodies (pydantic 1, which Rasa 3.6 pins)."""

from __future__ import annotations

from pydantic import BaseModel, Extra, Field

from commerce.orders.views import STATUSES


class Strict(BaseModel):
    class Config:
        extra = Extra.forbid  # an unknown field is a mistake, said back as 422


class ProductChange(Strict):
    stock: int | None = Field(None, ge=0, le=1_000_000)
    price_cents: int | None = Field(None, ge=0, le=10_000_000)


class StatusChange(Strict):
    status: str = Field(..., description=f"one of {', '.join(STATUSES)}")


class ErrorDetail(BaseModel):
    code: str
    message: str


class ErrorBody(BaseModel):
    error: ErrorDetail
