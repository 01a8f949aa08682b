import hashlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from council.models import AuditEntry
from reports.models import Appendix, Report
from reports.services import ReportError, appendix_add, appendix_delete, report_publish

from .factories import ReportFactory, approvals_complete, pdf_upload, report_approved

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.DOCUMENTS_ROOT = tmp_path


def _upload(report, upload, **kwargs):
    return appendix_add(
        report=report,
        label=kwargs.pop("label", "Appendix 1"),
        title=kwargs.pop("title", "Site plan"),
        kind=Appendix.Kind.UPLOADED,
        upload=upload,
        by=report.created_by,
        **kwargs,
    )


def _file_error(report, upload) -> list[str]:
    with pytest.raises(ValidationError) as error:
        _upload(report, upload)
    assert Appendix.objects.count() == 0
    assert report.versions.count() == 1
    return error.value.message_dict["file"]


def test_appendix_add_real_pdf_reads_page_count_and_hash():
    report = ReportFactory()
    upload = pdf_upload(pages=3)
    expected_hash = hashlib.sha256(upload.read()).hexdigest()

    appendix = _upload(report, upload)

    appendix.refresh_from_db()
    assert (appendix.position, appendix.page_count, appendix.sha256) == (1, 3, expected_hash)
    assert appendix.file.name.startswith("appendices/")
    assert appendix.file.name.endswith(".pdf")
    with appendix.file.open("rb") as stored:
        assert hashlib.sha256(stored.read()).hexdigest() == expected_hash
    report.refresh_from_db()
    assert report.revision == 1
    assert report.versions.first().snapshot["appendices"][0]["page_count"] == 3
    entry = AuditEntry.objects.filter(action=AuditEntry.Action.CHANGED).get()
    assert entry.changes == {"appendices": [None, "Appendix 1: Site plan"]}


def test_appendix_add_written_body_sanitised_and_positions_follow():
    report = ReportFactory()
    _upload(report, pdf_upload(pages=1))

    written = appendix_add(
        report=report,
        label="Appendix 2",
        title="Consultation responses",
        kind=Appendix.Kind.WRITTEN,
        body='<p onclick="alert(1)">Forty responses.</p><script>alert(1)</script>',
        by=report.created_by,
    )

    written.refresh_from_db()
    assert (written.position, written.body) == (2, "<p>Forty responses.</p>")
    assert list(report.versions.values_list("number", flat=True)) == [3, 2, 1]


def test_appendix_add_fake_pdf_refused():
    report = ReportFactory()
    fake = SimpleUploadedFile(
        "minutes.pdf", b"This is a Word document really.", content_type="application/pdf"
    )

    assert _file_error(report, fake) == ["The file is not a PDF."]


def test_appendix_add_damaged_pdf_refused():
    report = ReportFactory()
    damaged = SimpleUploadedFile("minutes.pdf", b"%PDF-1.7\n garbage without any objects", "application/pdf")

    assert _file_error(report, damaged) == [
        "This PDF is damaged and cannot be read: open it, save or export it as a PDF again, "
        "and upload the new copy."
    ]


def test_appendix_add_oversize_file_refused(settings):
    settings.WITAN = {**settings.WITAN, "APPENDIX_MAX_BYTES": 1024}
    report = ReportFactory()

    assert _file_error(report, pdf_upload(pages=10)) == [
        "The file is larger than 1 KB: make it smaller (for example, save it with compressed images) "
        "or split it into smaller documents."
    ]


def test_appendix_add_default_limit_is_20_mb():
    report = ReportFactory()
    big = SimpleUploadedFile("big.pdf", b"%PDF-" + b"0" * (20 * 1024 * 1024), "application/pdf")

    assert _file_error(report, big) == [
        "The file is larger than 20 MB: make it smaller (for example, save it with compressed images) "
        "or split it into smaller documents."
    ]


def test_appendix_add_encrypted_pdf_refused():
    report = ReportFactory()

    assert _file_error(report, pdf_upload(pages=2, password="secret")) == [
        "This PDF is encrypted: upload a copy without a password or encryption."
    ]


def test_appendix_add_pdf_without_pages_refused():
    report = ReportFactory()

    assert _file_error(report, pdf_upload(pages=0)) == ["The PDF has no pages."]


def test_appendix_add_exempt_without_paragraph_refused_r4():
    report = ReportFactory()

    with pytest.raises(ValidationError) as error:
        _upload(report, pdf_upload(), is_exempt=True, public_interest_reason="Tender prices.")

    assert error.value.message_dict == {
        "exempt_paragraphs": ["An exempt document must cite its Schedule 12A paragraph(s)."]
    }


def test_appendix_add_to_published_report_refused_before_the_file_is_read():
    """A frozen report says so, whatever the file: the upload check (issue 8) is not run for nothing."""
    report = report_approved()
    report_publish(report=report, by=report.created_by)
    fake = SimpleUploadedFile("plan.pdf", b"not a pdf", content_type="application/pdf")

    with pytest.raises(ReportError) as error:
        _upload(report, fake)

    assert str(error.value) == "A published report is frozen: its appendices cannot be changed."
    assert Appendix.objects.count() == 0


def test_appendix_add_to_approved_report_restarts_approvals():
    report = report_approved()
    versions = report.versions.count()

    _upload(report, pdf_upload())

    report.refresh_from_db()
    assert (report.status, report.approval_round) == (Report.Status.SUBMITTED, 2)
    assert report.approvals.filter(round=2, decision="pending").count() == 5
    assert report.versions.count() == versions + 1


def test_appendix_delete_makes_a_new_version_and_keeps_the_file():
    report = ReportFactory()
    appendix = _upload(report, pdf_upload())
    stored_name = appendix.file.name

    appendix_delete(appendix=appendix, by=report.created_by)

    assert Appendix.objects.count() == 0
    assert appendix.file.storage.exists(stored_name)
    latest = report.versions.first()
    assert (latest.number, latest.snapshot["appendices"], latest.note) == (3, [], "Appendix 1 removed")


def test_appendix_delete_from_published_report_refused():
    report = report_approved()
    appendix = _upload(report, pdf_upload())
    approvals_complete(report)
    report_publish(report=report, by=report.created_by)

    with pytest.raises(ReportError) as error:
        appendix_delete(appendix=appendix, by=report.created_by)

    assert str(error.value) == "A published report is frozen: its appendices cannot be changed."
    assert Appendix.objects.count() == 1
