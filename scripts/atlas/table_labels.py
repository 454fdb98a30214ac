"""Each table cell carries its column's heading (`data-label`), so that on a phone a table can show one
row as a small stacked card ("Where it is: ...") instead of a grid that scrolls sideways (site.css).

A Python-Markdown extension: it works on the parsed tree of every Markdown table, before any HTML is
written. Header text is copied as plain text.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor


def _text(element: etree.Element) -> str:
    return " ".join("".join(element.itertext()).split())


class _LabelCells(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for table in root.iter("table"):
            head = table.find("thead")
            if head is None:
                continue
            labels = [_text(th) for th in head.iter("th")]
            body = table.find("tbody")
            for row in body.iter("tr") if body is not None else ():
                for label, cell in zip(labels, row.findall("td")):
                    if label:
                        cell.set("data-label", label)


class TableLabels(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After the table and inline processors (priority 20), before the tree is serialised.
        md.treeprocessors.register(_LabelCells(md), "atlas-table-labels", 5)


def makeExtension(**kwargs) -> TableLabels:
    return TableLabels(**kwargs)
