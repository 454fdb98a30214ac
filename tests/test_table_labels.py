"""Table cells carry their column's heading (atlas.table_labels), for the stacked rows on a phone."""

from __future__ import annotations

import markdown

from atlas.table_labels import TableLabels

TABLE = """
| Trigger point | Where it is |
|---|---|
| [Trigger point 1](#tp1) | just below the *iliac crest* |
"""


def convert(text: str, labelled: bool = True) -> str:
    extensions = ["tables"] + ([TableLabels()] if labelled else [])
    return markdown.markdown(text, extensions=extensions)


def test_every_cell_names_its_column_in_plain_text():
    html = convert(TABLE.replace("| Where it is |", "| Where *it* is |"))
    assert '<td data-label="Trigger point"><a href="#tp1">' in html
    assert '<td data-label="Where it is">just below the <em>iliac crest</em></td>' in html


def test_without_the_extension_cells_carry_no_label():
    # The twin: the stacked rows have nothing to show if the extension is not in the build.
    assert "data-label" not in convert(TABLE, labelled=False)


def test_an_empty_header_gives_no_label():
    html = convert("| | b |\n|---|---|\n| 1 | 2 |\n")
    assert "<td>1</td>" in html and '<td data-label="b">2</td>' in html


def test_the_built_site_uses_it(built_site):
    html = (built_site / "muscles" / "gluteus-medius" / "index.html").read_text()
    assert '<td data-label="Where the pain is felt">' in html
