"""Issue 3: reports. An author drafts a report in the browser with two recommendations and a PDF
appendix and submits it; finance and legal approve, procurement and HR are marked not applicable,
the director approves; the report is ready for its meeting, and its PDF carries the Summary Sheet
on page 1 and the Approvals Obtained table with the names and dates entered."""

import io
import re
from datetime import date, timedelta
from importlib import import_module

import pytest
from django.utils import timezone
from pypdf import PdfReader, PdfWriter

from council.models import Directorate
from council.roles import Role
from reports.models import Approval, Report, SectionTemplate
from reports.pdf import SUMMARY_SHEET_LABELS
from tests.factories import TEST_PASSWORD, CommitteeFactory
from tests.reports.factories import approvers, officer_user

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TITLE = "Highway Verge Grass Cutting Review"
SUMMARY = "Proposes a new grass cutting schedule for highway verges, leaving some uncut for wildlife."
RECOMMENDATION_1 = "That the revised grass cutting schedule be approved."
RECOMMENDATION_2 = "That the Strategic Director be authorised to:"
SUB_POINTS = ["agree the list of verges left uncut", "report progress to the Commission each year"]
BACKGROUND = "The council cuts 412 kilometres of highway verge each year."
APPENDIX_TITLE = "Site plan of the verges"
NA_PROCUREMENT = "No goods or services are bought."
NA_HR = "No effect on staff."

# The standard body sections, as the migration adds them: a transactional test empties the table.
STANDARD_SECTIONS = import_module("reports.migrations.0002_standard_sections").STANDARD_SECTIONS


def _next_tuesday(after: date) -> date:
    return after + timedelta(days=(1 - after.weekday()) % 7)


@pytest.fixture
def people(settings):
    """A committee, an author, the director and the four approvers, each with an officer record."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast logins
    if not SectionTemplate.objects.exists():
        for position, (title, holds) in enumerate(STANDARD_SECTIONS, start=1):
            SectionTemplate.objects.create(position=position, title=title, holds_recommendations=holds)
    committee = CommitteeFactory(name="Environment Select Commission")
    author = officer_user(Role.REPORT_AUTHOR, username="sam.writer", password=TEST_PASSWORD)
    author.officer.phone = "01632 960456"
    author.officer.save()
    director = officer_user(
        Role.DIRECTOR,
        name="Marcus Feltham",
        job_title="Strategic Director",
        username="marcus.feltham",
        password=TEST_PASSWORD,
    )
    director.officer.directorate = Directorate.objects.create(
        name="Regeneration and Environment", slug="regeneration-and-environment"
    )
    director.officer.save()
    signers = approvers()
    for user in signers.values():
        user.set_password(TEST_PASSWORD)
        user.save()
    return committee, signers


def _log_in(checked_page, username, *, check=False):
    """Log in at the login page; the pages every login passes through are checked once."""
    page = checked_page.page
    if check:
        checked_page.goto("/accounts/login/")
    else:
        page.goto(checked_page.base_url + "/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/staff/")
    if check:
        checked_page.check()


def _log_out(checked_page):
    page = checked_page.page
    page.get_by_role("button", name="Log out").click()
    page.wait_for_url(checked_page.base_url + "/")


def _message(page) -> str:
    return page.get_by_role("status").inner_text().strip()


def _open_from_inbox(checked_page, report, *, waiting_for):
    page = checked_page.page
    page.get_by_role("link", name="Reports", exact=True).click()
    page.wait_for_url("**/reports/")
    page.get_by_role("link", name="Approvals inbox").click()
    page.wait_for_url("**/reports/inbox/")
    checked_page.check()
    item = page.get_by_role("region", name="Waiting for you").get_by_role("listitem")
    assert " ".join(item.inner_text().split()) == (
        f"{TITLE} – Environment Select Commission, {report.meeting_date:%-d %B %Y} "
        f"(not yet signed: {waiting_for})"
    )
    item.get_by_role("link", name=TITLE).click()
    page.wait_for_url(f"**/reports/{report.pk}/")
    checked_page.check()


def _sign(checked_page, report, button, *, day=None, not_applicable=""):
    """Fill in and send the sign-off form whose button is `button`; a blank date means today."""
    page = checked_page.page
    form = page.locator("form", has=page.get_by_role("button", name=button))
    if not_applicable:
        form.get_by_role("radio", name="Not applicable").check()
        form.get_by_label("Why it is not applicable").fill(not_applicable)
    if day:
        form.get_by_label("Date", exact=True).fill(day.isoformat())
    form.get_by_role("button", name=button).click()
    page.wait_for_url(f"**/reports/{report.pk}/")


def _pdf_pages(response) -> list[str]:
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(response.body())).pages]


def _three_page_pdf(path):
    writer = PdfWriter()
    for _ in range(3):
        writer.add_blank_page(width=595, height=842)
    with path.open("wb") as file:
        writer.write(file)
    return path


def test_author_drafts_submits_and_approvers_sign(checked_page, people, tmp_path):
    committee, signers = people
    page = checked_page.page
    today = timezone.localdate()
    meeting = _next_tuesday(today + timedelta(days=28))
    finance_day, legal_day = today - timedelta(days=2), today - timedelta(days=1)

    # 1. The author starts a report from the dashboard.
    _log_in(checked_page, "sam.writer", check=True)
    page.get_by_role("link", name="Reports", exact=True).click()
    page.wait_for_url("**/reports/")
    checked_page.check()
    assert page.get_by_text("You have no reports in progress.").is_visible()
    page.get_by_role("link", name="Start a report").first.click()
    page.wait_for_url("**/reports/new/")
    checked_page.check()
    page.get_by_role("combobox", name="Committee").select_option(label=committee.name)
    page.get_by_label("Date of committee meeting").fill(meeting.isoformat())
    page.get_by_label("Report Title").fill(TITLE)
    page.get_by_role("button", name="Start the report").click()
    page.wait_for_url("**/reports/*/edit/")
    report = Report.objects.get(title=TITLE)
    assert page.url == f"{checked_page.base_url}/reports/{report.pk}/edit/"
    assert _message(page) == "Report started. Fill in the Summary Sheet and the body, then save."
    # The rich-text editors are ready (and labelled by report-editor.js) before axe looks.
    summary = page.get_by_role("textbox", name="Summary", exact=True)
    summary.wait_for()
    checked_page.check()

    # The Summary Sheet and the body: rich text typed into the editors, as a person would.
    summary.click()
    page.keyboard.type(SUMMARY)
    page.get_by_label("Strategic Director Approving Submission of the Report").select_option(
        label="Marcus Feltham, Strategic Director"
    )
    page.get_by_label("This is a key decision").set_checked(False)  # "No"
    page.get_by_label("All wards").check()
    first, second = page.get_by_role("group", name="New recommendation").all()[:2]
    first.get_by_label("Wording").fill(RECOMMENDATION_1)
    second.get_by_label("Wording").fill(RECOMMENDATION_2)
    second.get_by_label("Sub-points, one per line").fill("\n".join(SUB_POINTS))
    page.get_by_role("textbox", name="2. Background", exact=True).click()
    page.keyboard.type(BACKGROUND)
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_url(f"**/reports/{report.pk}/edit/")
    assert _message(page) == "Saved. This is version 2."
    assert page.get_by_role("textbox", name="Summary", exact=True).inner_text() == SUMMARY
    assert page.get_by_role("textbox", name="2. Background", exact=True).inner_text() == BACKGROUND
    assert not page.get_by_label("This is a key decision").is_checked()
    first = page.get_by_role("group", name="Recommendation 1", exact=True)
    second = page.get_by_role("group", name="Recommendation 2", exact=True)
    assert first.get_by_label("Wording").input_value() == RECOMMENDATION_1
    assert second.get_by_label("Wording").input_value() == RECOMMENDATION_2
    assert second.get_by_label("Sub-points, one per line").input_value() == "\n".join(SUB_POINTS)

    # A PDF appendix, its pages counted.
    page.get_by_role("link", name="Appendices", exact=True).click()
    page.wait_for_url(f"**/reports/{report.pk}/appendices/")
    checked_page.check()
    upload = page.locator("form", has=page.get_by_role("button", name="Upload appendix"))
    assert upload.get_by_label("Label").input_value() == "Appendix 1"
    upload.get_by_label("Title").fill(APPENDIX_TITLE)
    upload.get_by_label("PDF file").set_input_files(_three_page_pdf(tmp_path / "site-plan.pdf"))
    upload.get_by_role("button", name="Upload appendix").click()
    page.wait_for_url(f"**/reports/{report.pk}/appendices/")
    assert _message(page) == f"Added Appendix 1: {APPENDIX_TITLE}."
    row = page.get_by_role("row", name=re.compile("^Appendix 1 "))
    assert row.get_by_role("cell").all_inner_texts()[:4] == [APPENDIX_TITLE, "Uploaded PDF", "3", "No"]

    # Submitted for approval from the report page.
    page.get_by_role("link", name="See the report page").click()
    page.wait_for_url(f"**/reports/{report.pk}/")
    checked_page.check()
    page.get_by_role("button", name="Submit for approval").click()
    page.wait_for_url(f"**/reports/{report.pk}/")
    assert _message(page) == "Submitted for approval. The approvers have it in their inbox."
    assert page.get_by_role("heading", name="Status: Awaiting approvals").is_visible()
    _log_out(checked_page)

    # 2. Finance and legal approve on the dates they type; procurement and HR are not applicable.
    pending = [label for _, label in Approval.Role.choices]
    steps = [
        (Approval.Role.FINANCE, "Record sign-off: Chief Finance Officer", finance_day, ""),
        (Approval.Role.LEGAL, "Record sign-off: Assistant Director of Legal Services", legal_day, ""),
        (
            Approval.Role.PROCUREMENT,
            "Record sign-off: Head of Procurement (if appropriate)",
            None,
            NA_PROCUREMENT,
        ),
        (Approval.Role.HR, "Record sign-off: Head of Human Resources (if appropriate)", None, NA_HR),
    ]
    for role, button, day, reason in steps:
        _log_in(checked_page, signers[role].username)
        _open_from_inbox(checked_page, report, waiting_for=", ".join(pending))
        _sign(checked_page, report, button, day=day, not_applicable=reason)
        decision = "Not applicable" if reason else "Approved"
        assert _message(page) == f"Recorded: {Approval.Role(role).label}, {decision}."
        _log_out(checked_page)
        pending.remove(Approval.Role(role).label)

    # The director approves last, on today's date (the date box left blank).
    _log_in(checked_page, "marcus.feltham")
    _open_from_inbox(checked_page, report, waiting_for="Director approving submission")
    _sign(checked_page, report, "Record sign-off: Director approving submission")
    assert _message(page) == "Recorded: Director approving submission, Approved."
    _log_out(checked_page)

    # 3. The author's dashboard and the report page show it ready for an agenda.
    _log_in(checked_page, "sam.writer")
    page.get_by_role("link", name="Reports", exact=True).click()
    page.wait_for_url("**/reports/")
    checked_page.check()
    row = page.get_by_role("row", name=re.compile(re.escape(TITLE)))
    cells = row.get_by_role("cell").all_inner_texts()
    assert cells[:2] == [f"{committee.name}, {meeting:%-d %b %Y}", "Approved, ready for an agenda"]
    assert cells[-1] == "–"  # waiting for nobody
    row.get_by_role("link", name=TITLE).click()
    page.wait_for_url(f"**/reports/{report.pk}/")
    checked_page.check()
    assert page.get_by_role("heading", level=1).inner_text() == TITLE
    assert page.get_by_role("heading", name="Status: Approved, ready for an agenda").is_visible()
    approvals = page.get_by_role("region", name="Approvals Obtained")
    assert [row.locator("th, td").all_inner_texts() for row in approvals.locator("tbody tr").all()] == [
        ["Chief Finance Officer", "Harriet Lowther", f"{finance_day:%d.%m.%Y}"],
        ["Assistant Director of Legal Services", "Owen Prideaux", f"{legal_day:%d.%m.%Y}"],
        ["Head of Procurement (if appropriate)", "N/A", "N/A"],
        ["Head of Human Resources (if appropriate)", "N/A", "N/A"],
        ["Director approving submission", "Marcus Feltham", f"{today:%d.%m.%Y}"],
    ]
    appendix = page.get_by_role("region", name="Appendices").get_by_role("listitem")
    assert appendix.inner_text().strip() == f"Appendix 1 – {APPENDIX_TITLE} (PDF, 3 pages)"

    # 4. The PDF, fetched with the author's session: the Summary Sheet on page 1, in order.
    pages = _pdf_pages(page.request.get(f"{checked_page.base_url}/reports/{report.pk}/pdf/"))
    expected = [
        ("Committee Name and Date of Committee Meeting", f"{committee.name} – {meeting:%-d %B %Y}"),
        ("Report Title", TITLE),
        ("Is this a Key Decision and has it been included on the Forward Plan?", "No"),
        (
            "Strategic Director Approving Submission of the Report",
            "Marcus Feltham, Strategic Director, Regeneration and Environment",
        ),
        ("Report Author(s)", "Sam Writer, Policy Officer, Tel: 01632 960456 or sam.writer@example.org"),
        ("Ward(s) Affected", "All"),
        ("Summary", SUMMARY),
        (
            "Recommendations",
            f"1. {RECOMMENDATION_1} 2. {RECOMMENDATION_2} (a) {SUB_POINTS[0]} (b) {SUB_POINTS[1]}",
        ),
        ("List of Appendices Included", f"Appendix 1 – {APPENDIX_TITLE}"),
        ("Background Papers", "None"),
        ("Consideration by any other Council Committee, Scrutiny or Advisory Panel", "None"),
        ("Council Approval Required", "No"),
        ("Exempt from the Press and Public", "No"),
    ]
    assert [label for label, _ in expected] == list(SUMMARY_SHEET_LABELS)
    position = pages[0].index("Summary Sheet")
    for label, value in expected:
        position = pages[0].index(f"{label} {value}", position) + len(label)
    # The body, numbered, and the Approvals Obtained table with the names and the dates typed.
    body = " ".join(pages[1:])
    assert f"1.1 {RECOMMENDATION_1} 1.2 {RECOMMENDATION_2}" in body
    assert f"2. Background 2.1 {BACKGROUND}" in body
    approvals_page = next(text for text in pages if "Approvals Obtained" in text)
    assert (
        "Approvals Obtained Role Named Officer Date "
        f"Chief Finance Officer Harriet Lowther {finance_day:%d.%m.%Y} "
        f"Assistant Director of Legal Services Owen Prideaux {legal_day:%d.%m.%Y} "
        "Head of Procurement (if appropriate) N/A N/A "
        "Head of Human Resources (if appropriate) N/A N/A "
        f"Director approving submission Marcus Feltham {today:%d.%m.%Y}"
    ) in approvals_page
