"""Uploaded PDFs checked the way a pack reads them, and normalised once (issue 8).

An officer's appendix or a clerk's minutes are published as they are and merged into agenda packs
(`assembly`), so `sanitise_pdf` opens an upload with pikepdf, as the pack does, and

- refuses it (`PdfRefused`, whose message is for the person uploading) if it is not a PDF, is
  damaged or encrypted, has no pages, or has more pages than the limit. The pages are counted in
  the page tree before anything else is read, so a small file of 50,000 pages is turned away in
  milliseconds instead of being parsed for minutes;
- removes what a published paper must not carry (`actions`): JavaScript, actions that launch
  programs, submit, import or reset forms or open other files, page-open and other automatic
  actions, form scripts and embedded files; links to web addresses and within the document stay;
- replaces a structure tree the pack's merge could not digest (`structure_check`) by tagging the
  pages as the pack tags an untagged upload: one Figure per page, with alternative text;
- proves the result by merging it on its own, exactly as a pack merges its documents.

A file that needed no change comes back byte for byte, so checking an already clean file (as a
pack build does for an upload stored before these checks) costs an open and a walk, not a
rewrite. An untagged upload is left untagged: the pack tags it, with the alternative text it
gives each section.
"""

import functools
import hashlib
from dataclasses import dataclass
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import pikepdf

from .actions import remove_active_content
from .assembly import PdfSection, assemble_pdf
from .structure_check import structure_problem, structure_replace

NOT_A_PDF = "The file is not a PDF."
DAMAGED = "This PDF is damaged and cannot be read: open it, save or export it as a PDF again, and upload the new copy."
ENCRYPTED = "This PDF is encrypted: upload a copy without a password or encryption."
NO_PAGES = "The PDF has no pages."
A4 = (0, 0, 595.276, 841.89)  # what a page without a usable size is given, as the stamps assume


class PdfRefused(Exception):
    """The PDF cannot be used; the message says why and what to do, for the person who uploaded it."""


@dataclass(frozen=True)
class SanitisedPdf:
    pdf: bytes  # the upload itself if nothing needed changing
    page_count: int
    changes: tuple[str, ...] = ()  # what was taken out or repaired, sorted: ("embedded files", "JavaScript")

    @property
    def changed(self) -> bool:
        return bool(self.changes)


@functools.cache
def sanitiser_fingerprint() -> str:
    """A hash of the code that decides what is checked and what the merge digests: a verdict kept
    under it (the pack cache keeps one per upload) lapses when these rules change."""
    here = Path(__file__).parent
    digest = hashlib.sha256()
    for module in ("sanitise.py", "actions.py", "structure_check.py", "structure.py"):
        digest.update((here / module).read_bytes())
    return digest.hexdigest()


def too_many_pages(pages: int | None, limit: int) -> str:
    """The refusal of a PDF longer than the limit; `pages` None when the file does not say how long."""
    count = f"{pages:,} pages" if pages is not None else f"more than {limit:,} pages"
    return (
        f"This PDF has {count}; the limit is {limit:,}. "
        f"Split it into smaller documents of up to {limit:,} pages each and upload them separately."
    )


def sanitise_pdf(
    data: bytes, *, max_pages: int, alt_text: str = "", prove_clean: bool = True
) -> SanitisedPdf:
    """`data` checked and normalised (see the module docstring), or PdfRefused. `alt_text` says what
    the pages show if they have to be tagged afresh (as `PdfSection.alt_text`).

    The result is merged once as a pack would merge it whenever anything changed, and with
    `prove_clean` (on upload) also when nothing did. A pack build, which merges it for real a moment
    later, passes False, so a clean file costs it no second merge. If the merge fails on a tree
    the checks passed, the tree is dropped and the merge tried again.
    """
    if not data.startswith(b"%PDF-"):
        raise PdfRefused(NOT_A_PDF)
    result = _normalised(data, max_pages=max_pages, alt_text=alt_text, drop_structure=False)
    if (not result.changed and not prove_clean) or _merges(result.pdf):
        return result
    retried = _normalised(data, max_pages=max_pages, alt_text=alt_text, drop_structure=True)
    if retried.pdf != result.pdf and _merges(retried.pdf):
        return retried
    raise PdfRefused(DAMAGED)


_DAMAGE = (pikepdf.PdfError, RecursionError, TypeError, ValueError, KeyError, AttributeError, IndexError)


def _normalised(data: bytes, *, max_pages: int, alt_text: str, drop_structure: bool) -> SanitisedPdf:
    try:
        # Opened without pushing inherited page attributes down to every page, which qpdf does by
        # default and which takes minutes for a million pages: the pages are counted first.
        with pikepdf.open(BytesIO(data), inherit_page_attributes=False) as pdf:
            if pdf.is_encrypted:  # an owner password only: it opens, but it is still encrypted
                raise PdfRefused(ENCRYPTED)
            _refuse_too_many_pages(pdf, max_pages)
            pages = len(pdf.pages)
            if pages == 0:
                raise PdfRefused(NO_PAGES)
            _push_inherited_attributes(pdf)
            changes = remove_active_content(pdf) + _repair_pages(pdf)
            problem = "the pack could not merge it" if drop_structure else structure_problem(pdf)
            if problem is not None and "/StructTreeRoot" in pdf.Root:
                structure_replace(pdf, alt_text=alt_text)
                changes.append(f"structure tree ({problem})")
            if pdf.get_warnings():
                changes.append("damage repaired")  # qpdf read past errors: write a clean copy
            if changes:
                output = BytesIO()
                pdf.save(output, deterministic_id=True)
                data = output.getvalue()
    except pikepdf.PasswordError as error:
        raise PdfRefused(ENCRYPTED) from error
    except _DAMAGE as error:
        raise PdfRefused(DAMAGED) from error
    return SanitisedPdf(pdf=data, page_count=pages, changes=tuple(sorted(set(changes), key=str.lower)))


def _refuse_too_many_pages(pdf: pikepdf.Pdf, limit: int) -> None:
    """Count the page tree only as far as `limit`: a page object listed 50,000 times is 50,000
    pages to every reader, and to the pack, however small the file."""
    if _pages_up_to(pdf.Root.get("/Pages"), limit + 1) > limit:
        declared = pdf.Root.Pages.get("/Count")
        raise PdfRefused(
            too_many_pages(declared if type(declared) is int and declared > limit else None, limit)
        )


def _pages_up_to(root, stop: int) -> int:
    """Pages (leaves) under `root`, counting no further than `stop`. A /Pages node met twice is a
    loop and is not entered again; a page met twice counts twice."""
    count, seen = 0, set()
    stack = [iter([root])]
    while stack and count < stop:
        node = next(stack[-1], None)
        if node is None:
            stack.pop()
            continue
        if not isinstance(node, pikepdf.Dictionary):
            continue
        kids = node.get("/Kids")
        if not isinstance(kids, pikepdf.Array):
            count += 1
        elif node.objgen not in seen:
            seen.add(node.objgen)
            stack.append(iter(kids))
    return count


_INHERITED = ("/MediaBox", "/CropBox", "/Resources", "/Rotate")


def _push_inherited_attributes(pdf: pikepdf.Pdf) -> None:
    """Give each page the attributes it inherits from its /Pages nodes (ISO 32000-1 §7.7.3.4), as
    qpdf's default open does, so the checks read each page as the pack will."""
    for page in pdf.pages:
        obj = page.obj
        missing = [key for key in _INHERITED if key not in obj]
        node, seen = obj.get("/Parent"), set()
        while missing and isinstance(node, pikepdf.Dictionary) and node.objgen not in seen:
            seen.add(node.objgen)
            for key in [key for key in missing if key in node]:
                obj[key] = node[key]
                missing.remove(key)
            node = node.get("/Parent")


def _repair_pages(pdf: pikepdf.Pdf) -> list[str]:
    """Give every page what the stamps and the untagged path read: a page size of four numbers,
    a turn that is a number, annotations in an array of dictionaries."""
    repaired = []
    for page in pdf.pages:
        obj = page.obj
        if not _is_box(obj.get("/MediaBox")):
            obj.MediaBox = pikepdf.Array(A4)
            repaired.append("page size")
        if "/CropBox" in obj and not _is_box(obj.CropBox):
            del obj.CropBox
            repaired.append("page size")
        if "/Rotate" in obj and type(obj.Rotate) is not int:
            del obj.Rotate
            repaired.append("page rotation")
        annots = obj.get("/Annots")
        if annots is not None and not isinstance(annots, pikepdf.Array):
            del obj.Annots
            repaired.append("annotations")
        elif annots is not None and not all(isinstance(a, pikepdf.Dictionary) for a in annots):
            obj.Annots = pikepdf.Array([a for a in annots if isinstance(a, pikepdf.Dictionary)])
            repaired.append("annotations")
    return repaired


def _is_box(box) -> bool:
    if not isinstance(box, pikepdf.Array) or len(box) != 4:
        return False
    values = list(box)
    if not all(isinstance(v, int | Decimal) and not isinstance(v, bool) for v in values):
        return False
    x0, y0, x1, y1 = (float(v) for v in values)
    return x0 != x1 and y0 != y1


def _merges(data: bytes) -> bool:
    """Whether the file merges alone, as a pack merges each document: what passes here binds there."""
    try:
        assemble_pdf([PdfSection(pdf=data, bookmarks=("Upload",))], title="Upload check")
    except Exception:  # whatever stops the merge (RecursionError, TypeError, PdfError…) stops a pack
        return False
    return True
