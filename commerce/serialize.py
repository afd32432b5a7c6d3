"""Plain-data conversion of the commerce dataclasses (for JSON output)."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from typing import Any


def to_data(value: Any) -> Any:
    """Dataclasses, lists and dicts to JSON-ready values; datetimes to ISO text."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_data(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [to_data(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_data(v) for k, v in value.items()}
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return value
