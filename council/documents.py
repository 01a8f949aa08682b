"""The document engine: print HTML to tagged, accessible PDF (WeasyPrint, PDF/UA-1).

Documents are rendered from data the caller has already checked, and they may only pull in the
project's own static files (stylesheets, images) and `data:` URIs. Nothing is ever fetched from the
network or the file system at large, so a link or image in report text cannot make the server
request anything (SSRF) or read files it should not.
"""

import functools
import mimetypes
import posixpath
from html import escape
from html.parser import HTMLParser
from io import BytesIO
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage

# Relative addresses in print templates ("/static/css/print/report.css") resolve against this
# origin. The .invalid top-level domain never resolves (RFC 2606), so nothing can reach it.
DOCUMENT_ORIGIN = "https://documents.witan.invalid/"


class DocumentResourceRefused(ValueError):
    """A document asked for something other than a static file or a data: URI."""


def static_file_name(url: str, *, origins: tuple[str, ...] = (DOCUMENT_ORIGIN,)) -> str | None:
    """The static file's name ("css/print/report.css") if `url` points into STATIC_URL, else None.

    Only addresses on one of `origins` (or under an absolute STATIC_URL) count; a path that climbs
    out of the static folders ("/static/../settings.py") never does.
    """
    static_url = settings.STATIC_URL
    if urlsplit(static_url).scheme:  # STATIC_URL on another host (a CDN): match it whole.
        if not url.startswith(static_url):
            return None
        relative = url[len(static_url) :]
    else:
        parts = urlsplit(url)
        if _origin(url) not in {_origin(o) for o in origins} or not parts.path.startswith(static_url):
            return None
        relative = parts.path[len(static_url) :]
    name = posixpath.normpath(unquote(urlsplit(relative).path))
    if name.startswith(("/", "..")) or name == ".":
        return None
    return name


def _origin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.scheme.lower(), parts.netloc.lower()


def _static_file_path(name: str) -> Path | None:
    """Find a static file by name: in the source folders, else in STATIC_ROOT (hashed names)."""
    found = finders.find(name)
    if found:
        return Path(found)
    try:
        if staticfiles_storage.exists(name):
            return Path(staticfiles_storage.path(name))
    except NotImplementedError:  # remote storage: no local path to read
        return None
    return None


def read_static_resource(url: str, *, origins: tuple[str, ...] = (DOCUMENT_ORIGIN,)) -> tuple[bytes, str]:
    """The bytes and content type of the static file at `url`; DocumentResourceRefused otherwise."""
    name = static_file_name(url, origins=origins)
    if name is None:
        raise DocumentResourceRefused(f"Documents may only use static files, not {url!r}.")
    path = _static_file_path(name)
    if path is None:
        raise DocumentResourceRefused(f"There is no static file {name!r}.")
    return path.read_bytes(), mimetypes.guess_type(name)[0] or "application/octet-stream"


@functools.cache
def _url_fetcher_class():
    # WeasyPrint takes about a second to import (Pango, fonts): load it on first use, not at start-up.
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticFilesURLFetcher(URLFetcher):
        """Serves the project's static files and data: URIs; refuses everything else.

        WeasyPrint catches the refusal, logs it and leaves the resource out of the document.
        """

        def __init__(self, *, origins: tuple[str, ...]):
            # Only data: ever reaches urllib (its DataHandler decodes in memory, no I/O).
            super().__init__(allowed_protocols=("data",), allow_redirects=False)
            self._origins = origins

        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            body, content_type = read_static_resource(url, origins=self._origins)
            return URLFetcherResponse(url, body, headers={"Content-Type": content_type})

    return StaticFilesURLFetcher


def render_pdf(
    *,
    html: str,
    base_url: str | None = None,
    title: str,
    language: str = "en-GB",
    author: str = "",
    subject: str = "",
) -> bytes:
    """Render print HTML to a tagged PDF (PDF/UA-1) with its title and language set.

    `base_url` resolves relative links; static files are found on it or on DOCUMENT_ORIGIN.
    The title, language, author and subject given here win over anything in the HTML.
    """
    from weasyprint import HTML  # slow import: see _url_fetcher_class

    base_url = base_url or DOCUMENT_ORIGIN
    fetcher = _url_fetcher_class()(origins=(DOCUMENT_ORIGIN, base_url))
    document = HTML(string=html, base_url=base_url, url_fetcher=fetcher).render(pdf_variant="pdf/ua-1")
    # PDF/UA needs a title (shown in the viewer's title bar) and the natural language.
    document.metadata.title = title
    document.metadata.lang = language
    document.metadata.authors = [author] if author else []
    document.metadata.description = subject or None
    document.metadata.generator = "Witan"
    output = BytesIO()
    document.write_pdf(output, pdf_variant="pdf/ua-1")
    return output.getvalue()


# Elements with no end tag: they never open a level of nesting.
_VOID_ELEMENTS = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]
)


class _ParagraphNumberer(HTMLParser):
    """Re-emits HTML unchanged, except that each top-level, non-empty <p> gets a number span."""

    def __init__(self, prefix: str):
        super().__init__(convert_charrefs=False)
        self.prefix = prefix
        self.out: list[str] = []
        self.depth = 0
        self.count = 0
        self._open_paragraph: int | None = None  # index in `out` of the pending number span
        self._paragraph_has_text = False

    def handle_starttag(self, tag, attrs):
        self.out.append(self.get_starttag_text())
        if tag in _VOID_ELEMENTS:
            self._paragraph_has_text = self._paragraph_has_text or tag == "img"
            return
        if self.depth == 0 and tag == "p":
            self._open_paragraph = len(self.out)
            self._paragraph_has_text = False
            self.out.append("")  # filled in when the paragraph closes, if it had any text
        self.depth += 1

    def handle_startendtag(self, tag, attrs):
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        if tag in _VOID_ELEMENTS:
            return
        self.depth = max(self.depth - 1, 0)
        if self.depth == 0 and tag == "p" and self._open_paragraph is not None:
            if self._paragraph_has_text:
                self.count += 1
                number = escape(f"{self.prefix}.{self.count}")
                self.out[self._open_paragraph] = f'<span class="para-number">{number}</span> '
            self._open_paragraph = None
        self.out.append(f"</{tag}>")

    def handle_data(self, data):
        self._paragraph_has_text = self._paragraph_has_text or bool(data.strip())
        self.out.append(data)

    def handle_entityref(self, name):
        self._paragraph_has_text = True
        self.out.append(f"&{name};")

    def handle_charref(self, name):
        self._paragraph_has_text = True
        self.out.append(f"&#{name};")

    # Comments, declarations and processing instructions are dropped: sanitised text has none.
    def handle_comment(self, data):
        pass

    def handle_decl(self, decl):
        pass

    def handle_pi(self, data):
        pass

    def unknown_decl(self, data):
        pass


def number_paragraphs(html: str, *, prefix: str) -> str:
    """Number the top-level paragraphs of sanitised HTML n.1, n.2… in the text itself.

    The numbers are real text (in the PDF's text layer and in copy and paste), not CSS counters.
    Only `<span class="para-number">` is added: the caller must pass HTML that is already
    sanitised, and may mark the result safe only on that condition. Paragraphs inside lists and
    tables, and empty paragraphs, are not numbered.
    """
    parser = _ParagraphNumberer(prefix)
    parser.feed(html)
    parser.close()
    return "".join(parser.out)
