"""JSON-LD (`schema.org/MedicalWebPage`) for content pages, built from content only.

Search engines and link previews read it. Every value comes from `content/`: the review date, the muscle's
nerve, actions and insertion, and the page's numbered references. Nothing is added that the content does
not say (no reviewer, no image, no rating).
"""

from __future__ import annotations

from atlas import schema
from atlas.links import absolute_address, page_address

PATIENTS = {"@type": "Patient"}
CLINICIANS = {"@type": "MedicalAudience", "audienceType": "Clinician"}

_REFERENCE_TYPES = {"book": "Book", "web-page": "WebPage", "anatomy-texts": "CreativeWork", "guidance": "CreativeWork"}


def _reference(ref: schema.Reference) -> dict:
    work: dict = {"@type": _REFERENCE_TYPES[ref.kind], "name": ref.title}
    if ref.authors:
        work["author"] = ref.authors
    if ref.year:
        work["datePublished"] = str(ref.year)
    if ref.details:
        work["description"] = ref.details
    return work


def _muscle(muscle: schema.Muscle) -> dict:
    anatomy = muscle.anatomy
    return {
        "@type": "Muscle",
        "name": muscle.names.common,
        "alternateName": [muscle.names.latin],
        "nerve": {"@type": "Nerve", "name": anatomy.nerve},
        "action": " ".join(f"{a.movement}: {a.detail}" for a in anatomy.actions),
        "insertion": {"@type": "AnatomicalStructure", "name": anatomy.insertion},
        "bloodSupply": {"@type": "Vessel", "name": anatomy.blood_supply},
    }


def content_pages(site: schema.SiteContent) -> dict[str, schema.Muscle | schema.Condition | schema.Technique]:
    """Page id -> the content it is made from, for every muscle, condition and technique page."""
    pages = {f"muscles/{m.id}": m for m in site.muscles} | {f"conditions/{c.id}": c for c in site.conditions}
    return pages | {f"techniques/{t.id}": t for t in site.techniques}


def page_json_ld(site: schema.SiteContent, page_id: str, site_url: str, pages: dict | None = None) -> dict | None:
    """The JSON-LD object of one generated page (`muscles/gluteus-medius`), or None if it has no review.
    `pages` is content_pages(site), passed in when many pages are made from one site."""
    pages = content_pages(site) if pages is None else pages
    about: dict | None = None
    audience = [PATIENTS, CLINICIANS]
    item = pages.get(page_id)
    if isinstance(item, schema.Muscle):
        name, ref_ids, about = item.names.common, item.references, _muscle(item)
    elif isinstance(item, schema.Condition):
        name, ref_ids, about = item.name, item.references, {"@type": "MedicalCondition", "name": item.name}
    elif isinstance(item, schema.Technique):
        name, ref_ids, about = item.name, item.references, {"@type": "MedicalTherapy", "name": item.name}
    elif page_id == "glossary":
        item, name, ref_ids = site.glossary, "Glossary", []
    elif page_id == "for-clinicians":
        item, name, ref_ids, audience = site.for_clinicians, "For clinicians", [], [CLINICIANS]
    else:
        return None
    data: dict = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": name,
        "description": item.summary,
        "url": absolute_address(site_url, page_address(page_id)),
        "inLanguage": "en",
        "lastReviewed": item.review.last_reviewed.isoformat(),
        "publisher": {"@type": "Organization", "name": site.publisher.name},
        "audience": audience,
    }
    if about:
        data["about"] = about
    if ref_ids:
        references = {r.id: r for r in site.references}
        data["citation"] = [_reference(references[ref_id]) for ref_id in ref_ids]
    return data
