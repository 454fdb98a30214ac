"""QR codes for printouts: made with segno at build time, as inline SVG (nothing is fetched).

Making a code is most of a handout's cost (segno tries all eight masks: about 8.5 ms), and the same address
always gives the same code, so each drawing is kept on disk between builds (atlas.disk_cache), keyed by the
address and by everything else that shapes it (segno's version, the settings below). It lives in
`.cache/qr/` at the project root (ATLAS_QR_CACHE names another folder, "" turns it off).
"""

from __future__ import annotations

import html

import segno

from atlas.disk_cache import DiskCache

_SETTINGS = f"segno {segno.__version__}; error m, no boost; svg scale 1, border 4, #000 on #fff, class qr-code"


def _make(address: str) -> str:
    code = segno.make(address, error="m", boost_error=False)
    return code.svg_inline(scale=1, border=4, dark="#000", light="#fff", omitsize=True, svgclass="qr-code")


def _looks_whole(svg: str) -> bool:
    return svg.startswith("<svg ") and svg.endswith("</svg>") and 'class="qr-code"' in svg


CODES = DiskCache("qr", "ATLAS_QR_CACHE", _SETTINGS, _looks_whole)


def code_svg(address: str) -> str:
    """The SVG of `address`'s QR code, from this process, the disk cache, or segno (then cached)."""
    return CODES.get(address, lambda: _make(address), suffix=".svg")


def qr_svg(address: str, label: str) -> str:
    """An inline SVG QR code of `address`, named `label` for screen readers.

    Error correction M survives a crease or a smudge on paper; dark on an opaque white square so it
    scans on a dark-mode screen too. The size comes from CSS (no width or height in the SVG).
    """
    svg = code_svg(address)
    return svg.replace("<svg ", f'<svg role="img" aria-label="{html.escape(label, quote=True)}" ', 1)
