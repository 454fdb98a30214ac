"""Drop the rules of Material's stylesheets that match nothing this site can show.

Material ships one stylesheet for every feature it has (blog, tabs, version picker, annotations, ...);
gzip-compressed it alone is about 23 KB of a phone's critical path. After a build, a rule is kept when every
class and attribute value its selector needs at the top level occurs in the built HTML or is one of the `md-`
class names in Material's JavaScript (which builds search results, tooltips and the like), the way PurgeCSS
works. Classes and attribute values that Material's script sets on elements at run time are not in the
HTML and have no `md-` prefix: they are kept by name (`SET_AT_RUN_TIME`). Anything inside :is(), :not() and other functions is kept as it is, and so are @font-face,
@keyframes and the like. The result is written under a new content-hashed name, so a browser never mixes
a cached full file with a trimmed one, and every page is pointed at it.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import tinycss2

MATERIAL_STYLESHEETS = ("main.*.min.css", "palette.*.min.css")
_GROUPING_RULES = {"media", "supports", "layer", "container"}
_WORD = re.compile(r"[A-Za-z0-9_-]+")
# Attributes whose values come only from the HTML: the writing direction and Material's palette.
_HTML_ATTRIBUTES = ("dir", "data-md-color-")
_HTML_ATTRIBUTE_VALUE = re.compile(r'\b(dir|data-md-color-[a-z]+)="([^"]+)"')


def _split_selectors(prelude: list) -> list[list]:
    selectors, current = [], []
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            selectors.append(current)
            current = []
        else:
            current.append(token)
    return selectors + [current]


def _needed_words(selector: list) -> list[str]:
    """The class names and attribute values a selector needs, outside any :function(...). A palette
    attribute value is needed as `name=value`: Material's palette only ever sets the values in the HTML."""
    needed = []
    for before, token in zip([None, *selector], selector):
        if token.type == "ident" and before is not None and before.type == "literal" and before.value == ".":
            needed.append(token.value)
        elif token.type == "[] block":
            parts = [t for t in token.content if t.type not in ("whitespace", "comment")]
            if len(parts) >= 3 and parts[1].type == "literal" and parts[1].value == "=":
                name, value = str(parts[0].value), str(parts[2].value)
                needed.append(f"{name}={value}" if name.startswith(_HTML_ATTRIBUTES) else value)
    return needed


def _purge(rules: list, words: set[str]) -> list[str]:
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [s for s in _split_selectors(rule.prelude) if all(w in words for w in _needed_words(s))]
            if selectors:
                prelude = ",".join(tinycss2.serialize(s).strip() for s in selectors)
                kept.append(prelude + "{" + tinycss2.serialize(rule.content) + "}")
        elif rule.type == "at-rule" and rule.content is not None and rule.lower_at_keyword in _GROUPING_RULES:
            inner = _purge(tinycss2.parse_blocks_contents(rule.content, skip_whitespace=True,
                                                          skip_comments=True), words)
            if inner:
                kept.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{''.join(inner)}}}")
        elif rule.type == "at-rule":
            kept.append(tinycss2.serialize([rule]))
    return kept


def purge_stylesheet(css: str, words: set[str]) -> str:
    rules = tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True)
    return "".join(_purge(rules, words))


SET_AT_RUN_TIME = {
    "focus-visible": "class the focus-visible polyfill in Material's script puts on an element focused with "
                     "the keyboard: Material's focus outlines (.md-nav__link.focus-visible, "
                     ".md-typeset a.focus-visible, summary.focus-visible ...) need it",
    "tooltip": "value of role=tooltip, which Material's script gives the tooltips it builds: "
               "[role=tooltip]>.md-tooltip2__inner sets their width and place beside the word",
}
"""Words selectors need that only Material's script puts on the page (class names, attribute values),
with why. tests/test_unused_css.py checks each still occurs in Material's script; tests/browser checks
the styles they keep (focus outline, tooltip width) reach the page."""

# Classes Material's JavaScript builds for features this site does not turn on: code annotations and copy
# buttons, repository facts, tags, version picker.
_FEATURES_NOT_USED = ("md-annotation", "md-code", "md-source", "md-tag", "md-version")


def site_words(site_dir: Path) -> set[str]:
    """Words a selector may need: every word of the built HTML, and the `md-` class names the JavaScript
    builds at run time (search results, tooltips, ...). Other words of minified JavaScript (`c`, `k`,
    `n`, ...) are variable names, not classes: counting them would keep Pygments' and other unused rules."""
    words: set[str] = set(SET_AT_RUN_TIME)
    for path in site_dir.rglob("*"):
        if path.suffix not in (".html", ".js") or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix == ".html":
            words.update(_WORD.findall(text))
            words.update(f"{name}={value}" for name, value in _HTML_ATTRIBUTE_VALUE.findall(text))
        else:
            words.update(w for w in _WORD.findall(text) if w.startswith("md-") and not w.startswith(_FEATURES_NOT_USED))
    return words


def purge_site(site_dir: Path) -> dict[str, str]:
    """Trim Material's stylesheets in a built site; returns {old file name: new file name}."""
    site_dir = Path(site_dir)
    stylesheets = site_dir / "assets" / "stylesheets"
    words = site_words(site_dir)
    renamed = {}
    for pattern in MATERIAL_STYLESHEETS:
        for path in sorted(stylesheets.glob(pattern)):
            css = purge_stylesheet(path.read_text(encoding="utf-8"), words)
            digest = hashlib.sha256(css.encode()).hexdigest()[:8]
            name = re.sub(r"\.[0-9a-f]+\.min\.css$", f".{digest}.min.css", path.name)
            (stylesheets / name).write_text(css, encoding="utf-8")
            if name != path.name:
                path.unlink()
            path.with_name(path.name + ".map").unlink(missing_ok=True)  # described the untrimmed file
            renamed[path.name] = name
    for page in site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        updated = html
        for old, new in renamed.items():
            updated = updated.replace(f"assets/stylesheets/{old}", f"assets/stylesheets/{new}")
        if updated != html:
            page.write_text(updated, encoding="utf-8")
    return renamed
