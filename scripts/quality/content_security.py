"""The Content-Security-Policy of a built page: present before anything it must cover, only the site's
own origin, and every inline script it runs allowed by hash (scripts/atlas/csp.py makes the policy)."""

from __future__ import annotations

from html.parser import HTMLParser

from atlas import csp

_LOADS = {"script", "link", "style", "img", "iframe", "object", "embed"}
_ALLOWED_SOURCES = {"'self'", "'none'", "'wasm-unsafe-eval'", "data:"}


class _Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.policies: list[str] = []
        self.loads_before_policy: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "content-security-policy":
            self.policies.append(values.get("content") or "")
        elif tag in _LOADS and not self.policies:
            self.loads_before_policy.append(tag)


def directives(policy: str) -> dict[str, list[str]]:
    parsed = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            parsed[words[0]] = words[1:]
    return parsed


def problems(page_html: str) -> list[str]:
    head = _Head()
    head.feed(page_html)
    head.close()
    if len(head.policies) != 1:
        return [f"{len(head.policies)} Content-Security-Policy meta tags; every page needs exactly one"]
    found = [f"<{tag}> comes before the policy, so the policy does not cover it" for tag in head.loads_before_policy]
    policy = directives(head.policies[0])
    if policy.get("default-src") != ["'self'"]:
        found.append(f"default-src is {policy.get('default-src')}, not 'self'")
    for name, sources in policy.items():
        for source in sources:
            if source not in _ALLOWED_SOURCES and not source.startswith("'sha256-"):
                found.append(f"{name} allows {source}: only the site's own origin and hashed scripts may run")
    allowed = set(policy.get("script-src", []))
    for script in csp.inline_scripts(page_html):
        if csp.script_hash(script) not in allowed:
            found.append(f"inline script not allowed by the policy: {script[:60]!r}")
    return found
