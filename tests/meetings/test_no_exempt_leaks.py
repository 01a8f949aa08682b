"""R4, tried by generated agendas: nothing exempt reaches an anonymous reader by any door.

Hypothesis makes agendas with random mixes of open reports, exempt reports, reports whose title is
exempt, open reports with an exempt appendix, Part B items, late items with a reason for urgency and
items with their own document; each exempt thing carries a unique secret word. The agenda is published
and its packs built by the real services; then an anonymous reader follows every door (`leaks`): the
meeting page and every link on it, every address of the meeting's items, reports and appendices
whether linked or not, and every stored file's name under the addresses a prober would guess. No answer
may contain a secret (page HTML, PDF text, bookmarks, structure-tree titles and alternative texts, link
texts, metadata), nor the bytes of a private file. The confidential pack must hold every report secret,
so the test cannot pass by generating nothing.

`WITAN_LEAK_EXAMPLES` sets how many agendas are generated (default 12, plus the explicit examples);
`WITAN_LEAK_TALLY=<file>` appends each agenda's counts (items, addresses read, secrets, private files).
"""

import io
import os
from datetime import date

import pikepdf
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from council.storage import documents_storage
from meetings.models import AgendaItem, AgendaPack, PackBuild, Part
from meetings.services import agenda_item_add, agenda_publish, pack_build_run
from reports.models import Appendix
from reports.services import appendix_add
from tests.factories import CommitteeFactory
from tests.meetings.factories import clerk, meeting_called
from tests.meetings.leaks import pdf_text, stored_file_addresses, surfaces_of
from tests.meetings.test_meeting_page import (  # noqa: F401 (fixtures)
    _on_publication_day,
    people,
    submitted_and_approved,
)
from tests.reports.factories import report_edit, report_ready

pytestmark = pytest.mark.django_db

MEETING_DAY = date(2025, 6, 17)
EXAMPLES = int(os.environ.get("WITAN_LEAK_EXAMPLES", "12"))
REPORT_KINDS = ("open", "exempt", "exempt_title", "exempt_appendix")

ITEMS = st.lists(
    st.fixed_dictionaries(
        {
            "part": st.sampled_from([Part.A, Part.B]),
            "reports": st.lists(st.sampled_from(REPORT_KINDS), min_size=1, max_size=2),
            "urgent": st.booleans(),
            "document": st.booleans(),
        }
    ),
    min_size=1,
    max_size=3,
)
ALL_KINDS = [
    {"part": Part.A, "reports": ["open", "exempt_title"], "urgent": True, "document": False},
    {"part": Part.A, "reports": ["exempt_appendix"], "urgent": False, "document": True},
    {"part": Part.B, "reports": ["open", "exempt"], "urgent": True, "document": True},
]
# Found by the generator: an open item document's alternative text named the item by its exempt title.
TITLE_WITHHELD_WITH_DOCUMENT = [
    {"part": Part.A, "reports": ["exempt_title", "open"], "urgent": False, "document": True},
]


class Secrets:
    """Unique words that may appear only where exempt papers may be read."""

    def __init__(self, example: int):
        self.example, self.count = example, 0
        self.words: list[str] = []
        self.in_reports: list[str] = []  # printed in the confidential pack

    def new(self, *, printed: bool = False) -> str:
        self.count += 1
        word = f"Qxv{self.example}z{self.count}secret"
        self.words.append(word)
        if printed:
            self.in_reports.append(word)
        return word


def _approved(meeting, people, *, kind: str, private_item: bool, secrets: Secrets, n: int):  # noqa: F811
    author = people["author"]
    title = f"Report {n} on item business"
    changes = {"summary": f"<p>Summary of report {n}.</p>"}
    if kind == "exempt_title":
        title = f"Report {n} {secrets.new(printed=True)}"
    if kind in ("exempt", "exempt_title"):
        changes.update(
            is_exempt=True,
            exempt_paragraphs=[3],
            title_is_exempt=kind == "exempt_title",
            public_interest_reason="Commercial terms are still being negotiated.",
        )
    if kind in ("exempt", "exempt_title") or private_item:
        changes["summary"] = f"<p>Terms: {secrets.new(printed=True)}.</p>"
    report = report_ready(
        committee=meeting.committee,
        meeting_date=meeting.date,
        title=title,
        by=author,
        director=people["director"],
    )
    report = report_edit(report, by=author, **changes)
    if kind == "exempt_appendix":
        appendix_add(
            report=report,
            label="Appendix 1",
            title="Bid evaluation",
            kind=Appendix.Kind.WRITTEN,
            body=f"<p>Scores: {secrets.new(printed=True)}.</p>",
            is_exempt=True,
            exempt_paragraphs=[3],
            public_interest_reason="The bidders' prices are commercially sensitive.",
            by=author,
        )
    return submitted_and_approved(report, people)


def _document(marker: str) -> SimpleUploadedFile:
    """A one-page PDF whose bytes are its own (its metadata carries `marker`)."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(595, 842))
    pdf.docinfo.Title = marker
    buffer = io.BytesIO()
    pdf.save(buffer)
    return SimpleUploadedFile("minutes.pdf", buffer.getvalue(), content_type="application/pdf")


def _agenda(people, items, example: int):  # noqa: F811
    committee = CommitteeFactory(name=f"Leak Probe Committee {example}", slug=f"leak-probe-{example}")
    meeting = meeting_called(committee=committee, on=MEETING_DAY)
    secrets = Secrets(example)
    private_documents = []
    n = 0
    for spec in items:
        private = spec["part"] == Part.B
        reports = []
        for kind in spec["reports"]:
            n += 1
            reports.append(_approved(meeting, people, kind=kind, private_item=private, secrets=secrets, n=n))
        withheld = private or any(r.title_is_exempt for r in reports)
        note = secrets.new() if withheld else "Open note"
        item = agenda_item_add(
            meeting=meeting,
            kind=AgendaItem.Kind.REPORTS,
            reports=reports,
            part=spec["part"],
            exempt_paragraphs=[3] if private else None,
            description=f"Note: {note}.",
            urgency_reason=f"Urgent because {secrets.new() if withheld else 'the deadline is near'}."
            if spec["urgent"]
            else "",
            document=_document(secrets.new() if private else f"Open document {n}")
            if spec["document"]
            else None,
            by=clerk(),
        )
        if spec["document"] and private:
            private_documents.append(item.document.name)
    agenda_publish(meeting=meeting, by=clerk())
    build = PackBuild.objects.filter(meeting=meeting, status=PackBuild.Status.QUEUED).get()
    assert pack_build_run(build_id=build.pk).status == PackBuild.Status.SUCCEEDED
    return meeting, secrets, private_documents


def _stored(name: str) -> bytes:
    with documents_storage().open(name, "rb") as file:
        return file.read()


_examples = {"n": 0}


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@example(items=ALL_KINDS)
@example(items=TITLE_WITHHELD_WITH_DOCUMENT)
@given(items=ITEMS)
def test_no_anonymous_response_holds_exempt_material_r4(people, items):  # noqa: F811
    _examples["n"] += 1
    meeting, secrets, private_documents = _agenda(people, items, _examples["n"])
    confidential = AgendaPack.objects.get(
        meeting=meeting, supplement=None, variant=AgendaPack.Variant.CONFIDENTIAL
    )
    private_files = {name: _stored(name) for name in private_documents}
    private_files[confidential.file.name] = _stored(confidential.file.name)

    reader = surfaces_of(Client(), meeting)
    if os.environ.get("WITAN_LEAK_TALLY"):
        with open(os.environ["WITAN_LEAK_TALLY"], "a") as tally:
            tally.write(f"{len(items)} {len(reader.texts)} {len(secrets.words)} {len(private_files)}\n")

    leaks = {word: reader.containing(word) for word in secrets.words if reader.containing(word)}
    assert leaks == {}
    for name, data in private_files.items():
        assert [address for address, body in reader.files.items() if data in body] == [], name
        for address in stored_file_addresses(name):
            assert Client().get(address).status_code == 404, address
    assert f"/meetings/{meeting.pk}/pack.pdf" in reader.texts  # the public pack was read
    confidential_text = " ".join(pdf_text(private_files[confidential.file.name]).split())
    assert [w for w in secrets.in_reports if w not in confidential_text] == []
