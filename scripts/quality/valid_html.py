"""Valid HTML: the part of each page this project writes, checked by the Nu HTML checker (vnu.jar).

Material's own markup is not ours to fix; the article (rendered from content by our templates) and the
output of our theme overrides (between <!-- atlas:overrides --> comments) are. They are cut out of the built
page as written, put into a minimal valid document, and checked.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = ROOT / "scripts" / "tools" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
_ARTICLE = re.compile(r"<article\b.*?</article>", re.S)
_OVERRIDES = re.compile(r"<!-- atlas:overrides -->(.*?)<!-- /atlas:overrides -->", re.S)
_HEAD_END = "</head>"
_LABEL_FOR = re.compile(r'<label\b[^>]*\bfor="([^"]+)"')
_ID = re.compile(r'\bid="([^"]+)"')


def our_part(page_html: str) -> str:
    """A minimal document holding the article and the overrides' output of one built page."""
    head, _, body = page_html.partition(_HEAD_END)
    head_parts = "\n".join(_OVERRIDES.findall(head))
    body_parts = "\n".join(_OVERRIDES.findall(body))
    article = _ARTICLE.search(body)
    ours = head_parts + body_parts + (article.group(0) if article else "")
    # Labels in our part may name Material's toggles (the search checkbox lives in Material's markup):
    # stand in a plain checkbox for each, so that only our own markup is judged.
    outside_ids = sorted(set(_LABEL_FOR.findall(ours)) - set(_ID.findall(ours)))
    toggles = "\n".join(f'<input type="checkbox" id="{i}" aria-label="{i}">' for i in outside_ids)
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Checked part</title>\n"
            f"{head_parts}\n</head>\n<body>\n{toggles}\n{body_parts}\n<main>\n{article.group(0) if article else ''}\n</main>\n"
            "</body>\n</html>\n")


def vnu_errors(documents: dict[str, str], work_dir: Path) -> dict[str, list[str]]:
    """Check documents ({name: html}) in one run of the checker; returns {name: [error, ...]}."""
    if not VNU_JAR.is_file():
        raise RuntimeError(f"{VNU_JAR} is missing: run `make test` (it runs npm ci in scripts/tools/vnu)")
    files = {}
    for number, (name, html) in enumerate(sorted(documents.items())):
        path = work_dir / f"page-{number}.html"
        path.write_text(html, encoding="utf-8")
        files[path.name] = name
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--exit-zero-always",
         *[str(work_dir / f"page-{n}.html") for n in range(len(files))]],
        capture_output=True, text=True, check=True,
    )
    errors: dict[str, list[str]] = {name: [] for name in documents}
    for message in json.loads(result.stderr or result.stdout)["messages"]:
        name = files.get(message.get("url", "").rsplit("/", 1)[-1], message.get("url", "?"))
        line = message.get("lastLine", "?")
        errors.setdefault(name, []).append(f"line {line}: {message['message']} [{message.get('extract', '').strip()}]")
    return errors
