"""A report as plain data: what a version stores, what the PDF renders, what comparisons read.

One function builds it, so the HTML page, the PDF and the version history can never disagree
about what a report said.
"""

from .models import Report


def _officer(officer) -> dict | None:
    if officer is None:
        return None
    return {
        "id": officer.pk,
        "name": officer.name,
        "job_title": officer.job_title,
        "directorate": officer.directorate.name if officer.directorate_id else "",
        "phone": officer.phone,
        "email": officer.email,
    }


def report_snapshot(report: Report) -> dict:
    """Everything a reader of the report sees, in Summary Sheet order, as JSON-safe data.

    Expects the report loaded with `selectors.report_for_display` (or accepts the extra queries).
    """
    recommendations = []
    top_level = [r for r in report.recommendations.all() if r.parent_id is None]
    children: dict[int, list] = {}
    for rec in report.recommendations.all():
        if rec.parent_id is not None:
            children.setdefault(rec.parent_id, []).append(rec)
    for rec in sorted(top_level, key=lambda r: r.position):
        subs = sorted(children.get(rec.pk, []), key=lambda r: r.position)
        recommendations.append(
            {
                "id": rec.pk,
                "number": str(rec.position),
                "text": rec.text,
                "sub_point_style": rec.sub_point_style,
                "sub_points": [
                    {
                        "id": sub.pk,
                        "number": "•"
                        if rec.sub_point_style == rec.SubPointStyle.BULLETED
                        else f"({chr(ord('a') + (sub.position - 1) % 26)})",
                        "text": sub.text,
                    }
                    for sub in subs
                ],
            }
        )
    return {
        "id": report.pk,
        "committee": report.committee.name,
        "meeting_date": report.meeting_date.isoformat(),
        "title": report.title,
        "title_is_exempt": report.title_is_exempt,
        "is_key_decision": report.is_key_decision,
        "on_forward_plan": report.on_forward_plan,
        "director": _officer(report.director),
        "authors": [_officer(o) for o in report.authors.all()],
        "affects_all_wards": report.affects_all_wards,
        "wards": [w.name for w in report.wards.all()],
        "summary": report.summary,
        "recommendations": recommendations,
        "appendices": [
            {
                "id": a.pk,
                "label": a.label,
                "title": a.title,
                "kind": a.kind,
                "body": a.body,
                "file": a.file.name if a.file else "",
                "page_count": a.page_count,
                "sha256": a.sha256,
                "is_exempt": a.is_exempt,
                "exempt_paragraphs": sorted(a.exempt_paragraphs),
            }
            for a in report.appendices.all()
        ],
        "background_papers": [
            {"title": p.title, "location": p.location} for p in report.background_papers.all()
        ],
        "considerations": [str(c) for c in report.considerations.all()],
        "council_approval_required": report.council_approval_required,
        "is_exempt": report.is_exempt,
        "exempt_paragraphs": sorted(report.exempt_paragraphs),
        "public_interest_reason": report.public_interest_reason,
        "accountable_officers": [_officer(o) for o in report.accountable_officers.all()],
        "sections": [
            {
                "number": s.position,
                "title": s.title,
                "holds_recommendations": s.holds_recommendations,
                "body": s.body,
            }
            for s in report.sections.all()
        ],
    }
