"""Every API error is JSON ``{"error": {"code", "message"}}`` with the HTTP status its kind
calls for; nothing is changed by a refused request (each change is one transaction)."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from storedata.errors import ExpectedError

STATUS_BY_CODE = {
    "not_authenticated": 401,
    "not_permitted": 403,
    "order_not_found": 404, "product_not_found": 404, "store_not_found": 404,
    "unknown_customer": 404, "api_key_not_found": 404,
    "invalid_status_change": 409, "order_not_cancellable": 409,
}


def error_body(code: str, message: str) -> dict[str, dict[str, str]]:
    return {"error": {"code": code, "message": message}}


def _expected(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ExpectedError)
    status = STATUS_BY_CODE.get(exc.code, 422)
    return JSONResponse(error_body(exc.code, exc.message), status_code=status)


def _malformed(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    first = exc.errors()[0] if exc.errors() else {}
    where = ".".join(p for p in first.get("loc", ()) if isinstance(p, str) and p != "body")
    message = f"{where}: {first.get('msg', 'not valid')}" if where else "The request is not valid."
    return JSONResponse(error_body("invalid_request", message), status_code=422)


def _http(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
    return JSONResponse(error_body(code, str(exc.detail)), status_code=exc.status_code)


def install(app: FastAPI) -> None:
    app.add_exception_handler(ExpectedError, _expected)
    app.add_exception_handler(RequestValidationError, _malformed)
    app.add_exception_handler(HTTPException, _http)
