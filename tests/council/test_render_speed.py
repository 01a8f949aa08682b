"""The faster rendering paths give the same documents: shared stylesheets and fonts, parallel rendering."""

import io
import os

import pikepdf
import pytest
from pypdf import PdfReader

from council.documents import RenderJob, render_pdf, render_pdfs
from tests.factories import UserFactory


def _html(body: str, head: str = "") -> str:
    return f'<!doctype html><html lang="en-GB"><head><meta charset="utf-8">{head}</head><body>{body}</body></html>'


def _text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


LINK = '<link rel="stylesheet" href="/static/css/print/speed-test.css">'


@pytest.fixture
def stylesheet(settings, tmp_path):
    """A print stylesheet in a static folder of the test's own."""
    settings.STATICFILES_DIRS = [tmp_path]
    path = tmp_path / "css" / "print" / "speed-test.css"
    path.parent.mkdir(parents=True)

    def write(css: str):
        path.write_text(css)
        # A later modification time, as an edit a second later would leave.
        stat = path.stat()
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))

    return write


def test_render_pdf_stylesheet_edit_picked_up(stylesheet):
    stylesheet('p::after { content: " first"; }')
    first = render_pdf(html=_html("<p>Body</p>", head=LINK), title="T")
    stylesheet('p::after { content: " second"; }')
    second = render_pdf(html=_html("<p>Body</p>", head=LINK), title="T")

    assert (_text(first), _text(second)) == (["Body first"], ["Body second"])


def test_render_pdf_important_in_stylesheet_cascades_as_before(stylesheet):
    # An inline !important beats a stylesheet's !important (it is more specific): still true when
    # the stylesheet has !important, because such a stylesheet is not shared between documents.
    stylesheet("p { display: none !important; }")

    pdf = render_pdf(html=_html('<p style="display: block !important">Shown</p>', head=LINK), title="T")

    assert _text(pdf) == ["Shown"]


def test_render_pdf_style_element_before_stylesheet_link_loses(stylesheet):
    stylesheet('p::after { content: " linked"; }')
    head = '<style>p::after { content: " inline"; }</style>' + LINK

    assert _text(render_pdf(html=_html("<p>Body</p>", head=head), title="T")) == ["Body linked"]


def test_render_pdf_shared_stylesheet_resolves_against_any_base_url(stylesheet):
    stylesheet('p::after { content: " styled"; }')
    pdfs = [
        render_pdf(html=_html("<p>Body</p>", head=LINK), base_url=base_url, title="T")
        for base_url in (None, "https://witan.example/reports/1/", None)
    ]

    assert [_text(pdf) for pdf in pdfs] == [["Body styled"]] * 3


def _jobs() -> list[RenderJob]:
    return [
        RenderJob(
            html=_html(f"<h1>Report {n}</h1><p>{('Text. ' * n).strip()}</p>"),
            title=f"Report {n}",
            author="Council",
        )
        for n in range(1, 5)
    ]


def test_render_pdfs_two_workers_same_documents_in_order():
    pdfs = render_pdfs(_jobs(), workers=2)

    assert [_text(pdf) for pdf in pdfs] == [_text(render_pdf(**vars(job))) for job in _jobs()]
    titles = []
    for pdf in pdfs:
        with pikepdf.open(io.BytesIO(pdf)) as document:
            titles.append((str(document.docinfo.Title), str(document.Root.Lang)))
            assert "/StructTreeRoot" in document.Root
    assert titles == [(f"Report {n}", "en-GB") for n in range(1, 5)]


def test_render_pdfs_one_job():
    [pdf] = render_pdfs(_jobs()[:1])

    assert _text(pdf) == ["Report 1\nText."]


@pytest.mark.django_db
def test_render_pdfs_keeps_the_callers_transaction_usable():
    user = UserFactory(username="clerk")

    render_pdfs(_jobs()[:2], workers=2)

    user.first_name = "Dana"
    user.save()
    assert type(user).objects.get(username="clerk").first_name == "Dana"
