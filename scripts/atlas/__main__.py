"""Command line: `python -m atlas check` and `python -m atlas render OUT_DIR`.

`render` writes the generated Markdown tree, so an engine that ignores MkDocs
hooks (Zensical, ProperDocs) can build the same pages from `docs/` plus OUT_DIR.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from atlas.load import ContentError, load_site
from atlas.render import render_site, write_markdown_tree

ROOT = Path(__file__).resolve().parents[2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m atlas", description=__doc__)
    parser.add_argument("--content", type=Path, default=ROOT / "content", help="content folder")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="validate the content and report problems")
    render = commands.add_parser("render", help="write the generated Markdown pages to a folder")
    render.add_argument("out_dir", type=Path)
    args = parser.parse_args(argv)

    try:
        site = load_site(args.content)
    except ContentError as error:
        print(error, file=sys.stderr)
        return 1
    if args.command == "render":
        pages = render_site(site)
        write_markdown_tree(pages, args.out_dir)
        print(f"wrote {len(pages)} pages to {args.out_dir}")
    else:
        print(f"content is valid: {len(site.muscles)} muscle(s), {len(site.glossary.terms)} glossary terms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
