"""The Jinja environment the page templates run in: escaping, filters, compiled-template cache.

Every value printed by a template is escaped for Markdown and HTML unless it is explicitly marked safe
(`Markup`). Content is plain text, so a content file can never inject a link, an attribute list, HTML or
script into a page. Filters only format a value (dates, YAML strings); everything a template asks of the
site (links, headings, figures, citations) is handed to it by the renderer as render context.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import jinja2
from markupsafe import Markup

TEMPLATES = Path(__file__).parent / "templates"

# HTML's three special characters become entities and Markdown's specials get a backslash. One table,
# one pass: this runs for every value a template prints.
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"} | {c: "\\" + c for c in "\\`*_{}[]#|!"})
_NEEDS_ESCAPE = re.compile(r"[&<>\\`*_{}\[\]#|!]")


def escape_markdown(text: str) -> str:
    """Make `text` render literally: no emphasis, links, attribute lists or HTML."""
    return text.translate(_ESCAPES) if _NEEDS_ESCAPE.search(text) else text


def _finalize(value: object) -> object:
    if value is None:
        raise ValueError("a template printed a missing value; templates must not invent data")
    if isinstance(value, Markup):
        return value
    return escape_markdown(str(value))


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates, kept for the life of the process.

    `mkdocs serve` makes a new renderer on every rebuild, and compiling the templates was most of the
    render time of a small site. Jinja checks every entry against the template's source: an edited
    template is compiled again.
    """

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


_COMPILED_TEMPLATES = _CompiledTemplates()

# Pagefind's data-pagefind-weight (0-10; body text is 1, an h1 7) on the words that say what a page is about:
# the other names of a muscle, a place or a complaint, and where a muscle's trigger points send pain (main
# areas above spill-over); far less on exercise steps, which name body parts as positions ("kneel", "bend
# the knee"). So a search for a place ranks the muscles that send pain there first, however many there are.
SEARCH_WEIGHT = {"names": 7, "main_area": 8, "spillover_area": 5, "exercise_steps": 0.1}


def environment(**filters: Callable) -> jinja2.Environment:
    """A fresh environment with the formatting filters (plus `filters`); nothing in it changes per page."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),  # read at call time: the cache tests point it at a copy
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,  # output is Markdown; `_finalize` escapes for it
        bytecode_cache=_COMPILED_TEMPLATES,
        auto_reload=False,  # one environment per build: no need to look at each template file's date per use
    )
    env.filters.update(
        date=lambda d: Markup(f"{d.day} {d:%B %Y}"),
        iso=lambda d: Markup(d.isoformat()),
        yaml_string=lambda s: Markup(json.dumps(str(s), ensure_ascii=False)),
        **filters,
    )
    env.globals["search_weight"] = SEARCH_WEIGHT
    return env
