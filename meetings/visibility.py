"""R4 for meetings: what each audience may see of an agenda, its items, their documents, the packs and
the changes list.

The one place that decides, built on `reports.visibility` (reports, versions, appendices). The meeting
page, both packs (their pages, bookmarks, structure tree and metadata), every download, the changes list,
and later minutes, search, feeds, the sitemap and the API ask these functions; none decides for itself.

The rules:
- a Part B item is taken in private: to an audience that does not see exempt papers it shows its
  number, its title (unless withheld), and the Schedule 12A paragraph(s); its description, urgency
  reason, reports and documents are not shown, and each document is a notice in the public pack;
- an item's title is "Exempt item" when any of its reports has an exempt title, since the item's
  title usually repeats it (and so is every change entry that names the item);
- an exempt report (or an open report's exempt appendix) on a Part A item is a notice naming the
  paragraph(s), under the report's title unless that is exempt;
- nothing unpublished is shown to anyone but democratic services, and nothing withdrawn is offered
  for download.
"""

from council.audience import Audience, audience_of
from reports.visibility import (
    appendix_is_shown_to,
    report_is_shown_to,
    report_title_for,
    title_is_withheld,
)

from .models import AgendaChange, AgendaItem, AgendaPack, Meeting, Part

__all__ = [
    "EXEMPT_ITEM",
    "PACK_AUDIENCE",
    "Audience",
    "appendix_is_shown_to",
    "audience_for_meeting",
    "change_summary_for",
    "item_description_for",
    "item_document_is_shown_to",
    "item_is_private_to",
    "item_title_for",
    "item_urgency_for",
    "pack_is_shown_to",
    "report_bookmark_for",
    "report_is_shown_on_item",
    "report_title_for",
    "stored_document_description",
]

# The audience each pack is printed for: the public pack for anyone; the confidential one for those who
# see exempt papers (members of the body and officers).
PACK_AUDIENCE = {
    AgendaPack.Variant.PUBLIC: Audience.PUBLIC,
    AgendaPack.Variant.CONFIDENTIAL: Audience.BODY_MEMBER,
}

EXEMPT_ITEM = "Exempt item"

# What an entry of the changes list stands for where the item's title goes (see `change_summary_for`).
TITLE_PLACEHOLDER = "{title}"


def audience_for_meeting(user, meeting: Meeting) -> Audience:
    return audience_of(user, committee_id=meeting.committee_id, on=meeting.date)


def item_is_private_to(item: AgendaItem, audience: Audience) -> bool:
    """A Part B item, to an audience that may not read exempt papers."""
    return item.part == Part.B and not audience.sees_exempt


def item_title_for(item: AgendaItem, reports, audience: Audience) -> str:
    """`reports`: the item's reports (models or frozen snapshots)."""
    return EXEMPT_ITEM if title_is_withheld(reports, audience) else item.title


def _item_is_readable(item: AgendaItem, reports, audience: Audience) -> bool:
    """Neither taken in private from this audience nor under a withheld title."""
    return not (item_is_private_to(item, audience) or title_is_withheld(reports, audience))


def item_description_for(item: AgendaItem, reports, audience: Audience) -> str:
    """A note on the item may say what its title withholds: shown only where the item is readable."""
    return item.description if _item_is_readable(item, reports, audience) else ""


def item_urgency_for(item: AgendaItem, reports, audience: Audience) -> str:
    """The chair's reason for urgency (R2), or "" where it would tell what the item withholds: the
    front sheet and the page then say only that the item is urgent."""
    return item.urgency_reason if _item_is_readable(item, reports, audience) else ""


def item_document_is_shown_to(item: AgendaItem, audience: Audience) -> bool:
    """An item's own document (minutes, say): on a published item that is not withdrawn; a Part B
    item's only to those who see exempt papers."""
    if not item.document or item.is_withdrawn:
        return False
    if not item.is_published and not audience.sees_unpublished:
        return False
    return not item_is_private_to(item, audience)


def stored_document_description(item: AgendaItem, *, reports=None) -> str:
    """What an item's uploaded document says its pages are, should they be tagged afresh on upload
    (`council.uploads`): the text is stored in the file, which every pack binds, so it names the
    item as the public may (`reports`: the item's, if it is not saved yet)."""
    if reports is None:
        reports = [link.report for link in item.report_links.all()]
    return item_title_for(item, reports, Audience.PUBLIC)


def report_is_shown_on_item(item: AgendaItem, report, audience: Audience) -> bool:
    """Whether the report's text may be read, in the pack and on the page, as part of this item."""
    return not item_is_private_to(item, audience) and report_is_shown_to(report, audience)


def report_bookmark_for(report, audience: Audience, *, multiple: bool) -> str:
    """The bookmark (and structure-tree title) of a report in a pack: "Report", or "Report: <title>"
    when the item has several, with the title as the audience may read it."""
    return f"Report: {report_title_for(report, audience)}" if multiple else "Report"


def pack_is_shown_to(variant: str, audience: Audience) -> bool:
    """The public pack is for anyone; the confidential one for those who see exempt papers."""
    return audience.sees_exempt or PACK_AUDIENCE[variant] == Audience.PUBLIC


def change_summary_for(change: AgendaChange, audience: Audience) -> str:
    """An entry of the changes list. Entries that name an item are stored with a placeholder for its
    title, filled in here as the reader may see it now (a title withheld later is withheld here too)."""
    if TITLE_PLACEHOLDER not in change.summary:
        return change.summary
    item = change.item
    if item is None:
        title = EXEMPT_ITEM if not audience.sees_exempt else "an item since removed"
    else:
        reports = [link.report for link in item.report_links.all()]
        title = item_title_for(item, reports, audience)
    return change.summary.replace(TITLE_PLACEHOLDER, title)
