"""Every fact of both seed documents reaches the site: the muscle page or a page it links to.

Each entry is one fact from `../shared/seeds/`, with the words (in this site's own phrasing) that must
appear together in one page's text. Adding a fact to the seeds means adding it here.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

SEED_FACTS = {
    # Source page 1: "Gluteus Medius | Trigger Point Anatomy | Low Back Pain"
    "gluteal muscles affect one another": ["work closely together", "often affects the others"],
    "stabilises the pelvis": ["keeps the pelvis level"],
    "moves the leg away from the midline": ["away from the middle of the body"],
    "rotates the hip, mostly outwardly, sometimes inwardly": ["rotates the hip mostly outwards", "internal rotation"],
    "mostly covered by gluteus maximus (with the anatomy correction)": ['"mostly covered"', "back third"],
    "lower part covers gluteus minimus, shares posterior fascia": ["covers gluteus minimus", "share some of their back fascia"],
    "interacts with sacroiliac abnormalities": ["problems of the sacroiliac joint"],
    "maximus gives running and jumping power": ["power for running and jumping"],
    "medius propels walking and running": ["push you forward when you walk and run"],
    "supports one-legged standing": ["stand on one leg"],
    "keeps the pelvis even when walking, supports the weight-bearing leg": ["even and balanced", "carries all your weight"],
    "chronic low back pain inhibits it; a perpetuating factor": ["chronic", "switch this muscle down", "major reason the pain keeps going"],
    "inhibition stresses the knee": ["knee may have to take extra strain"],
    "hurts with walking, slouching, lying on the back": ["Walking.", "Sitting slouched", "Lying on your back"],
    "lying on the back compresses maximus onto medius": ["presses gluteus maximus down onto this muscle"],
    "hurts with direct compression": ["Direct pressure on the muscle"],
    "pain keeps you awake": ["keep you awake"],
    "wakes you rolling onto your side": ["roll onto your side"],
    "sleep hard with trigger points on both sides": ["on both sides, it can be hard"],
    "mistaken for sacroiliac dysfunction": ["Sacroiliac joint dysfunction"],
    "failed surgical back": ["failed back surgery", "one reason for it"],
    "sciatica-like pain": ["sciatica-like pain"],
    "gather near tendon attachments, can be anywhere": ["near the ends of the muscle", "can be found anywhere"],
    "with minimus: trochanter pain near the ball-and-socket joint": ["trochanter", "ball-and-socket joint"],
    "hip abductor pain syndrome": ["hip abductor pain syndrome"],
    "cause: poor posture": ["Poor posture"],
    "cause: gait irregularity": ["uneven way of walking"],
    "cause: Morton's foot": ["Morton's foot"],
    "cause: flat feet": ["Flat feet"],
    "cause: sideways resistance exercises, machines or bands": ["push the leg out to the side against resistance", "leg band"],
    "cause: body asymmetry": ["not the same on both sides"],
    "cause: sudden falls": ["A sudden fall"],
    "cause: sports injuries": ["A sports injury"],
    "cause: unequal weight distribution": ["Uneven weight between the two legs"],
    "cause: hypermobile ligaments and tendons": ["hypermobile", "ligaments and tendons"],
    "cause: upright cycling": ["Cycling while sitting upright"],
    "cause: injection of irritating substances": ["injection of an irritating substance"],
    "cause: running": ["Running."],
    "cause: long tennis matches": ["Long tennis matches"],
    "cause: walking on soft sand": ["Walking on soft sand"],
    "cause: wallet in back pocket while sitting": ["wallet in a back pocket"],
    "cause: surgery in the area": ["Surgery in the area"],
    "flare: standing on one foot": ["Standing on one foot for a long time"],
    "flare: weight on one foot with cast, cane, crutches": ["a cast, a cane or crutches"],
    "flare: child on one hip": ["child on one hip"],
    "flare: heavy school books on one side": ["school books on one side"],
    "late pregnancy low back pain from gait and weight": ["late in pregnancy", "weight is carried unevenly"],
    "earlier if overweight, twins, other factors": ["overweight", "twins"],
    "link: back pain - trigger point release": ["Trigger point release"],
    "link: dry needling for trigger points": ["Dry needling"],
    "link: certification and diploma courses": ["certificate or a diploma"],
    "link: continuing-education subjects": ["continuing-education", "cranio-sacral therapy", "IMS dry needling",
                                            "Bowen therapy", "vestibular rehabilitation", "Pilates and yoga"],
    # Source page 2: "Trigger point pain from Gluteus Medius Trigger Point #One and how to find relief"
    "on the buttock, from the side of the pelvis to the femur near the hip joint": ["buttock", "thigh bone", "near the hip joint"],
    "moves the leg back": ["move it backwards"],
    "three trigger points": ["three well-known trigger points"],
    "TP1: two finger widths above, three to four to the side of the top of the crease": ["two finger widths up", "three to four finger widths"],
    "TP1 refers to the lower back and most of the buttock": ["lower back", "most of the buttock"],
    "equipment: ball, pillow, yoga block, bolster or books": ["A ball, such as a tennis ball", "pillow", "yoga block or bolster", "stack of books"],
    "lie on the ground, head on the pillow": ["Lie on your back on the floor with your head on the pillow"],
    "bend the painful-side knee, other leg straight": ["bend the right knee and keep the left leg straight"],
    "lower the knee onto the block": ["rests on the block or bolster"],
    "lower means more intense; adjust bolster height": ["Lower the block or bolster", "Adjust the height of the block"],
    "more pressure: roll onto the ball": ["Roll your body further over onto the ball"],
    "tingling down the side of the leg or into the buttock (safe form: move the ball)": ["tingling", "going down the side of your leg or into your buttock", "Move the ball or ease off"],
    "too intense: roll back": ["Roll back to lower the pressure"],
    "hold about 30 seconds and relax": ["Hold for about 30 seconds, then relax"],
    "stretch does the opposite action": ["the opposite way"],
    "stretch: lift and bend the leg, roll it over, foot beyond": ["Roll the bent right leg over the left leg", "far side of the left leg"],
    "stretch: hold the knee with the other hand": ["Hold your right knee with your left hand"],
    "stretch: arm out at shoulder level, look at the hand": ["at shoulder height", "Turn your head to look at your right hand"],
    "stretch: hold 30 seconds, then the other leg": ["Hold for 30 seconds", "do the same with the other leg"],
}


class _Text(HTMLParser):
    """Visible article text; the tooltip titles of <abbr> are attributes and are left out."""

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self.links: list[str] = []
        self._depth = 0

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self._depth += 1
        if tag == "a" and self._depth:
            self.links.extend(v for k, v in attrs if k == "href" and v)

    def handle_endtag(self, tag):
        if tag == "article":
            self._depth -= 1

    def handle_data(self, data):
        if self._depth:
            self.parts.append(data)


def read_page(path: Path) -> _Text:
    parser = _Text()
    parser.feed(path.read_text())
    return parser


@pytest.fixture(scope="module")
def reachable_text(built_site: Path) -> dict[str, str]:
    """Text of the muscle page and of every page of this site it links to."""
    start = built_site / "muscles/gluteus-medius/index.html"
    pages = {start: read_page(start)}
    for href in pages[start].links:
        if re.match(r"^[a-z]+:", href) or href.startswith("#"):
            continue
        target = (start.parent / href.split("#")[0]).resolve()
        target = target / "index.html" if target.is_dir() else target
        if target.is_file() and target not in pages:
            pages[target] = read_page(target)
    return {str(p.relative_to(built_site)): " ".join(" ".join(t.parts).split()) for p, t in pages.items()}


@pytest.mark.parametrize("fact", SEED_FACTS)
def test_seed_fact_reaches_the_site(reachable_text: dict[str, str], fact: str):
    words = SEED_FACTS[fact]
    homes = [page for page, text in reachable_text.items() if all(w in text for w in words)]
    assert homes, f"no page reachable from the muscle page says all of {words}"


def test_the_seed_links_are_internal(reachable_text):
    assert {"conditions/low-back-pain/index.html", "techniques/trigger-point-release/index.html",
            "techniques/dry-needling/index.html", "for-clinicians/index.html"} <= set(reachable_text)
