"""Read `content/`, validate it against the schema, and report problems readably.

A broken content file must produce one message that names the file, the field
path, the line and what is wrong: never a traceback. Every problem found is
collected into a single `ContentError`.

This module reads files: YAML with the line of every value, validated against `atlas.schema`. The rules
that span files (a region, reference or page that must exist elsewhere) are named functions in
`atlas.rules`, run by `load_site` once every file has been read.

YAML is read without implicit typing (every scalar is a string) and the schema
does the typing. That keeps YAML's surprises out of medical text ("no" turning
into False, "1:30" into a number) and makes a bad date a schema error with a
line number instead of a crash inside the YAML library.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from atlas import rules, schema
from atlas.problems import ContentError, Problem, dotted

__all__ = ["ContentError", "Problem", "load_file", "load_site", "PAGE_FOLDERS", "SINGLE_FILES"]


# --- YAML with positions ----------------------------------------------------

_NULL = "tag:yaml.org,2002:null"


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """libyaml's parser when PyYAML has it (its wheels do): the pure-Python one is ~15x slower and was
    most of a build's time with many pages. Both give the same nodes, line marks and errors.

    Tags only what `_to_python` asks (is this plain scalar a null?): PyYAML's full implicit typing ran a
    regular expression on every value and cost a third of the parse.
    """

    def resolve(self, kind, value, implicit):
        if kind is yaml.ScalarNode:
            return _NULL if implicit[0] and value in ("", "~", "null", "Null", "NULL") else "tag:yaml.org,2002:str"
        return "tag:yaml.org,2002:seq" if kind is yaml.SequenceNode else "tag:yaml.org,2002:map"


class _Document:
    """A parsed YAML file that remembers the line of every value."""

    def __init__(self, path: Path, label: str, text: str | None = None):
        self.label = label
        self.text = path.read_text(encoding="utf-8") if text is None else text
        root = self._compose()
        if root is None:
            raise ContentError([Problem(label, "", None, "the file is empty")])
        problems: list[Problem] = []
        self.data = self._to_python(root, (), problems)
        if problems:
            raise ContentError(problems)

    def _compose(self) -> yaml.Node | None:
        try:
            return yaml.compose(self.text, Loader=_Loader)
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            line = mark.line + 1 if mark else None
            raise ContentError([Problem(self.label, "", line, f"YAML syntax error: {error.problem}")]) from None

    @functools.cached_property
    def root(self) -> yaml.Node:
        """The node tree, parsed again when a problem needs a line number. Keeping every file's tree
        alive made each pass of Python's garbage collector walk all of them: at 500 muscles that was a
        third of the load time, and it grew faster than the number of pages."""
        return self._compose()

    def _to_python(self, node: yaml.Node, path: tuple, problems: list[Problem]) -> Any:
        if isinstance(node, yaml.MappingNode):
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                key = key_node.value
                if key in result:
                    problems.append(
                        Problem(self.label, dotted(path + (key,)), key_node.start_mark.line + 1,
                                "this key appears twice in the same block")
                    )
                result[key] = self._to_python(value_node, path + (key,), problems)
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self._to_python(item, path + (i,), problems) for i, item in enumerate(node.value)]
        if node.tag == _NULL and node.value in ("", "~", "null"):
            return None
        return node.value

    def line_of(self, loc: tuple) -> int | None:
        """Line of the value at `loc`, or of the nearest enclosing value that exists."""
        node = self.root
        for part in loc:
            child = None
            if isinstance(node, yaml.MappingNode):
                child = next((v for k, v in node.value if k.value == part), None)
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
                child = node.value[part]
            if child is None:
                break
            node = child
        return node.start_mark.line + 1


_FRIENDLY = {
    "missing": "missing required field",
    "extra_forbidden": "unknown field (not in the schema; check the spelling)",
}


def _validate(model: type[BaseModel], document: _Document) -> Any:
    try:
        return model.model_validate(document.data)
    except ValidationError as error:
        problems = []
        for item in error.errors():
            # Drop pydantic's internal type tags (e.g. "function-after[...]") from the path.
            loc = tuple(p for p in item["loc"] if isinstance(p, int) or "[" not in p)
            message = _FRIENDLY.get(item["type"], item["msg"].removeprefix("Value error, "))
            problems.append(Problem(document.label, dotted(loc), document.line_of(loc), message))
        raise ContentError(problems) from None


# --- the content folder -----------------------------------------------------

SINGLE_FILES = {
    "publisher": ("publisher.yml", schema.Publisher, None),
    "references": ("references.yml", None, "references"),
    "regions": ("body-regions.yml", None, "regions"),
    "body_map": ("body-map.yml", schema.BodyMap, None),
    "glossary": ("glossary.yml", schema.Glossary, None),
    "safety": ("safety.yml", schema.Safety, None),
    "for_clinicians": ("for-clinicians.yml", schema.ClinicianGuide, None),
    "redirects": ("redirects.yml", schema.Redirects, None),
}
"""Site-wide files: (file name, model, or the key of the one list it holds)."""

PAGE_FOLDERS = {
    "muscles": schema.Muscle,
    "conditions": schema.Condition,
    "techniques": schema.Technique,
}
"""One file per page: `content/<folder>/<id>.yml`."""


def load_file(path: Path, label: str, kind: str, text: str | None = None) -> tuple[_Document, Any]:
    """Parse and validate one file of `kind` (a `SINGLE_FILES` key or a `PAGE_FOLDERS` folder).

    Raises `ContentError`. The result depends only on the text, `label` and `kind` (atlas.cache relies
    on that); rules that span files are `load_site`'s.
    """
    document = _Document(path, label, text)
    try:
        if kind in PAGE_FOLDERS:
            return document, _validate(PAGE_FOLDERS[kind], document)
        _, model, list_key = SINGLE_FILES[kind]
        if model is not None:
            return document, _validate(model, document)
        return document, _validate_list(document, list_key, schema.SiteContent.model_fields[kind])
    finally:
        document.data = None  # validated; the model holds the content now (see `_Document.root`)


def load_site(content_dir: Path, file_loader=load_file) -> schema.SiteContent:
    """Load and check every content file. Raises `ContentError` listing all problems.

    `file_loader` reads one file (as `load_file`); atlas.cache passes one that skips unchanged files.
    """
    content_dir = Path(content_dir)
    problems: list[Problem] = []
    documents: dict[str, _Document] = {}
    fields: dict[str, Any] = {}
    labels: dict[str, str] = {}

    def read(path: Path, kind: str) -> tuple[_Document, Any] | None:
        label = _label(path, content_dir)
        if not path.is_file():
            problems.append(Problem(label, "", None, "file is missing"))
            return None
        try:
            document, value = file_loader(path, label, kind)
        except ContentError as error:
            problems.extend(error.problems)
            return None
        documents[label] = document
        return document, value

    for key, (name, _, _) in SINGLE_FILES.items():
        loaded = read(content_dir / name, key)
        if loaded is not None:
            labels[key], fields[key] = loaded[0].label, loaded[1]

    for folder in PAGE_FOLDERS:
        pages = []
        for path in sorted((content_dir / folder).glob("*.yml")):
            loaded = read(path, folder)
            if loaded is None:
                continue
            document, page = loaded
            if page.id != path.stem:
                problems.append(Problem(document.label, "id", document.line_of(("id",)),
                                        f"id {page.id!r} must match the file name {path.stem!r}"))
            pages.append((document.label, page))
        fields[folder] = pages

    if problems:
        raise ContentError(problems)

    line_of = {label: document.line_of for label, document in documents.items()}
    problems.extend(rules.check(rules.Contents(fields, labels, line_of)))
    if problems:
        raise ContentError(problems)
    for folder in PAGE_FOLDERS:
        fields[folder] = [page for _, page in fields[folder]]
    return schema.SiteContent(**fields)


def _validate_list(document: _Document, list_key: str, field_info: Any) -> list:
    from pydantic import TypeAdapter

    data = document.data
    if not isinstance(data, dict) or set(data) != {list_key}:
        raise ContentError([Problem(document.label, "", 1, f"the file must hold one key, {list_key!r}, with a list")])
    try:
        return TypeAdapter(field_info.annotation).validate_python(data[list_key])
    except ValidationError as error:
        problems = []
        for item in error.errors():
            loc = (list_key,) + tuple(p for p in item["loc"] if isinstance(p, int) or "[" not in p)
            message = _FRIENDLY.get(item["type"], item["msg"].removeprefix("Value error, "))
            problems.append(Problem(document.label, dotted(loc), document.line_of(loc), message))
        raise ContentError(problems) from None


def _label(path: Path, content_dir: Path) -> str:
    try:
        return str(Path(content_dir.name) / path.relative_to(content_dir))
    except ValueError:
        return str(path)
