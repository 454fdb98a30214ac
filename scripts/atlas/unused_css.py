"""Drop the rules of Material's stylesheets that match nothing this site can show.

Material ships one stylesheet for every feature it has (blog, tabs, version picker, annotations, ...);
gzip-compressed it alone is about 23 KB of a phone's critical path. After a build, a rule is kept when every
class and attribute value its selector needs at the top level occurs in an attribute of the built HTML or is
one of the `md-` class names in the site's JavaScript (which builds search results and the like), the way
PurgeCSS works. The text of the pages does not count: the word "warning" in a sentence needs no `.warning`.
Classes and attribute values that Material's script sets on elements at run time are not in the HTML and
have no `md-` prefix: they are kept by name (`SET_AT_RUN_TIME`). Then custom properties that nothing reads
(`--md-version-icon`, Mermaid's colours, ...) are dropped. Anything inside :is(), :not() and other functions is kept as it is, and so are @font-face,
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
# Attribute values (class="...", data-md-toggle="..."), not the text between tags. One pass over the page:
# text that happens to hold `="` only keeps a rule or two more, never drops one.
_ATTRIBUTE_VALUE = re.compile(r'=\s*(?:"([^"]*)"|\'([^\']*)\')')
_CUSTOM_PROPERTY_USE = re.compile(r"var\(\s*(--[A-Za-z0-9_-]+)")


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
}
"""Words selectors need that only Material's script puts on the page (class names, attribute values),
with why. tests/test_unused_css.py checks each still occurs in Material's script; tests/browser checks
the styles they keep (focus outline, tooltip width) reach the page."""

# Classes Material's JavaScript builds for features this site does not turn on: code annotations and copy
# buttons, repository facts, tags, tooltips (the glossary has its own: tooltips.js), version picker.
_FEATURES_NOT_USED = ("md-annotation", "md-code", "md-source", "md-tag", "md-tooltip", "md-version")


# Folders of scripts that build no HTML: Material's search worker and its language files (not loaded here).
_NO_CLASSES = ("lunr", "min", "workers", "pagefind")


def site_words(site_dir: Path) -> set[str]:
    """Words a selector may need: every word of the built HTML, and the `md-` class names the JavaScript
    builds at run time (search results, tooltips, ...). Other words of minified JavaScript (`c`, `k`,
    `n`, ...) are variable names, not classes: counting them would keep Pygments' and other unused rules."""
    words: set[str] = set(SET_AT_RUN_TIME)
    for path in site_dir.rglob("*"):
        if path.suffix not in (".html", ".js") or not path.is_file() or path.parent.name in _NO_CLASSES:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix == ".html":
            values = set(_ATTRIBUTE_VALUE.findall(text))
            words.update(_WORD.findall(" ".join(double + " " + single for double, single in values)))
            words.update(f"{name}={value}" for name, value in _HTML_ATTRIBUTE_VALUE.findall(text))
        else:
            words.update(w for w in _WORD.findall(text) if w.startswith("md-") and not w.startswith(_FEATURES_NOT_USED))
    return words


def _drop_declarations(rules: list, unused: set[str]) -> list[str]:
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            declarations = tinycss2.parse_blocks_contents(rule.content)
            content = _without(declarations, unused)
            if content.strip(" ;"):
                kept.append(tinycss2.serialize(rule.prelude).strip() + "{" + content + "}")
        elif rule.type == "at-rule" and rule.content is not None and rule.lower_at_keyword in _GROUPING_RULES:
            inner = _drop_declarations(tinycss2.parse_blocks_contents(rule.content, skip_whitespace=True,
                                                                      skip_comments=True), unused)
            if inner:
                kept.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{''.join(inner)}}}")
        else:
            kept.append(tinycss2.serialize([rule]))
    return kept


def _without(declarations: list, unused: set[str]) -> str:
    """The declaration block less the custom properties named in `unused`."""
    out = []
    for token in declarations:
        if token.type == "declaration":
            if token.name.startswith("--") and token.name in unused:
                continue
            out.append(tinycss2.serialize([token]).rstrip(";"))
        elif token.type not in ("whitespace", "comment", "literal"):
            out.append(tinycss2.serialize([token]))
    return ";".join(out)


def drop_unused_custom_properties(css: str, readers: str) -> str:
    """Drop custom property declarations (`--name: ...`) that no `var(--name)` in `css` or `readers` (the
    site's other stylesheets and scripts) reads, repeated until none is left: a property read only by
    another dropped one goes too."""
    while True:
        declared = set(re.findall(r"(?<![\w-])(--[A-Za-z0-9_-]+)\s*:", css))
        read = set(_CUSTOM_PROPERTY_USE.findall(css)) | set(_CUSTOM_PROPERTY_USE.findall(readers))
        # Scripts may also read a property by name (getPropertyValue("--md-...")).
        read |= {name for name in declared if f'"{name}"' in readers or f"'{name}'" in readers}
        unused = declared - read
        if not unused:
            return css
        css = "".join(_drop_declarations(tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True),
                                         unused))


def purge_site(site_dir: Path) -> dict[str, str]:
    """Trim Material's stylesheets in a built site; returns {old file name: new file name}."""
    site_dir = Path(site_dir)
    stylesheets = site_dir / "assets" / "stylesheets"
    words = site_words(site_dir)
    renamed = {}
    material = [path for pattern in MATERIAL_STYLESHEETS for path in sorted(stylesheets.glob(pattern))]
    readers = "".join(p.read_text(encoding="utf-8") for p in sorted(stylesheets.glob("*.css")) if p not in material)
    readers += "".join(p.read_text(encoding="utf-8") for p in sorted((site_dir / "assets").rglob("*.js")))
    readers += "".join(f"var({word})" for word in sorted(words) if word.startswith("--"))  # style="..." in HTML
    trimmed = {path: purge_stylesheet(path.read_text(encoding="utf-8"), words) for path in material}
    for path in material:
        others = "".join(css for other, css in trimmed.items() if other != path)
        css = drop_unused_custom_properties(trimmed[path], readers + others)
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
