"""R4 for reports: what each audience may see of a report, its versions and its appendices.

The single rule for reports; `meetings.visibility` builds the agenda's rules on it, and every page,
pack, download and (later) search index, feed and API asks one of the two. An exempt document is shown
only to an audience that `sees_exempt` (`council.audience`); to anyone else it is a notice naming the
Schedule 12A paragraph(s), under a title that is itself withheld when the title would reveal it.

Reports and appendices may be given as model instances or as a version's snapshot (a dict): a
published report is read from its frozen snapshot, so both forms answer alike.
"""

from django.db.models import Exists, OuterRef, Q

from council.audience import Audience, audience_of, councillor_of, exempt_papers_for_all_councillors
from council.selectors import memberships_running

EXEMPT_REPORT = "Exempt report"


def _get(document, name: str):
    return document[name] if isinstance(document, dict) else getattr(document, name)


def audience_for_report(user, report) -> Audience:
    """The reader's audience for the papers of the report's meeting (its committee and date)."""
    return audience_of(user, committee_id=report.committee_id, on=report.meeting_date)


def is_exempt(report) -> bool:
    return bool(_get(report, "is_exempt"))


def report_is_shown_to(report, audience: Audience) -> bool:
    """Whether the audience may read the report's text (its page, PDF, pack pages): open reports to
    everyone, exempt ones only to those who see exempt papers. Publication is checked by the caller."""
    return not is_exempt(report) or audience.sees_exempt


def report_title_for(report, audience: Audience) -> str:
    """The title as this audience may read it: "Exempt report" when the title itself is exempt."""
    if _get(report, "title_is_exempt") and not audience.sees_exempt:
        return EXEMPT_REPORT
    return _get(report, "title")


def title_is_withheld(reports, audience: Audience) -> bool:
    """Whether any of these reports has a title the audience may not read: the item that carries
    them is then "Exempt item" too, since its own title usually repeats the report's."""
    return not audience.sees_exempt and any(_get(r, "title_is_exempt") for r in reports)


def appendix_is_shown_to(appendix, *, report, audience: Audience) -> bool:
    """An appendix is exempt if it is, or if its report is (R4)."""
    return audience.sees_exempt or not (_get(appendix, "is_exempt") or is_exempt(report))


def appendix_name_for(appendix, *, report, audience: Audience) -> str:
    """ "Appendix 2 – Tender evaluation" to those who may read it; "Appendix 2" to the others, whose
    notice names the paragraph instead (an appendix's title can reveal what it withholds)."""
    label = _get(appendix, "label")
    if appendix_is_shown_to(appendix, report=report, audience=audience):
        return f"{label} – {_get(appendix, 'title')}"
    return label


def exempt_reports_readable_q(user) -> Q | None:
    """Which published exempt reports `user` may open, as a filter on `Report`; None for none.

    Staff read them all. Councillors read them all, or, where the council keeps exempt papers to the
    members of the body, those of committees they sat on at the report's meeting date.
    """
    audience = audience_of(user)
    if audience in (Audience.OFFICER, Audience.DEMOCRATIC_SERVICES):
        return Q()
    if audience == Audience.PUBLIC:
        return None
    if exempt_papers_for_all_councillors():
        return Q()
    councillor = councillor_of(user)
    if councillor is None:
        return None
    # The same test as `council.audience.sits_on`, for every report at once.
    sat = memberships_running(on=OuterRef("meeting_date")).filter(
        councillor=councillor, committee=OuterRef("committee")
    )
    return Q(Exists(sat))
