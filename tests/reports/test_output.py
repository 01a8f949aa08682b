"""The report page (/reports/<id>/) and its PDF (/reports/<id>/pdf/): content, format, visibility."""

import io
from datetime import date

import pikepdf
import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pypdf import PdfReader

from council.models import Committee, CouncilProfile, Directorate
from council.roles import Role
from reports.models import (
    Appendix,
    Approval,
    BackgroundPaper,
    Consideration,
    Recommendation,
    Report,
    ReportSection,
    ReportVersion,
)
from reports.pdf import (
    SUMMARY_SHEET_LABELS,
    approvals_obtained,
    key_decision_answer,
    render_report_pdf,
    report_pdf_cache_key,
    report_pdf_filename,
)
from reports.selectors import report_for_display
from reports.snapshots import report_snapshot
from tests.factories import CommitteeFactory, OfficerFactory, UserFactory
from tests.reports.factories import STANDARD_SECTION_TITLES

pytestmark = pytest.mark.django_db


# Written for these tests: a fictional council's street lighting report.
BODY = {
    2: (
        "<p>The borough maintains 21,400 street lighting columns. Around 6,100 of them were installed "
        "before 1985 and have passed the end of their design life.</p>"
        "<p>Structural testing in 2025 rated 740 columns as <strong>high risk</strong>; these are "
        "inspected every six months at a cost of £38,000 a year.</p>"
        "<p>The Cabinet agreed in principle to a replacement programme on 12 January 2026.</p>"
    ),
    3: (
        "<p>Replacing columns one by one as they fail costs about three times as much per column as "
        "a planned programme, because each job needs its own traffic management.</p>"
        "<ul><li><p>Failures rose from 11 in 2023 to 29 in 2025.</p></li>"
        "<li><p>Two failures caused damage to parked vehicles.</p></li></ul>"
        "<p>A planned programme lets the work be grouped by ward and timed with resurfacing.</p>"
    ),
    4: (
        "<p>Three options were considered:</p>"
        "<ul><li><p><strong>Option 1: continue reactive replacement.</strong> Not recommended.</p></li>"
        "<li><p><strong>Option 2: replace the 740 high-risk columns only.</strong> Not recommended.</p></li>"
        "<li><p><strong>Option 3: a three-year programme for all 6,100 pre-1985 columns.</strong> "
        "Recommended.</p></li></ul>"
    ),
    5: "<p>Ward members were briefed in February 2026. The highways forum supported the programme.</p>",
    6: "<p>Work would start in September 2026 and finish by March 2029.</p>",
    7: (
        "<p>The programme costs £4.2 million over three years, funded from the capital programme.</p>"
        "<table><tbody><tr><th><p>Year</p></th><th><p>Cost</p></th></tr>"
        "<tr><td><p>2026/27</p></td><td><p>£1.3m</p></td></tr>"
        "<tr><td><p>2027/28</p></td><td><p>£1.5m</p></td></tr>"
        "<tr><td><p>2028/29</p></td><td><p>£1.4m</p></td></tr></tbody></table>"
        "<p>The contract would be let through a regional framework.</p>"
    ),
    8: "<p>The council is the highway authority under the Highways Act 1980.</p>",
    9: "<p>None.</p>",
    10: "<p>Better lighting supports safer routes to school.</p>",
    11: "<p>An equality analysis found no adverse impact on any protected group.</p>",
    12: "<p>The work will be co-ordinated with utility companies through the permit scheme.</p>",
    13: "<p>The main risk is supply of columns; the framework holds stock for member councils.</p>",
}


def build_report(*, sections=14, recommendations=2, appendices=1, **fields) -> Report:
    """A report as an author would write it, built with the ORM (not the services)."""
    if "director" not in fields:
        directorate = Directorate.objects.get_or_create(
            name="Regeneration and Environment", slug="regeneration-and-environment"
        )[0]
        fields["director"] = OfficerFactory(
            name="Priya Shah", job_title="Strategic Director", directorate=directorate
        )
    if "committee" not in fields:
        fields["committee"] = Committee.objects.filter(name="Cabinet").first() or CommitteeFactory(
            name="Cabinet"
        )
    fields = {
        "meeting_date": date(2026, 7, 13),
        "title": "Street Lighting Column Replacement Programme",
        "created_by": UserFactory(username="author", roles=[Role.REPORT_AUTHOR]),
        "is_key_decision": True,
        "on_forward_plan": True,
        "affects_all_wards": True,
        "summary": "<p>A three-year programme to replace 6,100 ageing street lighting columns.</p>",
        **fields,
    }
    report = Report.objects.create(**fields)
    report.authors.add(
        OfficerFactory(
            name="Tom Okafor",
            job_title="Highways Asset Manager",
            phone="01632 960123",
            email="tom.okafor@example.org",
        )
    )
    report.accountable_officers.add(
        OfficerFactory(name="Ruth Maddox", job_title="Head of Highways", directorate=None)
    )
    for position in range(1, sections + 1):
        title = (
            STANDARD_SECTION_TITLES[position - 1]
            if position <= len(STANDARD_SECTION_TITLES)
            else f"Section {position}"
        )
        ReportSection.objects.create(
            report=report,
            position=position,
            title=title,
            holds_recommendations=position == 1,
            body=BODY.get(position, f"<p>Text of section {position}.</p>" if 1 < position < 14 else ""),
        )
    texts = [
        "That the three-year street lighting column replacement programme be approved.",
        "That the Strategic Director be authorised to award the contract.",
    ]
    for position in range(1, recommendations + 1):
        parent = Recommendation.objects.create(
            report=report,
            position=position,
            text=texts[position - 1] if position <= len(texts) else f"That item {position} be agreed.",
        )
        if position == 1:
            Recommendation.objects.create(
                report=report, parent=parent, position=1, text="starting in September 2026; and"
            )
            Recommendation.objects.create(
                report=report, parent=parent, position=2, text="reporting progress each year."
            )
    for position in range(1, appendices + 1):
        Appendix.objects.create(
            report=report, position=position, label=f"Appendix {position}", title="Equality Analysis"
        )
    BackgroundPaper.objects.create(report=report, title="Street Lighting Asset Survey 2025")
    Consideration.objects.create(
        report=report, body_name="Overview and Scrutiny Management Board", meeting_date=date(2026, 7, 8)
    )
    return report


def approve(report, *, procurement_na=True):
    report.approval_round = 1
    report.save(update_fields=["approval_round"])
    rows = [
        (Approval.Role.FINANCE, "Strategic Director of Finance", "Dev Patel", date(2026, 6, 22)),
        (Approval.Role.LEGAL, "Assistant Director of Legal Services", "Sam Ellis", date(2026, 6, 23)),
        (Approval.Role.HR, "", "Jo Hart", date(2026, 6, 24)),
        (Approval.Role.DIRECTOR, "", "Priya Shah", date(2026, 6, 25)),
    ]
    for role, role_title, name, day in rows:
        Approval.objects.create(
            report=report,
            round=1,
            role=role,
            role_title=role_title,
            decision=Approval.Decision.APPROVED,
            officer_name=name,
            decided_on=day,
        )
    if procurement_na:
        Approval.objects.create(
            report=report,
            round=1,
            role=Approval.Role.PROCUREMENT,
            decision=Approval.Decision.NOT_APPLICABLE,
            not_applicable_reason="No purchase beyond the framework call-off.",
        )


def make_exempt(report):
    report.is_exempt = True
    report.exempt_paragraphs = [3]
    report.public_interest_reason = "It would prejudice the council's negotiating position."
    report.save()


def pdf_pages(response) -> list[str]:
    assert response["Content-Type"] == "application/pdf"
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(response.content)).pages]


def page_text(response) -> str:
    return " ".join(response.content.decode().split())


@pytest.fixture
def clerk(democratic_services):
    return democratic_services


# --- The PDF -----------------------------------------------------------------------------------


def test_report_pdf_summary_sheet_labels_in_order_with_values(clerk_client):
    report = build_report()

    first_page = pdf_pages(clerk_client.get(reverse("reports:report_pdf", args=[report.pk])))[0]

    expected = [
        ("Committee Name and Date of Committee Meeting", "Cabinet – 13 July 2026"),
        ("Report Title", "Street Lighting Column Replacement Programme"),
        ("Is this a Key Decision and has it been included on the Forward Plan?", "Yes"),
        (
            "Strategic Director Approving Submission of the Report",
            "Priya Shah, Strategic Director, Regeneration and Environment",
        ),
        (
            "Report Author(s)",
            "Tom Okafor, Highways Asset Manager, Tel: 01632 960123 or tom.okafor@example.org",
        ),
        ("Ward(s) Affected", "All"),
        ("Summary", "A three-year programme to replace 6,100 ageing street lighting columns."),
        (
            "Recommendations",
            "1. That the three-year street lighting column replacement programme be approved. "
            "(a) starting in September 2026; and (b) reporting progress each year. "
            "2. That the Strategic Director be authorised to award the contract.",
        ),
        ("List of Appendices Included", "Appendix 1 – Equality Analysis"),
        ("Background Papers", "Street Lighting Asset Survey 2025"),
        (
            "Consideration by any other Council Committee, Scrutiny or Advisory Panel",
            "Overview and Scrutiny Management Board – 8 July 2026",
        ),
        ("Council Approval Required", "No"),
        ("Exempt from the Press and Public", "No"),
    ]
    assert [label for label, _ in expected] == list(SUMMARY_SHEET_LABELS)
    position = first_page.index("Summary Sheet")
    for label, value in expected:
        found = first_page.index(f"{label} {value}", position)
        position = found + len(label)
    assert first_page.endswith("Page 1 of 4")


def test_report_pdf_body_numbered_after_page_break(clerk_client):
    report = build_report()

    pages = pdf_pages(clerk_client.get(reverse("reports:report_pdf", args=[report.pk])))

    body = pages[1]
    assert body.startswith("Street Lighting Column Replacement Programme 1. Recommendations")
    assert (
        "1.1 That the three-year street lighting column replacement programme be approved. "
        "(a) starting in September 2026; and (b) reporting progress each year. "
        "1.2 That the Strategic Director be authorised to award the contract. 2. Background 2.1 The borough"
    ) in body
    assert "2.2 Structural testing in 2025" in body
    assert "2.3 The Cabinet agreed in principle" in body
    # A list belongs to the paragraph before it; the paragraph after continues the numbering.
    assert "3.2 A planned programme" in " ".join(pages[1:])
    assert "Street Lighting Column Replacement Programme" not in " ".join(pages[2:])


def test_report_pdf_approvals_obtained_names_and_dates(clerk_client):
    report = build_report()
    approve(report)

    pages = pdf_pages(clerk_client.get(reverse("reports:report_pdf", args=[report.pk])))

    assert pages[-1].startswith(
        "Approvals Obtained Role Named Officer Date "
        "Strategic Director of Finance Dev Patel 22.06.2026 "
        "Assistant Director of Legal Services Sam Ellis 23.06.2026 "
        "Procurement (if appropriate) N/A N/A "
        "Human Resources (if appropriate) Jo Hart 24.06.2026 "
        "Director approving submission Priya Shah 25.06.2026"
    )
    # Section 14, left unwritten, prints the accountable officers.
    assert "14. Accountable Officer(s) Ruth Maddox, Head of Highways" in pages[-2]


def test_report_pdf_exempt_not_for_publication_on_every_page(clerk_client):
    report = build_report()
    make_exempt(report)

    pages = pdf_pages(clerk_client.get(reverse("reports:report_pdf", args=[report.pk])))

    assert len(pages) == 4
    for number, page in enumerate(pages, start=1):
        # The page margins are drawn after the page's text, so they are read last.
        assert page.endswith(
            "NOT FOR PUBLICATION Exempt information: Paragraph 3 of Part 1 of Schedule 12A "
            f"to the Local Government Act 1972 DRAFT Witan · Cabinet – 13 July 2026 Page {number} of 4"
        )
    assert (
        "Exempt from the Press and Public Yes – Paragraph 3 of Part 1 of Schedule 12A to the "
        "Local Government Act 1972 Public interest: It would prejudice the council's negotiating position."
    ) in pages[0]


def test_report_pdf_open_report_has_no_exemption_notice(client):
    report = build_report(status=Report.Status.PUBLISHED)

    pages = pdf_pages(client.get(reverse("reports:report_pdf", args=[report.pk])))

    assert not any("NOT FOR PUBLICATION" in page for page in pages)
    assert not any("DRAFT" in page for page in pages)


def test_report_pdf_written_appendix_printed_on_its_own_page(clerk_client):
    report = build_report(appendices=0)
    Appendix.objects.create(
        report=report, label="Appendix 1", title="Ward Schedule", body="<p>Central ward: 410 columns.</p>"
    )
    Appendix.objects.create(
        report=report, position=2, label="Appendix 2", title="Column Survey", kind="uploaded", page_count=12
    )

    pages = pdf_pages(clerk_client.get(reverse("reports:report_pdf", args=[report.pk])))

    assert len(pages) == 5
    assert pages[-1].startswith("Appendix 1 – Ward Schedule Central ward: 410 columns. DRAFT")
    assert "List of Appendices Included Appendix 1 – Ward Schedule Appendix 2 – Column Survey" in pages[0]


def test_report_pdf_draft_marked_on_every_page(clerk_client):
    report = build_report()

    pages = pdf_pages(clerk_client.get(reverse("reports:report_pdf", args=[report.pk])))

    assert all("DRAFT" in page for page in pages)


def test_report_pdf_tagged_with_language_and_title(clerk_client):
    CouncilProfile.objects.create(name="Ravensmoor Borough Council")
    report = build_report()

    response = clerk_client.get(reverse("reports:report_pdf", args=[report.pk]))

    with pikepdf.open(io.BytesIO(response.content)) as pdf:
        assert str(pdf.Root.Lang) == "en-GB"
        assert str(pdf.docinfo["/Title"]) == "Street Lighting Column Replacement Programme"
        assert str(pdf.docinfo["/Author"]) == "Ravensmoor Borough Council"
        assert str(pdf.docinfo["/Subject"]) == "Cabinet – 13 July 2026"
        assert bool(pdf.Root.MarkInfo.Marked) is True
        assert "/StructTreeRoot" in pdf.Root
        assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle) is True
        with pdf.open_metadata() as xmp:
            assert xmp["pdfuaid:part"] == "1"


def test_report_pdf_headers_inline_and_private_for_draft(clerk_client):
    report = build_report()

    response = clerk_client.get(reverse("reports:report_pdf", args=[report.pk]))

    assert response["Content-Disposition"] == (
        f'inline; filename="report-{report.pk}-street-lighting-column-replacement-programme.pdf"'
    )
    assert response["Cache-Control"] == "private, no-store"


def test_report_pdf_published_open_report_publicly_cacheable(client):
    report = build_report(status=Report.Status.PUBLISHED)

    response = client.get(reverse("reports:report_pdf", args=[report.pk]))

    assert response["Cache-Control"] == "public, max-age=300"


def test_report_pdf_rendered_once_then_served_from_cache(client):
    report = build_report(status=Report.Status.PUBLISHED)
    approve(report)
    snapshot = report_snapshot(report_for_display().get(pk=report.pk))
    approvals = approvals_obtained(report_for_display().get(pk=report.pk))
    key = report_pdf_cache_key(
        snapshot, approvals=approvals, council_name="Witan", status_note="", base_url="http://testserver/"
    )

    response = client.get(reverse("reports:report_pdf", args=[report.pk]))

    assert cache.get(key) == response.content
    assert key != report_pdf_cache_key(
        snapshot, approvals=approvals, council_name="Ravensmoor", status_note=""
    )
    assert key != report_pdf_cache_key(
        snapshot, approvals=approvals[:-1], council_name="Witan", status_note=""
    )


def test_report_pdf_relative_link_points_at_site(clerk_client):
    report = build_report(sections=2)
    ReportSection.objects.filter(report=report, position=2).update(
        body='<p>See <a href="/reports/9/">the earlier report</a>.</p>'
    )

    response = clerk_client.get(reverse("reports:report_pdf", args=[report.pk]))

    with pikepdf.open(io.BytesIO(response.content)) as pdf:
        links = [str(a.A.URI) for page in pdf.pages for a in page.get("/Annots", []) if "/A" in a]
    assert links == ["mailto:tom.okafor@example.org", "http://testserver/reports/9/"]


def test_report_pdf_same_snapshot_renders_identical_bytes():
    report = build_report()
    snapshot = report_snapshot(report_for_display().get(pk=report.pk))

    first = render_report_pdf(snapshot, approvals=[], council_name="Ravensmoor Borough Council")
    second = render_report_pdf(snapshot, approvals=[], council_name="Ravensmoor Borough Council")

    assert first == second


def test_report_pdf_filename_exempt_title_left_out():
    snapshot = {"id": 7, "title": "Sale of land at Mill Street to Acme Ltd", "title_is_exempt": True}

    assert report_pdf_filename(snapshot) == "report-7.pdf"


def test_report_pdf_published_report_renders_frozen_version(client):
    report = build_report(status=Report.Status.PUBLISHED)
    snapshot = report_snapshot(report_for_display().get(pk=report.pk))
    ReportVersion.objects.create(
        report=report, number=1, snapshot=snapshot, status="published", is_frozen=True
    )
    Report.objects.filter(pk=report.pk).update(title="A title changed behind the freeze")

    pages = pdf_pages(client.get(reverse("reports:report_pdf", args=[report.pk])))
    html = page_text(client.get(reverse("reports:report_detail", args=[report.pk])))

    assert "Report Title Street Lighting Column Replacement Programme" in pages[0]
    assert "A title changed behind the freeze" not in pages[0]
    assert "<h1>Street Lighting Column Replacement Programme</h1>" in html


@pytest.mark.parametrize(
    ("is_key_decision", "on_forward_plan", "answer"),
    [(True, True, "Yes"), (False, False, "No"), (True, False, "Key decision: Yes. Forward Plan: No")],
)
def test_key_decision_answer_one_answer_for_both_questions(is_key_decision, on_forward_plan, answer):
    snapshot = {"is_key_decision": is_key_decision, "on_forward_plan": on_forward_plan}

    assert key_decision_answer(snapshot) == answer


# --- The HTML page ----------------------------------------------------------------------------


def test_report_detail_shows_summary_sheet_body_and_approvals(clerk_client):
    report = build_report(is_key_decision=True, on_forward_plan=False)
    approve(report)
    Appendix.objects.create(
        report=report, position=2, label="Appendix 2", title="Column Survey", kind="uploaded", page_count=12
    )

    response = clerk_client.get(reverse("reports:report_detail", args=[report.pk]))

    page = page_text(response)
    assert response.status_code == 200
    assert "<h1>Street Lighting Column Replacement Programme</h1>" in page
    assert (
        '<th scope="row">Is this a Key Decision and has it been included on the Forward Plan?</th> '
        '<td> <p class="sheet-line mb-0">Key decision: Yes. Forward Plan: No</p>'
    ) in page
    assert "This is a key decision but it is not on the Forward Plan" in page
    headings = [
        f'<h2 class="h4" id="section-{n}">{n}. {title}</h2>'
        for n, title in enumerate(STANDARD_SECTION_TITLES, 1)
    ]
    positions = [page.index(h) for h in headings]
    assert positions == sorted(positions)
    assert '<p><span class="para-number">2.1</span> The borough maintains' in page
    assert '<span class="para-number">1.2</span> That the Strategic Director' in page
    assert '<th scope="row">Procurement (if appropriate)</th> <td>N/A</td> <td>N/A</td>' in page
    assert "<td>Dev Patel</td> <td>22.06.2026</td>" in page
    column_survey = report.appendices.get(label="Appendix 2")
    assert (
        f'<li> <a href="/reports/{report.pk}/appendices/{column_survey.pk}/file/">Appendix 2 – Column Survey</a>'
        " (PDF, 12 pages) </li>"
    ) in page
    assert f'<a href="/reports/{report.pk}/pdf/">Download the report as a PDF</a>' in page
    assert response["Cache-Control"] == "private, no-store"


def test_report_detail_key_decision_warning_hidden_from_public(client):
    report = build_report(is_key_decision=True, on_forward_plan=False, status=Report.Status.PUBLISHED)

    page = page_text(client.get(reverse("reports:report_detail", args=[report.pk])))

    assert "Key decision: Yes. Forward Plan: No" in page
    assert "not on the Forward Plan" not in page


def test_report_detail_exempt_report_banner(client):
    report = build_report(status=Report.Status.PUBLISHED)
    make_exempt(report)
    client.force_login(UserFactory(roles=[Role.COUNCILLOR]))

    page = page_text(client.get(reverse("reports:report_detail", args=[report.pk])))

    assert (
        '<p class="h4 mb-1">NOT FOR PUBLICATION</p> <p class="mb-0">Exempt information: Paragraph 3 of '
        "Part 1 of Schedule 12A to the Local Government Act 1972.</p>"
    ) in page


def test_report_detail_exempt_appendix_withheld_from_public(client):
    report = build_report(status=Report.Status.PUBLISHED, appendices=0)
    Appendix.objects.create(
        report=report,
        label="Appendix 1",
        title="Tender Prices",
        body="<p>Bidder A quoted £3.9m.</p>",
        is_exempt=True,
        exempt_paragraphs=[3],
        public_interest_reason="Commercial confidence.",
    )

    page = page_text(client.get(reverse("reports:report_detail", args=[report.pk])))
    pdf = " ".join(pdf_pages(client.get(reverse("reports:report_pdf", args=[report.pk]))))

    assert "Bidder A" not in page
    assert "Bidder A" not in pdf
    assert (
        "<li> Appendix 1 – Tender Prices (exempt: Paragraph 3 of Part 1 of Schedule 12A to the "
        "Local Government Act 1972): not published </li>"
    ) in page


def test_report_detail_written_appendix_rendered(clerk_client):
    report = build_report(appendices=0)
    appendix = Appendix.objects.create(
        report=report, label="Appendix 1", title="Ward Schedule", body="<p>Central ward: 410 columns.</p>"
    )

    page = page_text(clerk_client.get(reverse("reports:report_detail", args=[report.pk])))

    assert f'<a href="#appendix-{appendix.pk}">Appendix 1 – Ward Schedule</a>' in page
    assert (
        f'<h3 class="h5" id="appendix-{appendix.pk}">Appendix 1 – Ward Schedule</h3> '
        '<div class="rich-text"><p>Central ward: 410 columns.</p></div>'
    ) in page


def test_report_detail_hostile_html_stored_without_clean_rendered_inert(clerk_client):
    report = build_report(sections=2)
    ReportSection.objects.filter(report=report, position=2).update(
        body='<p onclick="steal()">Hi<script>alert(1)</script><a href="javascript:alert(2)">x</a></p>'
        '<p style="width: expression(alert(3))">There</p>'
    )

    page = page_text(clerk_client.get(reverse("reports:report_detail", args=[report.pk])))

    assert '<p><span class="para-number">2.1</span> Hi<a>x</a></p>' in page
    assert '<p><span class="para-number">2.2</span> There</p>' in page
    for hostile in ("<script>alert(1)", "onclick", "javascript:", "expression("):
        assert hostile not in page


# --- Who may see a report ---------------------------------------------------------------------


@pytest.mark.parametrize("view", ["reports:report_detail", "reports:report_pdf"])
def test_report_draft_not_found_for_anonymous(client, view):
    report = build_report()

    assert client.get(reverse(view, args=[report.pk])).status_code == 404


@pytest.mark.parametrize("view", ["reports:report_detail", "reports:report_pdf"])
def test_report_draft_not_found_for_unrelated_officer(client, view):
    report = build_report()
    client.force_login(UserFactory(roles=[Role.REPORT_AUTHOR]))

    assert client.get(reverse(view, args=[report.pk])).status_code == 404


@pytest.mark.parametrize("view", ["reports:report_detail", "reports:report_pdf"])
def test_report_draft_visible_to_creator(client, view):
    report = build_report()
    client.force_login(report.created_by)

    assert client.get(reverse(view, args=[report.pk])).status_code == 200


@pytest.mark.parametrize("view", ["reports:report_detail", "reports:report_pdf"])
def test_report_draft_visible_to_democratic_services(clerk_client, view):
    report = build_report()

    assert clerk_client.get(reverse(view, args=[report.pk])).status_code == 200


@pytest.mark.parametrize("view", ["reports:report_detail", "reports:report_pdf"])
def test_report_published_exempt_not_found_for_public(client, view):
    report = build_report(status=Report.Status.PUBLISHED)
    make_exempt(report)

    response = client.get(reverse(view, args=[report.pk]))

    assert response.status_code == 404
    assert "Street Lighting" not in response.content.decode()


@pytest.mark.parametrize("view", ["reports:report_detail", "reports:report_pdf"])
def test_report_published_exempt_visible_to_councillor(client, view):
    report = build_report(status=Report.Status.PUBLISHED)
    make_exempt(report)
    client.force_login(UserFactory(roles=[Role.COUNCILLOR]))

    response = client.get(reverse(view, args=[report.pk]))

    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize("view", ["reports:report_detail", "reports:report_pdf"])
def test_report_published_open_visible_to_anonymous(client, view):
    report = build_report(status=Report.Status.PUBLISHED)

    assert client.get(reverse(view, args=[report.pk])).status_code == 200


# --- Query counts -----------------------------------------------------------------------------


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("view", ["reports:report_detail", "reports:report_pdf"])
def test_report_page_query_count_constant_as_report_grows(clerk_client, view):
    small = build_report(sections=1, recommendations=1, appendices=1)
    approve(small)
    large = build_report(sections=20, recommendations=20, appendices=20, director=small.director)
    approve(large)

    assert _queries(clerk_client, reverse(view, args=[small.pk])) == _queries(
        clerk_client, reverse(view, args=[large.pk])
    )
