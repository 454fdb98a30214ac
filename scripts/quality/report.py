"""Figures the checks measure (page weights, reading grades, ...), printed at the end of the test run."""

from __future__ import annotations

SECTIONS: dict[str, list[str]] = {}


def add(section: str, line: str) -> None:
    SECTIONS.setdefault(section, []).append(line)
