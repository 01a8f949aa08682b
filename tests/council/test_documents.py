"""The document engine: tagged PDFs with title and language, and no fetching beyond static files."""

import io
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pikepdf
import pytest
from pypdf import PdfReader

from council.documents import (
    DOCUMENT_ORIGIN,
    DocumentResourceRefused,
    number_paragraphs,
    read_static_resource,
    render_pdf,
    static_file_name,
)

# A 1×1 transparent GIF.
PIXEL = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"


def _html(body: str, head: str = "") -> str:
    return f'<!doctype html><html lang="en-GB"><head><meta charset="utf-8">{head}</head><body>{body}</body></html>'


def test_render_pdf_tagged_with_title_language_and_metadata():
    pdf_bytes = render_pdf(
        html=_html("<h1>Agenda</h1><p>Text</p>"),
        title="Cabinet agenda",
        author="Ravensmoor Borough Council",
        subject="Cabinet – 13 July 2026",
    )

    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        assert pdf.pdf_version == "1.7"
        assert str(pdf.Root.Lang) == "en-GB"
        assert str(pdf.docinfo["/Title"]) == "Cabinet agenda"
        assert str(pdf.docinfo["/Author"]) == "Ravensmoor Borough Council"
        assert str(pdf.docinfo["/Subject"]) == "Cabinet – 13 July 2026"
        assert bool(pdf.Root.MarkInfo.Marked) is True
        assert pdf.Root.StructTreeRoot.Type == "/StructTreeRoot"
        assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle) is True
        with pdf.open_metadata() as xmp:
            assert xmp["pdfuaid:part"] == "1"
            assert xmp["dc:title"] == "Cabinet agenda"


def test_render_pdf_language_given_wins_over_html():
    pdf_bytes = render_pdf(html=_html("<p>Agenda</p>").replace("en-GB", "fr"), title="T", language="cy")

    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        assert str(pdf.Root.Lang) == "cy"


def test_render_pdf_text_layer_readable():
    pdf_bytes = render_pdf(html=_html("<p>Minutes of the meeting – 13 July 2026</p>"), title="Minutes")

    assert PdfReader(io.BytesIO(pdf_bytes)).pages[0].extract_text() == "Minutes of the meeting – 13 July 2026"


def test_render_pdf_static_stylesheet_applied():
    # The print stylesheet numbers every page in its footer.
    pdf_bytes = render_pdf(
        html=_html("<p>Body</p>", head='<link rel="stylesheet" href="/static/css/print/report.css">'),
        title="T",
    )

    assert PdfReader(io.BytesIO(pdf_bytes)).pages[0].extract_text().split() == [
        "Body",
        "Page",
        "1",
        "of",
        "1",
    ]


def test_render_pdf_data_uri_image_embedded():
    pdf_bytes = render_pdf(html=_html(f'<img src="{PIXEL}" alt="Council crest">'), title="T")

    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        images = pdf.pages[0].get_images()
    assert len(images) == 1


class _RecordingHandler(BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self):
        self.requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/css")
        self.end_headers()
        self.wfile.write(b"p { color: red; }")

    def log_message(self, *args):
        pass


@pytest.fixture
def recording_server():
    _RecordingHandler.requests = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _RecordingHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", _RecordingHandler.requests
    server.shutdown()
    server.server_close()
    thread.join()


def test_render_pdf_never_fetches_from_network(recording_server):
    address, requests = recording_server
    html = _html(
        f'<img src="{address}/pixel.png" alt="x"><p style="background: url({address}/bg.png)">Text</p>',
        head=f'<link rel="stylesheet" href="{address}/style.css"><style>@import "{address}/more.css";</style>',
    )

    pdf_bytes = render_pdf(html=html, title="T")

    assert requests == []
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        assert pdf.pages[0].get_images() == {}


def test_render_pdf_static_files_not_fetched_from_base_url_host(recording_server):
    address, requests = recording_server
    html = _html("<p>Text</p>", head='<link rel="stylesheet" href="/static/css/print/report.css">')

    pdf_bytes = render_pdf(html=html, base_url=f"{address}/reports/1/", title="T")

    # The stylesheet is read from the static folders, not requested from the site.
    assert requests == []
    assert "Page 1 of 1" in PdfReader(io.BytesIO(pdf_bytes)).pages[0].extract_text()


@pytest.mark.parametrize(
    ("url", "name"),
    [
        (f"{DOCUMENT_ORIGIN}static/css/print/report.css", "css/print/report.css"),
        (f"{DOCUMENT_ORIGIN}static/css/witan.css?v=2#top", "css/witan.css"),
        (f"{DOCUMENT_ORIGIN}static/css/print/../witan.css", "css/witan.css"),
        (f"{DOCUMENT_ORIGIN}static/../council/settings.py", None),
        (f"{DOCUMENT_ORIGIN}static/%2e%2e/council/settings.py", None),
        (f"{DOCUMENT_ORIGIN}media/councillors/photo.jpg", None),
        ("https://example.com/static/css/witan.css", None),
        ("file:///static/css/witan.css", None),
        ("file:///etc/passwd", None),
        ("http://169.254.169.254/latest/meta-data/", None),
    ],
)
def test_static_file_name_only_for_static_files_on_document_origin(url, name):
    assert static_file_name(url) == name


def test_read_static_resource_reads_project_static_file():
    body, content_type = read_static_resource(f"{DOCUMENT_ORIGIN}static/css/print/report.css")

    assert content_type == "text/css"
    assert body.startswith(b"/* A council report on A4")


def test_read_static_resource_missing_file_refused():
    with pytest.raises(DocumentResourceRefused, match=r"There is no static file 'css/nothing\.css'\."):
        read_static_resource(f"{DOCUMENT_ORIGIN}static/css/nothing.css")


def test_number_paragraphs_top_level_paragraphs_numbered_in_order():
    html = (
        "<p>First.</p><ul><li><p>A point.</p></li></ul><p></p><p> </p>"
        "<table><tbody><tr><td><p>Cell.</p></td></tr></tbody></table><p>Second &amp; last.</p>"
    )

    assert number_paragraphs(html, prefix="7") == (
        '<p><span class="para-number">7.1</span> First.</p><ul><li><p>A point.</p></li></ul><p></p><p> </p>'
        "<table><tbody><tr><td><p>Cell.</p></td></tr></tbody></table>"
        '<p><span class="para-number">7.2</span> Second &amp; last.</p>'
    )


def test_number_paragraphs_markup_and_entities_kept():
    html = (
        '<p><strong>Bold</strong>&nbsp;and <a href="https://example.org/?a=1&amp;b=2">a link</a><br>line</p>'
    )

    assert number_paragraphs(html, prefix="2") == (
        '<p><span class="para-number">2.1</span> <strong>Bold</strong>&nbsp;and '
        '<a href="https://example.org/?a=1&amp;b=2">a link</a><br>line</p>'
    )


def test_number_paragraphs_prefix_escaped():
    assert number_paragraphs("<p>Text</p>", prefix="<b>") == (
        '<p><span class="para-number">&lt;b&gt;.1</span> Text</p>'
    )
