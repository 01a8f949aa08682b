"""Building packs: rendered documents are cached by their content, so editing one report re-renders
only that report; a build that fails leaves the previous packs exactly as they were."""

import hashlib
from datetime import date

import pytest

from council.storage import documents_storage
from meetings.models import AgendaPack, Meeting, PackBuild
from meetings.packs.build import PackBuildError, build_pack
from meetings.services import agenda_publish, meeting_set_status, pack_build_queue, pack_build_run
from reports.models import Appendix
from tests.reports.factories import pdf_upload, report_edit

from .factories import (
    MEETING_DATE,
    PackRead,
    clerk,
    meeting_called,
    report_approved_with,
    report_item,
    travel_to,
)

pytestmark = pytest.mark.django_db

LONG_BACKGROUND = "".join(
    f"<p>Paragraph {n}: the consultation drew responses from residents, schools and the parish council, "
    "and each of them is summarised here at some length so that the section runs onto further pages.</p>"
    for n in range(1, 60)
)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.DOCUMENTS_ROOT = tmp_path


@pytest.fixture
def by(db):
    return clerk()


def _stored_files(settings) -> set[str]:
    return {
        path.relative_to(settings.DOCUMENTS_ROOT).as_posix()
        for path in settings.DOCUMENTS_ROOT.rglob("*")
        if path.is_file()
    }


def test_build_pack_cache_editing_one_report_rerenders_only_it(time_machine, by):
    travel_to(time_machine, date(2025, 6, 2))
    meeting = meeting_called(on=MEETING_DATE, by=by)
    play, library = (
        report_approved_with(committee=meeting.committee, meeting_date=MEETING_DATE, title=title)
        for title in ("Play Area Renewal", "Library Opening Hours")
    )
    for report in (play, library):
        report_item(meeting, report=report, by=by)

    def build():
        return build_pack(meeting=meeting, published_only=False)

    first = build()
    # Both reports and the front sheet.
    assert first.rendered == 3
    # Nothing changed: everything comes from the cache.
    assert build().rendered == 0

    play.refresh_from_db()
    report_edit(play, by=play.created_by, summary="<p>The new equipment meets the 2024 safety standard.</p>")
    edited = build()
    # Only that report: its page count is unchanged, so the front sheet's page ranges are too.
    assert edited.rendered == 1
    assert PackRead.of(edited.assembled.pdf).first_page_with("meets the 2024 safety standard") == 1
    assert PackRead.of(edited.assembled.pdf).page_ranges == PackRead.of(first.assembled.pdf).page_ranges

    library.refresh_from_db()
    report_edit(library, by=library.created_by, sections={2: LONG_BACKGROUND})
    longer = build()
    # That report, and the front sheet, whose page range for it has grown.
    assert longer.rendered == 2
    ranges = PackRead.of(longer.assembled.pdf).page_ranges
    assert ranges[6] == ("Play Area Renewal", 1, 3)
    assert ranges[7][2] > PackRead.of(first.assembled.pdf).page_ranges[7][2]


def _meeting_with_exempt_upload(time_machine, by):
    """A published agenda: an open report, and in Part B a report with "Appendix 1 – Valuation",
    an uploaded PDF that only the confidential pack binds."""
    travel_to(time_machine, date(2025, 6, 2))
    meeting = meeting_called(on=MEETING_DATE, by=by)
    committee = meeting.committee
    report_item(
        meeting,
        report=report_approved_with(
            committee=committee, meeting_date=MEETING_DATE, title="Play Area Renewal"
        ),
        by=by,
    )
    depot = report_approved_with(
        committee=committee,
        meeting_date=MEETING_DATE,
        title="Depot Sale",
        upload_pages=3,
        appendix_title="Valuation",
    )
    report_item(meeting, report=depot, part="B", exempt_paragraphs=[3], by=by)
    agenda_publish(meeting=meeting, by=by)
    return meeting, Appendix.objects.get(report=depot)


def test_pack_build_run_failure_leaves_previous_packs(time_machine, by, settings):
    meeting, appendix = _meeting_with_exempt_upload(time_machine, by)
    first = pack_build_run(build_id=PackBuild.objects.get().pk)
    assert first.status == PackBuild.Status.SUCCEEDED
    packs_before = list(
        AgendaPack.objects.values("pk", "variant", "file", "page_count", "size_bytes", "sha256", "built_at")
    )
    files_before = _stored_files(settings)

    # The valuation's file is lost from storage; a later change asks for a rebuild.
    documents_storage().delete(appendix.file.name)
    travel_to(time_machine, date(2025, 6, 3))
    failed = pack_build_run(build_id=pack_build_queue(meeting=meeting, by=by, reason="Venue changed").pk)

    assert (failed.status, failed.step) == (PackBuild.Status.FAILED, "Failed")
    assert failed.error == (
        f"PackBuildError: The uploaded file for “Appendix 1 – Valuation” is missing ({appendix.file.name})."
    )
    # The public pack (which leaves the valuation out) was built, then thrown away with the rest.
    assert (failed.steps_done, failed.steps_total) == (1, 2)
    assert (
        list(
            AgendaPack.objects.values(
                "pk", "variant", "file", "page_count", "size_bytes", "sha256", "built_at"
            )
        )
        == packs_before
    )
    assert _stored_files(settings) == files_before - {appendix.file.name}
    for pack in AgendaPack.objects.all():
        with pack.file.open("rb") as file:
            assert hashlib.sha256(file.read()).hexdigest() == pack.sha256
    assert [p.variant for p in AgendaPack.objects.all()] == ["confidential", "public"]

    # A task delivered twice does not run the build again.
    assert pack_build_run(build_id=failed.pk).finished_at == failed.finished_at


def test_build_pack_changed_upload_refused(time_machine, by, settings):
    meeting, appendix = _meeting_with_exempt_upload(time_machine, by)
    (settings.DOCUMENTS_ROOT / appendix.file.name).write_bytes(pdf_upload(pages=1).read())

    with pytest.raises(PackBuildError) as refused:
        build_pack(meeting=meeting, variant=AgendaPack.Variant.CONFIDENTIAL)

    assert (
        str(refused.value)
        == "The uploaded file for “Appendix 1 – Valuation” has changed since it was uploaded."
    )


def test_build_pack_postponed_meeting_says_so_on_front_sheet(time_machine, by):
    travel_to(time_machine, date(2025, 6, 2))
    meeting = meeting_called(on=MEETING_DATE, by=by)
    report_item(meeting, by=by)
    agenda_publish(meeting=meeting, by=by)
    meeting = meeting_set_status(
        meeting=meeting, status=Meeting.Status.POSTPONED, reason="The chair is unwell.", by=by
    )

    pack = PackRead.of(build_pack(meeting=meeting).assembled.pdf)

    assert "THIS MEETING HAS BEEN POSTPONED: THE CHAIR IS UNWELL." in pack.texts[0]
