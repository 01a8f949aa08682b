"""Papers are private files (R4, issue 8): no stored paper has a public address, names give nothing
away, every file is sent by a view that asks the visibility rules, and a missing file is a clear 404."""

import re

import pytest
from django.test import Client

from council.storage import documents_storage
from meetings.models import AgendaItem, AgendaPack, PackBuild, Part
from meetings.services import agenda_item_add, agenda_publish, pack_build_run
from reports.models import Appendix
from reports.services import appendix_add
from tests.meetings.factories import clerk
from tests.meetings.leaks import stored_file_addresses
from tests.meetings.test_meeting_page import (  # noqa: F401 (fixtures)
    _meeting,
    _on_publication_day,
    approved_report,
    people,
)
from tests.reports.factories import pdf_upload, report_ready

pytestmark = pytest.mark.django_db

RANDOM_NAME = re.compile(r"^(appendices|agenda-documents|packs)/[A-Za-z0-9_-]{32}\.pdf$")


def _meeting_with_every_kind_of_file(people):  # noqa: F811
    meeting = _meeting()
    exempt = approved_report(meeting, people, "Depot bids", exempt=True, appendix=True)
    agenda_item_add(
        meeting=meeting,
        kind=AgendaItem.Kind.REPORTS,
        reports=[exempt],
        part=Part.B,
        exempt_paragraphs=[3],
        document=pdf_upload(pages=2, name="bidders-and-rents.pdf"),
        by=clerk(),
    )
    agenda_publish(meeting=meeting, by=clerk())
    build = PackBuild.objects.get(meeting=meeting, status=PackBuild.Status.QUEUED)
    assert pack_build_run(build_id=build.pk).status == PackBuild.Status.SUCCEEDED
    # A draft's appendix: not published at all.
    draft = report_ready(committee=meeting.committee, meeting_date=meeting.date, title="Draft budget")
    appendix_add(
        report=draft,
        label="Appendix 1",
        title="Savings list",
        kind=Appendix.Kind.UPLOADED,
        upload=pdf_upload(pages=1, name="savings-list.pdf"),
        by=draft.created_by,
    )
    return meeting, exempt, draft


def _stored_files(settings) -> list[str]:
    root = settings.DOCUMENTS_ROOT
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def test_private_files_never_answer_anonymously_at_any_guessed_address_r4(settings, people):  # noqa: F811
    settings.DEBUG = False
    meeting, exempt, draft = _meeting_with_every_kind_of_file(people)
    anonymous = Client()
    stored = _stored_files(settings)

    answered = [
        (address, response.status_code)
        for name in stored
        for address in stored_file_addresses(name)
        if (response := anonymous.get(address)).status_code != 404
    ]

    assert len(stored) >= 6  # two uploads, a draft's upload, two packs, cached renders
    assert answered == []
    confidential = anonymous.get(f"/meetings/{meeting.pk}/pack-confidential.pdf")
    assert (confidential.status_code, confidential["Location"]) == (
        302,
        f"/accounts/login/?next=/meetings/{meeting.pk}/pack-confidential.pdf",
    )
    item = meeting.items.get(part=Part.B)
    assert anonymous.get(f"/meetings/{meeting.pk}/items/{item.pk}/document.pdf").status_code == 404
    for report in (exempt, draft):
        appendix = report.appendices.get()
        assert anonymous.get(f"/reports/{report.pk}/appendices/{appendix.pk}/file/").status_code == 404


def test_private_files_have_random_names_that_keep_no_original_file_name(settings, people):  # noqa: F811
    meeting, exempt, draft = _meeting_with_every_kind_of_file(people)

    names = [exempt.appendices.get().file.name, draft.appendices.get().file.name]
    names += [meeting.items.get(part=Part.B).document.name]
    names += [pack.file.name for pack in AgendaPack.objects.filter(meeting=meeting)]

    assert [name for name in names if not RANDOM_NAME.match(name)] == []
    assert not any(word in " ".join(_stored_files(settings)) for word in ("bidders", "savings", "meeting-"))
    with pytest.raises(ValueError, match="Papers have no public address"):
        documents_storage().url(names[0])


def test_private_files_confidential_pack_sent_only_to_members_and_never_cached_r4(settings, people):  # noqa: F811
    from council.roles import Role
    from tests.factories import UserFactory

    meeting, _, _ = _meeting_with_every_kind_of_file(people)
    member = Client()
    member.force_login(UserFactory(roles=[Role.COUNCILLOR], password=None))

    confidential = member.get(f"/meetings/{meeting.pk}/pack-confidential.pdf")
    public = Client().get(f"/meetings/{meeting.pk}/pack.pdf")
    b"".join(confidential.streaming_content), b"".join(public.streaming_content)  # read: closes them

    assert (confidential.status_code, confidential["Cache-Control"]) == (200, "private, no-store")
    assert (public.status_code, public["Cache-Control"]) == (200, "public, max-age=300")


def test_private_files_missing_from_storage_answer_a_clear_404(settings, people):  # noqa: F811
    meeting, _, _ = _meeting_with_every_kind_of_file(people)
    pack = AgendaPack.objects.get(meeting=meeting, supplement=None, variant=AgendaPack.Variant.PUBLIC)
    documents_storage().delete(pack.file.name)

    response = Client().get(f"/meetings/{meeting.pk}/pack.pdf")

    assert response.status_code == 404
    assert "This document is not available" in response.content.decode()
    assert "The file for the agenda pack is missing from the council's document store" in (
        response.content.decode()
    )


def test_private_files_offloaded_to_nginx_with_x_accel_redirect(settings, people):  # noqa: F811
    settings.WITAN = {**settings.WITAN, "DOCUMENT_OFFLOAD": "x-accel-redirect:/_papers/"}
    meeting, _, _ = _meeting_with_every_kind_of_file(people)
    pack = AgendaPack.objects.get(meeting=meeting, supplement=None, variant=AgendaPack.Variant.PUBLIC)

    response = Client().get(f"/meetings/{meeting.pk}/pack.pdf")

    assert (response.status_code, response["X-Accel-Redirect"]) == (200, f"/_papers/{pack.file.name}")
    assert response.content == b""


def test_private_files_kept_to_the_body_refuse_other_councillors_r4(settings, people):  # noqa: F811
    from council.roles import Role
    from tests.factories import CouncillorFactory, MembershipFactory, MunicipalYearFactory, UserFactory

    settings.WITAN = {**settings.WITAN, "EXEMPT_PAPERS_FOR_ALL_COUNCILLORS": False}
    meeting, exempt, _ = _meeting_with_every_kind_of_file(people)
    year = MunicipalYearFactory(
        start_date=meeting.date.replace(month=5, day=20),
        end_date=meeting.date.replace(year=meeting.date.year + 1, month=5, day=19),
    )
    readers = {}
    for name, on_the_body in (("member", True), ("other", False)):
        councillor = CouncillorFactory(user=UserFactory(roles=[Role.COUNCILLOR], password=None))
        if on_the_body:
            MembershipFactory(
                committee=meeting.committee,
                councillor=councillor,
                municipal_year=year,
                start_date=year.start_date,
            )
        readers[name] = Client()
        readers[name].force_login(councillor.user)

    answers = {}
    for name, client in readers.items():
        pack = client.get(f"/meetings/{meeting.pk}/pack-confidential.pdf")
        if pack.streaming:
            b"".join(pack.streaming_content)  # read to the end, which closes the file
        answers[name] = (pack.status_code, client.get(f"/reports/{exempt.pk}/").status_code)

    assert answers == {"member": (200, 200), "other": (403, 404)}
