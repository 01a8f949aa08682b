"""Sending a stored paper to a reader, once a view has asked the visibility rules that they may have it.

Papers live in private storage (`council.storage`) and have no public address; this is the only way
out. A file that has gone missing from storage answers a clear 404 page (and is logged for democratic
services), never a server error. Large files may be handed to the web server in front
(`WITAN["DOCUMENT_OFFLOAD"]`: nginx's X-Accel-Redirect or Apache's X-Sendfile), which then reads them
from `DOCUMENTS_ROOT` itself.
"""

import logging

from django.conf import settings
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import content_disposition_header

from .storage import documents_storage

logger = logging.getLogger(__name__)

PUBLIC_MAX_AGE = 300  # a public paper may be cached briefly: packs are rebuilt when the agenda changes


def cache_privately(response: HttpResponse) -> HttpResponse:
    """R4: exempt papers, drafts and the confidential pack are never kept by a shared or browser cache."""
    patch_cache_control(response, private=True, no_store=True)
    return response


def cache_publicly(response: HttpResponse) -> HttpResponse:
    patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    return response


def _file_response(name: str) -> HttpResponse:
    """The response carrying the stored file `name`; FileNotFoundError if storage has no such file.

    Sent by Witan (opening the file is the check that it is there), or, offloaded, by the web server,
    which reads it from DOCUMENTS_ROOT itself once Witan has checked that it exists."""
    if not name:
        raise FileNotFoundError(name)
    storage = documents_storage()
    offload = settings.WITAN.get("DOCUMENT_OFFLOAD", "")
    if not offload:
        return FileResponse(storage.open(name, "rb"), content_type="application/pdf")
    if not storage.exists(name):
        raise FileNotFoundError(name)
    response = HttpResponse(content_type="application/pdf")
    if offload.startswith("x-accel-redirect:"):
        prefix = offload.removeprefix("x-accel-redirect:").rstrip("/")
        response["X-Accel-Redirect"] = f"{prefix}/{name}"
    elif offload == "x-sendfile":
        response["X-Sendfile"] = storage.path(name)
    else:
        raise ValueError(
            f"WITAN_DOCUMENT_OFFLOAD must be x-accel-redirect:<prefix> or x-sendfile, not {offload!r}"
        )
    return response


def document_response(
    request: HttpRequest,
    *,
    file: FieldFile | str,
    filename: str,
    sha256: str = "",
    private: bool,
    what: str = "this document",
    back_url: str = "/",
    back_label: str = "the home page",
) -> HttpResponse:
    """The stored PDF `file` (a FieldFile or a name in the documents storage), shown in the browser.

    `private` papers (exempt, confidential, unpublished) are sent `Cache-Control: private, no-store`;
    public ones may be cached for five minutes and are revalidated by their hash (ETag).
    """
    name = file.name if isinstance(file, FieldFile) else file
    etag = f'"{sha256}"' if sha256 else None
    response = get_conditional_response(request, etag=etag) if etag else None
    if response is None:
        try:
            response = _file_response(name)
        except FileNotFoundError:
            logger.error("Stored file %r for %s is missing (%s)", name, what, request.path)
            response = render(
                request,
                "document_missing.html",
                {"what": what, "back_url": back_url, "back_label": back_label},
                status=404,
            )
            return cache_privately(response)
        response["Content-Disposition"] = content_disposition_header(as_attachment=False, filename=filename)
        if etag:
            response["ETag"] = etag
    return cache_privately(response) if private else cache_publicly(response)
