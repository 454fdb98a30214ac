"""JSON-LD (`schema.org/MedicalWebPage`) for content pages, built from content only.

Search engines and link previews read it. Every value comes from `content/`: the review date, the muscle's
nerve, actions and insertion, and the page's numbered references. Nothing is added that the content does
not say (no reviewer, no image, no rating).
"""

from __future__ import annotations

from atlas import schema
from atlas.links import absolute_address
from atlas.pages import PageEntry

PATIENTS = {"@type": "Patient"}
CLINICIANS = {"@type": "MedicalAudience", "audienceType": "Clinician"}

_REFERENCE_TYPES = {"book": "Book", "journal-article": "ScholarlyArticle", "web-page": "WebPage",
                    "guidance": "CreativeWork"}


def _reference(ref: schema.Reference) -> dict:
    work: dict = {"@type": _REFERENCE_TYPES[ref.kind], "name": ref.title}
    if ref.authors:
        work["author"] = ref.authors
    if ref.year:
        work["datePublished"] = str(ref.year)
    if ref.url:
        work["url"] = ref.url
    return work


def _muscle(muscle: schema.Muscle) -> dict:
    anatomy = muscle.anatomy
    about = {
        "@type": "Muscle",
        "name": muscle.names.common,
        "alternateName": [muscle.names.latin],
        "nerve": {"@type": "Nerve", "name": anatomy.nerve},
        # The movements only: the page itself explains each one (and every byte here is on every first visit).
        "action": "; ".join(a.movement for a in anatomy.actions),
        "insertion": {"@type": "AnatomicalStructure", "name": anatomy.insertion},
    }
    if anatomy.blood_supply:
        about["bloodSupply"] = {"@type": "Vessel", "name": anatomy.blood_supply}
    return about


def page_json_ld(site: schema.SiteContent, page: PageEntry, site_url: str) -> dict | None:
    """The JSON-LD object of one generated page, or None for a page without a review of its own."""
    references = {r.id: r for r in site.references}
    about: dict | None = None
    audience = [PATIENTS, CLINICIANS]
    item, name, ref_ids = page.content, page.title, []
    if page.kind == "muscle":
        ref_ids, about = item.references, _muscle(item)
    elif page.kind == "condition":
        ref_ids, about = item.references, {"@type": "MedicalCondition", "name": item.name}
    elif page.kind == "technique":
        ref_ids, about = item.references, {"@type": "MedicalTherapy", "name": item.name}
    elif page.kind == "for-clinicians":
        audience = [CLINICIANS]
    elif page.kind != "glossary":
        return None
    data: dict = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": name,
        "description": item.summary,
        "url": absolute_address(site_url, page.address),
        "inLanguage": "en",
        "lastReviewed": item.review.last_reviewed.isoformat(),
        "publisher": {"@type": "Organization", "name": site.publisher.name},
        "audience": audience,
    }
    if about:
        data["about"] = about
    if ref_ids:
        data["citation"] = [_reference(references[ref_id]) for ref_id in ref_ids]
    return data
