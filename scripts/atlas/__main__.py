"""Command line: `python -m atlas check`, `python -m atlas render OUT_DIR` and
`python -m atlas link-contract SITE_DIR`.

`render` writes the generated Markdown tree, so an engine that ignores MkDocs
hooks (Zensical, ProperDocs) can build the same pages from `docs/` plus OUT_DIR.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from atlas import links
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
    render.add_argument("--site-url", default=links.DEFAULT_SITE_URL,
                        help="public address of the site, for full addresses and JSON-LD (default: %(default)s)")
    contract = commands.add_parser(
        "link-contract", help="check a built site against content/link-contract.txt, or --update the file from it")
    contract.add_argument("site_dir", type=Path, help="a site built with `mkdocs build`")
    contract.add_argument("--update", action="store_true",
                          help="add the built site's new addresses to the contract (removals need a redirect)")
    args = parser.parse_args(argv)

    try:
        site = load_site(args.content)
    except ContentError as error:
        print(error, file=sys.stderr)
        return 1
    if args.command == "link-contract":
        return _link_contract(args.content / "link-contract.txt", args.site_dir, site.redirects, args.update)
    if args.command == "render":
        pages = render_site(site, args.site_url)
        write_markdown_tree(pages, args.out_dir)
        print(f"wrote {len(pages)} pages to {args.out_dir}")
    else:
        print(f"content is valid: {len(site.muscles)} muscle(s), {len(site.glossary.terms)} glossary terms")
    return 0


def _link_contract(contract_file: Path, site_dir: Path, redirects, update: bool) -> int:
    contract = links.read_contract(contract_file) if contract_file.is_file() else []
    built = links.site_entries(site_dir)
    if update:
        try:
            entries = links.regenerate(contract, built, redirects)
        except ValueError as error:
            print(error, file=sys.stderr)
            return 1
        links.write_contract(contract_file, entries)
        print(f"{contract_file}: {len(entries)} addresses ({len(entries - set(contract))} new)")
        return 0
    problems = links.check(contract, built, redirects)
    unlisted = sorted(built - set(contract))
    for problem in problems:
        print(problem, file=sys.stderr)
    if unlisted:
        print(f"{len(unlisted)} address(es) not yet in the contract; run `make link-contract`:", file=sys.stderr)
        print("\n".join(f"  {entry}" for entry in unlisted), file=sys.stderr)
    if not problems and not unlisted:
        print(f"link contract holds: {len(contract)} addresses")
    return 1 if problems or unlisted else 0


if __name__ == "__main__":
    sys.exit(main())
