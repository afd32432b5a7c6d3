"""The API application: one per shop database."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session

from assistant.api import errors
from assistant.api.routes import router

STAFF_PAGE = Path(__file__).resolve().parent / "static" / "staff.html"


def create_app(sessions: Callable[[], Session]) -> FastAPI:
    """The API on the shop database of ``sessions``; OpenAPI at /openapi.json, docs at /docs."""
    app = FastAPI(title="voicecart store API", version="1",
                  description="The store's side: catalog, orders and their status. "
                              "Every request carries an API key in the X-API-Key header.")
    app.state.sessions = sessions
    errors.install(app)
    app.include_router(router)

    @app.get("/staff", response_class=HTMLResponse, tags=["staff"])
    def staff_screen() -> str:
        """The staff order screen: the live queue, oldest first (it polls /orders)."""
        return STAFF_PAGE.read_text(encoding="utf-8")

    @app.get("/health", tags=["service"])
    def health() -> dict[str, str]:
        return {"status": "ok"}

    return app
