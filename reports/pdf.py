"""A report as the council prints it: the Summary Sheet, the numbered body, Approvals Obtained.

Everything here reads a snapshot (`snapshots.report_snapshot`), never the live models, so a frozen
version renders exactly as it stood, and the HTML page and the PDF say the same thing.
"""

import hashlib
import json
from datetime import date
from pathlib import Path

from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.template.loader import get_template, render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import slugify

from council.documents import number_paragraphs, render_pdf

from .models import Approval, Report, ReportSection

# The Summary Sheet's labels, in the council's canonical order (council-papers.md §3).
SUMMARY_SHEET_LABELS = (
    "Committee Name and Date of Committee Meeting",
    "Report Title",
    "Is this a Key Decision and has it been included on the Forward Plan?",
    "Strategic Director Approving Submission of the Report",
    "Report Author(s)",
    "Ward(s) Affected",
    "Summary",
    "Recommendations",
    "List of Appendices Included",
    "Background Papers",
    "Consideration by any other Council Committee, Scrutiny or Advisory Panel",
    "Council Approval Required",
    "Exempt from the Press and Public",
)
NOT_FOR_PUBLICATION = "NOT FOR PUBLICATION"
# Approvals Obtained, in the order the papers print them: statutory officers, then the director.
APPROVAL_ORDER = (*Approval.STATUTORY_ROLES, Approval.Role.DIRECTOR)

PRINT_TEMPLATES = (
    "pdf/report.html",
    "pdf/appendix.html",
    "reports/includes/summary_sheet.html",
    "reports/includes/report_body.html",
    "reports/includes/approvals_obtained.html",
)
PRINT_STYLESHEETS = ("css/print/report.css", "css/print/in-pack.css")
# A rendered PDF is kept this long; the key changes whenever what it shows or its format changes.
PDF_CACHE_SECONDS = 60 * 60

# The same nh3 allowlist the rich-text fields apply in full_clean(). Applied again when rendering,
# because a row written without full_clean() (a data migration, a bulk update) is not sanitised.
_sanitise = ReportSection._meta.get_field("body").sanitize


def safe_rich_text(html: str) -> SafeString:
    """Stored rich text, sanitised (idempotently) and so safe to render anywhere."""
    return mark_safe(_sanitise(html or ""))  # nh3 has just cleaned it


def _long_date(iso: str) -> str:
    day = date.fromisoformat(iso)
    return f"{day.day} {day:%B %Y}"


def _officer_line(officer: dict, *, directorate: bool = False, contact: bool = False) -> str:
    """ "Name, Job title[, Directorate][, Tel: … or email]": the parts the council has."""
    parts = [officer["name"], officer["job_title"]]
    if directorate and officer["directorate"] and officer["directorate"] not in officer["job_title"]:
        parts.append(officer["directorate"])
    if contact:
        phone, email = officer["phone"], officer["email"]
        if phone and email:
            parts.append(f"Tel: {phone} or {email}")
        elif phone:
            parts.append(f"Tel: {phone}")
        elif email:
            parts.append(email)
    return ", ".join(p for p in parts if p)


def exempt_reference(paragraphs: list[int]) -> str:
    """ "Paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972" (R4)."""
    return Report(exempt_paragraphs=list(paragraphs)).exempt_paragraphs_display


def key_decision_answer(snapshot: dict) -> str:
    """One answer covers both questions, as in the papers; a split answer says which is which."""
    if not snapshot["is_key_decision"]:
        return "No"
    if snapshot["on_forward_plan"]:
        return "Yes"
    return "Key decision: Yes. Forward Plan: No"


def appendix_line(appendix: dict) -> str:
    line = f"{appendix['label']} – {appendix['title']}"
    if appendix["is_exempt"]:
        line += f" (exempt: {exempt_reference(appendix['exempt_paragraphs'])})"
    return line


def _summary_sheet(snapshot: dict) -> list[dict]:
    """The rows of the Summary Sheet: a label and its lines of text (or rich text, or the recs)."""
    director = snapshot["director"]
    values = [
        [f"{snapshot['committee']} – {_long_date(snapshot['meeting_date'])}"],
        [snapshot["title"]],
        [key_decision_answer(snapshot)],
        [_officer_line(director, directorate=True)] if director else ["Not yet named"],
        [_officer_line(a, contact=True) for a in snapshot["authors"]] or ["Not yet named"],
        ["All"] if snapshot["affects_all_wards"] else (snapshot["wards"] or ["None"]),
        [],  # Summary: rich text, below
        [],  # Recommendations: the same data as body section 1, below
        [appendix_line(a) for a in snapshot["appendices"]] or ["None"],
        [
            f"{p['title']} – {p['location']}" if p["location"] else p["title"]
            for p in snapshot["background_papers"]
        ]
        or ["None"],
        snapshot["considerations"] or ["None"],
        ["Yes" if snapshot["council_approval_required"] else "No"],
        _exemption_lines(snapshot),
    ]
    rows = [
        {"label": label, "kind": "text", "lines": lines}
        for label, lines in zip(SUMMARY_SHEET_LABELS, values, strict=True)
    ]
    summary, recommendations = rows[6], rows[7]
    summary["html"] = safe_rich_text(snapshot["summary"])
    if summary["html"]:
        summary["kind"] = "html"
    else:
        summary["lines"] = ["Not yet written"]
    if snapshot["recommendations"]:
        recommendations["kind"] = "recommendations"
    else:
        recommendations["lines"] = ["None"]
    return rows


def _exemption_lines(snapshot: dict) -> list[str]:
    if not snapshot["is_exempt"]:
        return ["No"]
    return [
        f"Yes – {exempt_reference(snapshot['exempt_paragraphs'])}",
        f"Public interest: {snapshot['public_interest_reason']}",
    ]


def _body_sections(snapshot: dict) -> list[dict]:
    """Body sections with their paragraphs numbered n.1, n.2 in the text."""
    sections = []
    for section in snapshot["sections"]:
        number = str(section["number"])
        body = _sanitise(section["body"] or "")
        officers = []
        if not body and section["title"].lower().startswith("accountable officer"):
            # An unwritten section 14 prints the report's accountable officers, as the papers do.
            officers = [_officer_line(o, directorate=True) for o in snapshot["accountable_officers"]]
        sections.append(
            {
                "number": number,
                "title": section["title"],
                "holds_recommendations": section["holds_recommendations"],
                # number_paragraphs only inserts number spans into what nh3 has just cleaned.
                "body": mark_safe(number_paragraphs(body, prefix=number)),
                "officers": officers,
            }
        )
    return sections


def report_document(snapshot: dict, *, show_exempt_appendices: bool) -> dict:
    """What a reader sees, ready for the templates (HTML page and PDF alike)."""
    exemption = None
    if snapshot["is_exempt"]:
        exemption = {
            "notice": NOT_FOR_PUBLICATION,
            "reference": exempt_reference(snapshot["exempt_paragraphs"]),
        }
    appendices = [
        {
            **appendix,
            "line": appendix_line(appendix),
            "withheld": appendix["is_exempt"] and not show_exempt_appendices,
            "body": safe_rich_text(appendix["body"]),
        }
        for appendix in snapshot["appendices"]
    ]
    return {
        "id": snapshot["id"],
        "title": snapshot["title"],
        "committee_line": f"{snapshot['committee']} – {_long_date(snapshot['meeting_date'])}",
        "summary_sheet": _summary_sheet(snapshot),
        "recommendations": snapshot["recommendations"],
        "sections": _body_sections(snapshot),
        "appendices": appendices,
        "exemption": exemption,
    }


def approvals_obtained(report: Report) -> list[dict]:
    """The Approvals Obtained rows of the current round, one per role in the papers' order.

    Expects `report.approvals` prefetched (`selectors.report_for_display`). Dates as dd.mm.yyyy;
    "N/A" for a role marked not applicable.
    """
    current = {a.role: a for a in report.approvals.all() if a.round == report.approval_round}
    rows = []
    for role in APPROVAL_ORDER:
        approval = current.get(role)
        row = {"role": Approval.Role(role).label, "named_officer": "Awaiting approval", "date": ""}
        if approval is not None:
            row["role"] = approval.role_title or row["role"]
            if approval.decision == Approval.Decision.NOT_APPLICABLE:
                row.update(named_officer="N/A", date="N/A")
            elif approval.decision == Approval.Decision.APPROVED:
                name = approval.officer_name or (approval.officer.name if approval.officer else "")
                row.update(
                    named_officer=name,
                    date=approval.decided_on.strftime("%d.%m.%Y") if approval.decided_on else "",
                )
        rows.append(row)
    return rows


def printed_appendices(document: dict, *, report_is_exempt: bool) -> list[dict]:
    """Written appendices the PDF carries after the report; uploaded ones go into agenda packs.

    An exempt appendix of an open report is left out, so the PDF is the same for every reader.
    """
    return [
        a
        for a in document["appendices"]
        if a["kind"] == "written" and a["body"] and (report_is_exempt or not a["is_exempt"])
    ]


def report_print_html(
    snapshot: dict,
    *,
    approvals: list[dict],
    council_name: str,
    status_note: str = "",
    in_pack: bool = False,
) -> str:
    """The print HTML of a report. `in_pack` leaves the page numbers to the agenda pack, which
    stamps one continuous sequence over every document."""
    document = report_document(snapshot, show_exempt_appendices=snapshot["is_exempt"])
    return render_to_string(
        "pdf/report.html",
        {
            "document": document,
            "approvals": approvals,
            "council_name": council_name,
            "status_note": status_note,
            "in_pack": in_pack,
            "printed_appendices": printed_appendices(document, report_is_exempt=snapshot["is_exempt"]),
        },
    )


def appendix_print_html(snapshot: dict, appendix: dict, *, council_name: str) -> str:
    """A written appendix printed on its own, for an agenda pack: the exempt appendix of an open
    report, which the report's own PDF leaves out (`printed_appendices`)."""
    document = report_document(snapshot, show_exempt_appendices=True)
    shown = next(a for a in document["appendices"] if a["id"] == appendix["id"])
    exemption = None
    if shown["is_exempt"]:
        exemption = {"notice": NOT_FOR_PUBLICATION, "reference": exempt_reference(shown["exempt_paragraphs"])}
    return render_to_string(
        "pdf/appendix.html",
        {"document": document, "appendix": shown, "exemption": exemption, "council_name": council_name},
    )


def render_report_pdf(
    snapshot: dict,
    *,
    approvals: list[dict],
    council_name: str,
    status_note: str = "",
    base_url: str | None = None,
) -> bytes:
    """The report alone as the council prints it, from a snapshot (so a frozen version is exact).

    `status_note` ("Draft", "Awaiting approvals") is printed at the top of every page of a paper
    that is not yet published. `base_url` (the site's address) makes relative links in the text
    work from the PDF.
    """
    html = report_print_html(
        snapshot, approvals=approvals, council_name=council_name, status_note=status_note
    )
    return render_pdf(
        html=html,
        base_url=base_url,
        title=snapshot["title"],
        author=council_name,
        subject=report_subject(snapshot),
    )


def report_subject(snapshot: dict) -> str:
    """The PDF's subject: the committee and meeting date, as on the Summary Sheet."""
    return f"{snapshot['committee']} – {_long_date(snapshot['meeting_date'])}"


def print_format_fingerprint(templates=PRINT_TEMPLATES, stylesheets=PRINT_STYLESHEETS) -> str:
    """Changes when the print templates or stylesheets change (a release, an edit while developing).

    Reading a few small files costs far less than one render, so it is not memoised.
    """
    digest = hashlib.sha256()
    for name in stylesheets:
        digest.update(Path(finders.find(name)).read_bytes())
    for name in templates:
        digest.update(Path(get_template(name).origin.name).read_bytes())
    return digest.hexdigest()


def report_pdf_cache_key(
    snapshot: dict, *, approvals: list[dict], council_name: str, status_note: str, base_url: str | None = None
) -> str:
    inputs = [print_format_fingerprint(), snapshot, approvals, council_name, status_note, base_url]
    content = json.dumps(inputs, sort_keys=True, default=str).encode()
    return f"reports:pdf:{hashlib.sha256(content).hexdigest()}"


def cached_report_pdf(
    snapshot: dict,
    *,
    approvals: list[dict],
    council_name: str,
    status_note: str = "",
    base_url: str | None = None,
) -> bytes:
    """`render_report_pdf`, remembered: rendering takes a second or more of CPU, and the PDF of a
    published report is the same for every reader (the public address must not be a cheap way to
    load the server)."""
    options = {"approvals": approvals, "council_name": council_name, "status_note": status_note}
    key = report_pdf_cache_key(snapshot, base_url=base_url, **options)
    pdf = cache.get(key)
    if pdf is None:
        pdf = render_report_pdf(snapshot, base_url=base_url, **options)
        cache.set(key, pdf, PDF_CACHE_SECONDS)
    return pdf


def report_pdf_filename(snapshot: dict) -> str:
    """ "report-12-school-transport-policy.pdf"; an exempt title stays out of the file name."""
    if snapshot["title_is_exempt"]:
        return f"report-{snapshot['id']}.pdf"
    slug = slugify(snapshot["title"])[:60].rstrip("-")
    return f"report-{snapshot['id']}-{slug}.pdf" if slug else f"report-{snapshot['id']}.pdf"
