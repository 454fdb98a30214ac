"""QR codes for printouts: made with segno at build time, as inline SVG (nothing is fetched).

Making a code is most of a handout's cost (segno tries all eight masks: about 8.5 ms), and the same address
always gives the same code, so each drawing is kept on disk between builds, keyed by the address and by
everything else that shapes it (segno's version, the settings below). The cache only saves time: the
output is the same with or without it, a missing, unwritable or damaged cache just means the code is made
again. It lives in `.cache/qr/` at the project root (ATLAS_QR_CACHE names another folder, "" turns it off).
"""

from __future__ import annotations

import hashlib
import html
import os
import tempfile
from pathlib import Path

import segno

_ROOT = Path(__file__).resolve().parents[2]
_SETTINGS = f"segno {segno.__version__}; error m, no boost; svg scale 1, border 4, #000 on #fff, class qr-code"
_made: dict[str, str] = {}   # this process's codes, for `mkdocs serve` rebuilds


def cache_dir() -> Path | None:
    folder = os.environ.get("ATLAS_QR_CACHE", str(_ROOT / ".cache" / "qr"))
    return Path(folder) if folder else None


def _make(address: str) -> str:
    code = segno.make(address, error="m", boost_error=False)
    return code.svg_inline(scale=1, border=4, dark="#000", light="#fff", omitsize=True, svgclass="qr-code")


def _looks_whole(svg: str) -> bool:
    return svg.startswith("<svg ") and svg.endswith("</svg>") and 'class="qr-code"' in svg


def code_svg(address: str) -> str:
    """The SVG of `address`'s QR code, from this process, the disk cache, or segno (then cached)."""
    if address in _made:
        return _made[address]
    folder = cache_dir()
    path = None
    if folder is not None:
        key = hashlib.sha256(f"{_SETTINGS}\n{address}".encode()).hexdigest()
        path = folder / f"{key}.svg"
        try:
            svg = path.read_text(encoding="utf-8")
            if _looks_whole(svg):
                _made[address] = svg
                return svg
        except (OSError, UnicodeDecodeError):
            pass
    svg = _make(address)
    _made[address] = svg
    if path is not None:
        try:  # written whole or not at all: a build running alongside never reads half a file
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False) as part:
                part.write(svg)
            os.replace(part.name, path)
        except OSError:
            pass
    return svg


def qr_svg(address: str, label: str) -> str:
    """An inline SVG QR code of `address`, named `label` for screen readers.

    Error correction M survives a crease or a smudge on paper; dark on an opaque white square so it
    scans on a dark-mode screen too. The size comes from CSS (no width or height in the SVG).
    """
    svg = code_svg(address)
    return svg.replace("<svg ", f'<svg role="img" aria-label="{html.escape(label, quote=True)}" ', 1)
