"""`manage.py build_pack <meeting-id> --out FILE [--confidential] [--draft] [--supplement N]`."""

import re
from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from meetings.services import agenda_publish

from .factories import MEETING_DATE, PackRead, clerk, meeting_called, report_item, travel_to

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.DOCUMENTS_ROOT = tmp_path / "media"


@pytest.fixture
def meeting(time_machine, db):
    travel_to(time_machine, date(2025, 6, 2))
    by = clerk()
    meeting = meeting_called(on=MEETING_DATE, by=by)
    report_item(meeting, by=by)
    return meeting


def _build_pack(*args) -> str:
    out = StringIO()
    call_command("build_pack", *map(str, args), stdout=out)
    return out.getvalue()


def test_build_pack_writes_file_and_prints_pages(meeting, tmp_path):
    out = tmp_path / "pack.pdf"

    with pytest.raises(CommandError) as refused:
        _build_pack(meeting.pk, "--out", out)
    assert str(refused.value) == (
        f"The agenda of meeting {meeting.pk} is not published: add --draft to build it anyway."
    )
    assert not out.exists()

    draft = _build_pack(meeting.pk, "--out", out, "--draft")
    assert re.fullmatch(
        rf"Wrote {re.escape(str(out))}: 4 pages, [\d,]+ bytes, 2 documents rendered, in \d+\.\d\d s\.\n",
        draft,
    )

    agenda_publish(meeting=meeting, by=clerk())
    confidential = tmp_path / "pack-confidential.pdf"
    printed = _build_pack(meeting.pk, "--out", confidential, "--confidential")

    # The report comes from the cache; only the confidential front sheet is new.
    assert re.fullmatch(
        rf"Wrote {re.escape(str(confidential))}: 4 pages, [\d,]+ bytes, 1 document rendered, in \d+\.\d\d s\.\n",
        printed,
    )
    pack = PackRead.of(confidential.read_bytes())
    assert pack.stamps == [None, 1, 2, 3]
    assert "Confidential pack" in pack.texts[0]
    assert f"{len(confidential.read_bytes()):,} bytes" in printed


def test_build_pack_unknown_meeting_refused(db, tmp_path):
    with pytest.raises(CommandError) as refused:
        _build_pack(999999, "--out", tmp_path / "pack.pdf")

    assert str(refused.value) == "There is no meeting 999999."


def test_build_pack_unknown_supplement_refused(meeting, tmp_path):
    with pytest.raises(CommandError) as refused:
        _build_pack(meeting.pk, "--out", tmp_path / "pack.pdf", "--supplement", 1)

    assert str(refused.value) == f"Meeting {meeting.pk} has no supplementary agenda 1."
