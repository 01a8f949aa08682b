"""Rendered pack documents, kept by a hash of everything that decides how they print.

A report, an appendix printed on its own, an exempt notice or a front sheet is stored once in the
private documents storage under `pack-cache/`, keyed by a sha256 of its content and of the print templates and
stylesheets, so the next build of any pack reuses it until one of those changes. Files in storage
are shared by the web processes and the task worker.
"""

import hashlib
import json
from collections import OrderedDict

from django.core.files.base import ContentFile

from council.storage import documents_storage

CACHE_FOLDER = "pack-cache"

# Page counts of rendered documents by key, so a rebuild does not open every cached PDF twice
# (once to count, once to merge). A long-running worker keeps the most recent ones.
_PAGE_COUNTS: OrderedDict[str, int] = OrderedDict()
_PAGE_COUNTS_KEPT = 10_000


def document_key(*parts) -> str:
    """A key for a document: the sha256 of `parts` (JSON-safe data) in a stable form."""
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def _name(key: str) -> str:
    return f"{CACHE_FOLDER}/{key[:2]}/{key}.pdf"


def cached_pdf(key: str) -> bytes | None:
    name = _name(key)
    storage = documents_storage()
    if not storage.exists(name):
        return None
    with storage.open(name, "rb") as file:
        return file.read()


def store_pdf(key: str, pdf: bytes) -> None:
    name = _name(key)
    storage = documents_storage()
    if not storage.exists(name):
        storage.save(name, ContentFile(pdf))


def known_pages(key: str) -> int | None:
    return _PAGE_COUNTS.get(key)


def remember_pages(key: str, pages: int) -> None:
    _PAGE_COUNTS[key] = pages
    _PAGE_COUNTS.move_to_end(key)
    while len(_PAGE_COUNTS) > _PAGE_COUNTS_KEPT:
        _PAGE_COUNTS.popitem(last=False)
