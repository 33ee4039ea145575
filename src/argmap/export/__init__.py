"""Exports of an ``ArgumentMap`` to the formats other tools read (AIF, Argdown, …)."""

from __future__ import annotations

__all__: list[str] = []
