"""QR codes for printouts: made with segno at build time, as inline SVG (nothing is fetched)."""

from __future__ import annotations

import html

import segno


def qr_svg(address: str, label: str) -> str:
    """An inline SVG QR code of `address`, named `label` for screen readers.

    Error correction M survives a crease or a smudge on paper; dark on an opaque white square so it
    scans on a dark-mode screen too. The size comes from CSS (no width or height in the SVG).
    """
    code = segno.make(address, error="m", boost_error=False)
    svg = code.svg_inline(scale=1, border=4, dark="#000", light="#fff", omitsize=True, svgclass="qr-code")
    return svg.replace("<svg ", f'<svg role="img" aria-label="{html.escape(label, quote=True)}" ', 1)
