"""Vietnamese number and date formats for the exported reports."""
from __future__ import annotations

from datetime import date


def money(amount: int | None) -> str:
    return "" if amount is None else f"{amount:,}".replace(",", ".")


def number(value: float | None, unit: str = "percent") -> str:
    if value is None:
        return "—"
    text = f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")
    return text + ("%" if unit == "percent" else "")


def day(iso: str | None) -> str:
    return date.fromisoformat(iso[:10]).strftime("%d/%m/%Y") if iso else ""


COMPARATORS = {">=": "≥", ">": ">", "<=": "≤", "<": "<"}


def threshold(row: dict) -> str:
    return f"{COMPARATORS.get(row['comparator'], row['comparator'])} {number(row['threshold'], row['unit'])}"
