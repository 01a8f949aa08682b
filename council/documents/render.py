"""Print HTML to tagged, accessible PDF (WeasyPrint, PDF/UA-1).

Documents are rendered from data the caller has already checked, and they may only pull in the
project's own static files (stylesheets, images) and `data:` URIs. Nothing is ever fetched from the
network or the file system at large, so a link or image in report text cannot make the server
request anything (SSRF) or read files it should not. Links (`<a href>`) are never fetched at all:
they only become link annotations, so a front sheet's pack page links need nothing from here.

A small document costs about 25 ms to render from scratch; a third of that is parsing the print
stylesheet and another third is setting up fonts. Both are kept per process (see
`_font_configuration` and `_parsed_stylesheet`), which brings it to about 10 ms.
"""

import functools
import mimetypes
import os
import posixpath
import threading
from io import BytesIO
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

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


_per_thread = threading.local()


def _font_configuration():
    """WeasyPrint's font set-up (Fontconfig, a Pango font map and its caches), made once and reused.

    One per thread, because a Pango font map must not be used by two threads at once, and made again
    in a forked child (see `parallel.render_pdfs`), which must not share its parent's. Print
    stylesheets only load fonts from the static folders, so sharing it cannot leak anything between
    documents.
    """
    if getattr(_per_thread, "pid", None) != os.getpid():
        from weasyprint.text.fonts import FontConfiguration

        _per_thread.font_configuration = FontConfiguration()
        _per_thread.pid = os.getpid()
    return _per_thread.font_configuration


# A parsed stylesheet counts as a *user* stylesheet in WeasyPrint's cascade, where a <link> is an
# *author* one. The two rank the same for normal declarations against everything a document can
# still hold (inline style attributes win either way), but not for !important, nor against another
# stylesheet left in the document. At-rules that load or define things (@import, @font-face,
# @counter-style, @layer, @color-profile) depend on the document they are parsed for. A stylesheet
# with any of these is left to WeasyPrint, as is every stylesheet of a document that has one.
_NOT_SHAREABLE = (b"!important", b"@import", b"@font-face", b"@counter-style", b"@layer", b"@color-profile")


@functools.lru_cache(maxsize=32)
def _parsed_stylesheet(url: str, path: str, modified_ns: int, size: int):
    """The static stylesheet at `path`, parsed, or None if it cannot be shared between documents.

    Keyed by the file's modification time and size, so an edit while developing is picked up.
    """
    from weasyprint import CSS

    body = Path(path).read_bytes()
    if any(marker in body.lower() for marker in _NOT_SHAREABLE):
        return None
    fetcher = _url_fetcher_class()(origins=(DOCUMENT_ORIGIN,))
    return CSS(file_obj=BytesIO(body), base_url=url, url_fetcher=fetcher, media_type="print")


def _static_stylesheet(url: str, *, origins: tuple[str, ...]):
    """The shared parse of the static stylesheet at `url`, or None."""
    name = static_file_name(url, origins=origins)
    path = _static_file_path(name) if name else None
    if path is None:
        return None
    # One address per file, whichever host the document named it on, so one parse serves all.
    canonical = urljoin(DOCUMENT_ORIGIN, settings.STATIC_URL + name)
    stat = path.stat()
    return _parsed_stylesheet(canonical, str(path), stat.st_mtime_ns, stat.st_size)


def _take_static_stylesheets(document, *, origins: tuple[str, ...]) -> list:
    """Take the document's stylesheet links out of its tree and return their shared parses.

    All or nothing: if any stylesheet cannot be shared, the document is left as it was, and
    WeasyPrint loads its stylesheets itself.
    """
    from weasyprint.css.media_queries import evaluate_media_query
    from weasyprint.html import element_has_link_type, parse_url

    root = document.etree_element
    taken = []
    for parent in root.iter():
        for element in parent:
            tag = element.tag.rpartition("}")[2] if isinstance(element.tag, str) else ""
            if tag == "style":
                return []
            if tag != "link" or not element.get("href") or not element_has_link_type(element, "stylesheet"):
                continue
            media = [m.strip() for m in (element.get("media", "").strip() or "all").split(",")]
            if (
                element_has_link_type(element, "alternate")
                or element.get("type", "text/css").split(";")[0].strip() != "text/css"
                or not evaluate_media_query(media, document.media_type)
            ):
                continue  # WeasyPrint ignores these too
            url = parse_url(element.get("href"), document.base_url) or ""
            stylesheet = _static_stylesheet(url, origins=origins)
            if stylesheet is None:
                return []
            taken.append((parent, element, stylesheet))
    for parent, element, _ in taken:
        parent.remove(element)
    return [stylesheet for _, _, stylesheet in taken]


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
    origins = (DOCUMENT_ORIGIN, base_url)
    fetcher = _url_fetcher_class()(origins=origins)
    source = HTML(string=html, base_url=base_url, url_fetcher=fetcher)
    document = source.render(
        pdf_variant="pdf/ua-1",
        stylesheets=_take_static_stylesheets(source, origins=origins),
        font_config=_font_configuration(),
    )
    # PDF/UA needs a title (shown in the viewer's title bar) and the natural language.
    document.metadata.title = title
    document.metadata.lang = language
    document.metadata.authors = [author] if author else []
    document.metadata.description = subject or None
    document.metadata.generator = "Witan"
    output = BytesIO()
    document.write_pdf(output, pdf_variant="pdf/ua-1")
    return output.getvalue()
