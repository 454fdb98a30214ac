"""Search finds the right pages for the everyday words people use (issue 15): the complaint page that
answers the word comes near the top, and among muscle pages the muscles that send pain there come first.

Queried through Pagefind's own JavaScript API in Chromium, on the built site's index (the same index the
search box uses); what each word should find is written here, from the reference sheet's pain maps."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

# word: (the complaint page it should find near the top, or None; the muscles it should rank first)
EXPECTED = {
    "sciatica": ("conditions/sciatica-like-pain/", ["gluteus-minimus", "piriformis"]),
    "tailbone": ("conditions/tailbone-pain/", ["gluteus-maximus"]),
    "groin": ("conditions/groin-and-thigh-pain/", ["iliopsoas", "quadratus-lumborum"]),
    "knee": (None, ["tensor-fasciae-latae", "gluteus-minimus"]),
    "side of the hip": ("conditions/side-of-hip-pain/", ["quadratus-lumborum", "tensor-fasciae-latae", "gluteus-medius"]),
    "bum": ("where-does-it-hurt/", ["gluteus-maximus"]),
    "hip flexor": ("conditions/groin-and-thigh-pain/", ["iliopsoas"]),
}

_SEARCH = """async (word) => {
    const pagefind = await import(new URL("pagefind/pagefind.js", document.baseURI).href);
    await pagefind.init();
    const found = await pagefind.search(word);
    const pages = await Promise.all(found.results.slice(0, 12).map(result => result.data()));
    return pages.map(page => new URL(page.url, location.href).pathname.replace(/^\\//, ""));
}"""


def ranking_problems(word: str, urls: list[str], complaint: str | None, muscles: list[str],
                     existing: set[str]) -> list[str]:
    problems = []
    if complaint is not None and complaint not in urls[:3]:
        problems.append(f"{word!r}: {complaint} is not in the first three results {urls[:3]}")
    ranked = [u.split("/")[1] for u in urls if u.startswith("muscles/") and u.count("/") == 2]
    wanted = [m for m in muscles if m in existing]
    for muscle in wanted:
        if muscle not in ranked:
            problems.append(f"{word!r}: muscles/{muscle}/ is not found at all ({ranked})")
    first = ranked[: len(wanted)]
    if wanted and set(first) != set(wanted):
        problems.append(f"{word!r}: the first muscle pages are {first}, expected {wanted} first")
    return problems


@pytest.mark.parametrize("word", EXPECTED)
def test_everyday_words_find_the_right_pages_first(page, site_url, built_site, word):
    existing = {p.name for p in (built_site / "muscles").iterdir() if (p / "index.html").is_file()}
    page.goto(site_url)
    urls = page.evaluate(_SEARCH, word)
    complaint, muscles = EXPECTED[word]
    assert ranking_problems(word, urls, complaint, muscles, existing) == []


def test_a_wrong_ranking_is_caught():
    """The twin: a result list with another muscle first, or the complaint page missing, is reported."""
    urls = ["muscles/gluteus-medius/", "glossary/", "muscles/gluteus-minimus/", "muscles/piriformis/"]
    problems = ranking_problems("sciatica", urls, "conditions/sciatica-like-pain/", ["gluteus-minimus", "piriformis"],
                                {"gluteus-medius", "gluteus-minimus", "piriformis"})
    assert any("not in the first three" in p for p in problems)
    assert any("expected ['gluteus-minimus', 'piriformis'] first" in p for p in problems)
