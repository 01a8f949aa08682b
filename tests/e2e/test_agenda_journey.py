"""Issue 4: meetings and agenda packs. Democratic services call a meeting, whose agenda starts from
the committee's own template, put three approved reports on it (one with an uploaded PDF appendix),
move one into Part B under paragraph 3 (R4), and publish in time (R1). A real task worker builds the
packs; both are downloaded from the public meeting page and read back: the front sheet's
"(Pages X - Y)", one run of "Page N" stamps, the Part B report kept out of the public pack, and a
bookmark for every item."""

import re
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from council.models import CouncilProfile, Membership
from council.roles import Role
from council.working_days import agenda_publication_deadline, working_day_calendar
from meetings.models import AgendaTemplateEntry, StandardItem
from tests.e2e.conftest import CheckedPage
from tests.factories import (
    TEST_PASSWORD,
    CommitteeFactory,
    CoOpteeFactory,
    CouncillorFactory,
    MembershipFactory,
    MunicipalYearFactory,
    OfficerFactory,
    UserFactory,
)
from tests.meetings.factories import PackRead, agenda_template_of, report_approved_with

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

COMMITTEE = "Neighbourhoods Scrutiny Board"
COUNCIL = "Aldermoor Borough Council"
PLAIN = "Allotment Rents 2027"
WITH_APPENDIX = "Street Lighting Upgrade"
APPENDIX = "Appendix 1 – Column survey"
EXEMPT = "Sale of Mill Street Depot"
EXEMPT_SUMMARY = "Two sealed offers were received for the Mill Street depot yard."
EXEMPT_BACKGROUND = "The preferred bidder would turn the depot into seven craft workshops."
PLAIN_SUMMARY = "Sets the allotment rents for 2027 after a survey of every plot holder."
PARAGRAPH_3 = "Paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972"
EXCLUSION = (
    "To consider whether the press and public should be excluded from the meeting during consideration "
    "of any part of the agenda"
)


def _first_tuesday_from(day: date) -> date:
    return day + timedelta(days=(1 - day.weekday()) % 7)


def _file_size(size_bytes: int) -> str:
    """The size as the meeting page words it (KB below a megabyte)."""
    if size_bytes >= 1024 * 1024:
        return f"{size_bytes / (1024 * 1024):.1f} MB"
    return f"{max(1, round(size_bytes / 1024))} KB"


@pytest.fixture
def setting(settings, tmp_path):
    """A committee with its own agenda template and members for the meeting's municipal year, three
    approved reports for its meeting (one with a 3-page uploaded appendix), the council's profile and
    a democratic services officer who can log in. Returns the meeting date."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast logins
    settings.DOCUMENTS_ROOT = tmp_path
    # R1: far enough ahead that publishing today is in time.
    meeting_date = _first_tuesday_from(timezone.localdate() + timedelta(days=20))

    committee = CommitteeFactory(name=COMMITTEE, slug="neighbourhoods-scrutiny-board")
    agenda_template_of(
        committee,
        (AgendaTemplateEntry.Kind.STANDARD, StandardItem.APOLOGIES),
        (AgendaTemplateEntry.Kind.STANDARD, StandardItem.DECLARATIONS),
        (AgendaTemplateEntry.Kind.HEADING, "For Decision"),
        (AgendaTemplateEntry.Kind.REPORTS, ""),
        (AgendaTemplateEntry.Kind.STANDARD, StandardItem.EXCLUSION),
        (AgendaTemplateEntry.Kind.STANDARD, StandardItem.NEXT_MEETING),
    )
    first_year = (
        meeting_date.year if meeting_date >= date(meeting_date.year, 5, 20) else meeting_date.year - 1
    )
    year = MunicipalYearFactory(start_date=date(first_year, 5, 20), end_date=date(first_year + 1, 5, 19))
    for last_name, role in (
        ("Ormerod", Membership.Role.CHAIR),
        ("Pennant", Membership.Role.VICE_CHAIR),
        ("Quayle", Membership.Role.MEMBER),
        ("Blackett", Membership.Role.MEMBER),
    ):
        MembershipFactory(
            committee=committee,
            municipal_year=year,
            role=role,
            councillor=CouncillorFactory(first_name="Jo", last_name=last_name),
        )
    MembershipFactory(
        committee=committee,
        municipal_year=year,
        role=Membership.Role.CO_OPTED,
        councillor=None,
        co_optee=CoOpteeFactory(honorific="Mrs", name="Ann Pryor"),
        representing="Parent governors",
    )
    CouncilProfile.objects.create(
        name=COUNCIL, proper_officer=OfficerFactory(name="Helen Ashdown", job_title="Chief Executive")
    )

    for title, content in (
        (PLAIN, {"summary": f"<p>{PLAIN_SUMMARY}</p>"}),
        (WITH_APPENDIX, {"upload_pages": 3, "appendix_title": "Column survey"}),
        (EXEMPT, {"summary": f"<p>{EXEMPT_SUMMARY}</p>", "sections": {2: f"<p>{EXEMPT_BACKGROUND}</p>"}}),
    ):
        report_approved_with(committee=committee, meeting_date=meeting_date, title=title, **content)
    UserFactory(
        username="dana.clerk",
        first_name="Dana",
        last_name="Clerk",
        roles=[Role.DEMOCRATIC_SERVICES],
        password=TEST_PASSWORD,
    )
    return meeting_date


def _message(page) -> str:
    return page.get_by_role("status").inner_text().strip()


def _builder_lines(page, part: str) -> list[str]:
    """A part of the agenda as the builder lists it: "3. Title" for an item, the bare heading."""
    lines = []
    for row in page.get_by_role("list", name=part).locator(":scope > li").all():
        number = row.locator("[data-item-number]").inner_text().strip()
        title = row.locator("h4, p.fw-semibold").first.inner_text().strip()
        lines.append(f"{number} {title}" if number else title)
    return lines


def _add_report(checked_page, label: str, title: str) -> None:
    page = checked_page.page
    details = page.locator("details", has=page.locator("summary", has_text=re.compile("^Add a report$")))
    details.locator("summary").click()
    form = details.locator("form")
    form.get_by_label("A report for this committee").select_option(label=label)
    form.get_by_role("button", name="Add a report").click()
    page.wait_for_url(re.compile(r"/staff/meetings/\d+/#item-\d+$"))
    checked_page.check()
    assert _message(page) == f"Added “{title}”."


def _download(context_page, base_url: str, link) -> bytes:
    response = context_page.request.get(base_url + link.get_attribute("href"))
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    return response.body()


def _check_pack(pack: PackRead, *, confidential: bool) -> None:
    """Read one pack back: stamps, page ranges, the Part B report, bookmarks."""
    last = len(pack.texts) - 1
    # The front sheet is unnumbered; then one run of "Page N" on every page, uploads included.
    assert pack.stamps == [None, *range(1, last + 1)]

    # Where each item's first document starts: a report's Summary Sheet, or the exempt notice.
    plain = pack.first_page_with(f"Report Title {PLAIN}")
    lighting = pack.first_page_with(f"Report Title {WITH_APPENDIX}")
    if confidential:
        depot = pack.first_page_with(f"Report Title {EXEMPT}")
    else:
        depot = pack.first_page_with("This report is not for publication.")
    for start in (plain, lighting) + ((depot,) if confidential else ()):
        assert "Summary Sheet" in pack.text_of(start)
    assert PLAIN_SUMMARY in " ".join(pack.text_of(plain).split())
    assert pack.page_ranges == {
        3: (PLAIN, plain, lighting - 1),
        4: (WITH_APPENDIX, lighting, depot - 1),
        7: (EXEMPT, depot, last),
    }
    # The uploaded appendix's three blank pages carry only their stamps.
    documents = next(children for title, _, children in pack.outline if title == f"4. {WITH_APPENDIX}")
    appendix = next(page for title, page, _ in documents if title == APPENDIX)
    assert appendix == depot - 3
    assert [pack.text_of(n) for n in range(appendix, appendix + 3)] == [
        f"Page {n}" for n in range(appendix, appendix + 3)
    ]

    # A bookmark for every numbered item, with the documents under the report items.
    exempt_report = ("Report", depot, []) if confidential else ("Report (exempt)", depot, [])
    assert pack.outline == [
        ("Agenda", None, []),
        ("1. Apologies for absence", None, []),
        ("2. Declarations of interest", None, []),
        (f"3. {PLAIN}", plain, [("Report", plain, [])]),
        (f"4. {WITH_APPENDIX}", lighting, [("Report", lighting, []), (APPENDIX, appendix, [])]),
        (f"5. {EXCLUSION}", None, []),
        ("6. Date and time of the next meeting", None, []),
        (f"7. {EXEMPT}", depot, [exempt_report]),
    ]

    front = " ".join(pack.texts[0].split())
    for line in (
        COUNCIL,
        COMMITTEE.upper(),
        "1. Apologies for absence 2. Declarations of interest For Decision",
        f"3. {PLAIN} (Pages {plain} - {lighting - 1}) 4. {WITH_APPENDIX} (Pages {lighting} - {depot - 1})",
        "Part B – items likely to be considered in the absence of the press and public "
        f"7. {EXEMPT} (Pages {depot} - {last})",
        "Chair – Councillor Ormerod Vice-Chair – Councillor Pennant Councillors Blackett, Quayle (4).",
        "Co-opted members:- Mrs Ann Pryor (Parent governors).",
        "Helen Ashdown, Chief Executive.",
    ):
        assert line in front, f"{line!r} is not on the front sheet: {front!r}"

    # R4: the public pack has none of the Part B report, only a page saying why; the confidential
    # pack has all of it, marked on every one of its pages and nowhere else.
    if confidential:
        assert pack.first_page_with(EXEMPT_SUMMARY) == depot
        assert pack.pages_with(EXEMPT_BACKGROUND) != []
        assert pack.pages_with("NOT FOR PUBLICATION") == list(range(depot, last + 1))
    else:
        for phrase in (EXEMPT_SUMMARY, EXEMPT_BACKGROUND, f"Report Title {EXEMPT}", "NOT FOR PUBLICATION"):
            assert pack.pages_with(phrase) == [], phrase
        notice = " ".join(pack.text_of(depot).split())
        assert notice == (
            f"AGENDA ITEM 7 {EXEMPT} This report is not for publication. It contains exempt information as "
            f"defined in {PARAGRAPH_3}, and is available to members and officers in the confidential agenda "
            f"pack. Page {depot}"
        )
        assert depot == last


def test_clerk_builds_publishes_and_downloads_agenda_packs(checked_page, browser, live_server, setting):
    meeting_date = setting
    page = checked_page.page
    base = checked_page.base_url
    today = timezone.localdate()
    deadline = agenda_publication_deadline(meeting_date)
    days_left = working_day_calendar().working_days_remaining(today, deadline)

    # 1. Log in and call the meeting from the list of meetings.
    checked_page.goto("/accounts/login/")
    page.get_by_label("Username").fill("dana.clerk")
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/staff/")
    checked_page.check()
    checked_page.goto("/staff/meetings/")
    assert page.get_by_text("No meetings are called yet.").is_visible()
    page.get_by_role("link", name="Call a meeting").click()
    page.wait_for_url("**/staff/meetings/call/")
    checked_page.check()
    page.get_by_label("Committee").select_option(label=COMMITTEE)
    page.get_by_label("Date").fill(meeting_date.isoformat())
    page.get_by_role("button", name="Call the meeting").click()
    page.wait_for_url(re.compile(r"/staff/meetings/\d+/$"))
    checked_page.check()
    meeting_id = int(page.url.rstrip("/").rsplit("/", 1)[1])
    assert _message(page) == f"Called the meeting of {COMMITTEE} on {meeting_date:%A %-d %B %Y}."
    assert page.get_by_role("heading", level=1).inner_text() == (
        f"Agenda: {COMMITTEE}\n{meeting_date:%A %-d %B %Y} at 6.00 p.m., Town Hall, Committee Room 1"
    )
    # The agenda starts from the committee's template, in its order.
    assert _builder_lines(page, "Part A (open)") == [
        "1. Apologies for absence",
        "2. Declarations of interest",
        "For Decision",
        f"3. {EXCLUSION}",
        "4. Date and time of the next meeting",
    ]
    assert page.get_by_text("No items in Part B (exempt).").is_visible()

    # 2. The three reports, each as an item of its own, go in before the closing items.
    for title in (PLAIN, WITH_APPENDIX, EXEMPT):
        _add_report(
            checked_page, f"{title} (Approved, ready for an agenda, for {meeting_date:%-d %B %Y})", title
        )

    # 3. One of them into Part B under paragraph 3, from its item page.
    # (Chromium names it "Change : …": the hidden part is positioned, so a space goes before it.)
    page.get_by_role("link", name=f"Change: {EXEMPT}", exact=True).click()
    page.wait_for_url(re.compile(r"/staff/meetings/\d+/items/\d+/$"))
    checked_page.check()
    assert page.get_by_role("heading", level=1).inner_text() == f"5. {EXEMPT}"
    part_b = page.get_by_role("region", name="Part A or Part B")
    part_b.get_by_role("checkbox", name=re.compile("^Paragraph 3: ")).check()
    part_b.get_by_role("button", name="Move to Part B").click()
    page.wait_for_url(re.compile(r"/staff/meetings/\d+/#item-\d+$"))
    checked_page.check()
    assert _message(page) == f"“{EXEMPT}” is now in Part B (exempt)."
    assert _builder_lines(page, "Part A (open)") == [
        "1. Apologies for absence",
        "2. Declarations of interest",
        "For Decision",
        f"3. {PLAIN}",
        f"4. {WITH_APPENDIX}",
        f"5. {EXCLUSION}",
        "6. Date and time of the next meeting",
    ]
    assert _builder_lines(page, "Part B (exempt)") == [f"7. {EXEMPT}"]
    assert page.get_by_role("list", name="Part B (exempt)").get_by_text("Exempt: paragraph 3").is_visible()

    # 4. The R1 deadline is shown, nothing is missing, and the agenda is published in time.
    publication = page.get_by_role("region", name="Publication")
    assert publication.locator("p").all_inner_texts() == [
        f"R1: the agenda must be published by {deadline:%A %-d %B %Y}, 5 clear working days before the "
        f"meeting on {meeting_date:%A %-d %B %Y}.",
        f"{days_left} working days left to publish in time.",
    ]
    assert page.get_by_role("heading", name="What is missing before the agenda can be published").count() == 0
    publication.get_by_role("button", name="Publish the agenda").click()
    page.wait_for_url(f"**/staff/meetings/{meeting_id}/")
    checked_page.check()
    assert _message(page) == "The agenda is published. The packs are being built."
    packs = page.get_by_role("region", name="Packs")
    assert (
        packs.locator(".build-status > p").first.inner_text().startswith("Waiting to start: Agenda published")
    )

    # The public page while the build waits. The browser stays here, where nothing polls, while the
    # worker runs: on SQLite the live server and the test share one connection.
    page.get_by_role("link", name="See the public page").click()
    page.wait_for_url(f"**/meetings/{meeting_id}/")
    checked_page.check()
    assert page.get_by_text("The pack is being prepared: it will be available here shortly.").is_visible()

    # 5. A real task worker builds the packs.
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)

    page.get_by_role("link", name="Open in the agenda builder").click()
    page.wait_for_url(f"**/staff/meetings/{meeting_id}/")
    checked_page.check()
    packs = page.get_by_role("region", name="Packs")
    assert packs.locator(".build-status > p").first.inner_text().startswith("Built: Agenda published")
    built = [row.locator("th, td").all_inner_texts()[:2] for row in packs.locator("tbody tr").all()]

    # 6. Both packs, through their links on the public meeting page.
    checked_page.goto(f"/meetings/{meeting_id}/")
    public_link = page.get_by_role("link", name=re.compile(r"^Agenda pack \(PDF"))
    confidential_link = page.get_by_role("link", name=re.compile(r"^Confidential agenda pack \(PDF"))
    confidential_data = _download(page, base, confidential_link)
    confidential = PackRead.of(confidential_data)
    assert confidential_link.inner_text() == (
        f"Confidential agenda pack (PDF, {len(confidential.texts)} pages, {_file_size(len(confidential_data))})"
    )

    anonymous_context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    try:
        anonymous = CheckedPage(anonymous_context.new_page(), base)
        anonymous.goto(f"/meetings/{meeting_id}/")
        public_page = anonymous.page
        # R4: the public see that item 7 is exempt and why, and nothing of its report.
        item_7 = public_page.locator("#item-7")
        assert " ".join(item_7.inner_text().split()) == (
            f"7. {EXEMPT} Not for publication: exempt under {PARAGRAPH_3}"
        )
        assert public_page.get_by_role("link", name=re.compile("^Confidential agenda pack")).count() == 0
        public_data = _download(
            public_page, base, public_page.get_by_role("link", name=re.compile(r"^Agenda pack \(PDF"))
        )
        refused = public_page.request.get(base + confidential_link.get_attribute("href"), max_redirects=0)
        assert refused.status == 302
        assert refused.headers["location"].startswith("/accounts/login/?next=")
    finally:
        anonymous_context.close()
    public = PackRead.of(public_data)
    assert public_link.inner_text() == (
        f"Agenda pack (PDF, {len(public.texts)} pages, {_file_size(len(public_data))})"
    )
    assert built == [
        ["Agenda: public pack", str(len(public.texts))],
        ["Agenda: confidential pack", str(len(confidential.texts))],
    ]

    # 7. Read back.
    _check_pack(public, confidential=False)
    _check_pack(confidential, confidential=True)
    assert len(confidential.texts) > len(public.texts)
