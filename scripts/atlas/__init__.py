"""Trigger Point Atlas: content in `content/` -> validated models -> Markdown pages.

Flow, one direction only: `load` (YAML -> `schema` models) -> `render` (Jinja
templates -> Markdown) -> `scripts/hook.py` (hands pages to MkDocs).
"""
