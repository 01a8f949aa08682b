"""Finding one's way round a pack: bookmarks, page labels, and front-sheet links to "Page N".

Page labels (ISO 32000-1 §12.4.2) make the viewer's page box agree with the stamps, so typing 14
goes to the page stamped "Page 14". The labels chosen:

- unnumbered pages before the first numbered one (the front sheet): i, ii, iii…
- numbered pages: their stamp number, 1, 2, 3…
- unnumbered pages after the first numbered one: "Supplement 1", "Supplement 2"…, counted on
  across all such pages, so no two pages share a label.
"""

import re
from collections.abc import Sequence

import pikepdf
from pikepdf import OutlineItem

from .render import DOCUMENT_ORIGIN

# A link a front sheet uses to point at the pack page stamped "Page N". It is on the documents'
# origin, which never resolves, so nothing fetches it; assembly turns it into an internal link.
PACK_PAGE_LINK = DOCUMENT_ORIGIN + "pack/page/{number}"
_PACK_PAGE_LINK = re.compile(re.escape(PACK_PAGE_LINK.format(number="")) + r"([1-9][0-9]*)")
SUPPLEMENT_PREFIX = "Supplement "


def page_destination(page: pikepdf.Object) -> pikepdf.Array:
    """Go to `page`, at its top, keeping the reader's zoom."""
    return pikepdf.Array([page, pikepdf.Name.XYZ, None, None, None])


def add_bookmarks(pdf: pikepdf.Pdf, paths: Sequence[tuple[tuple[str, ...], int]]) -> None:
    """The outline, from each section's bookmark path and the index of its first page.

    Consecutive sections that share a path prefix share its bookmarks, so ("8. Budget", "Report")
    then ("8. Budget", "Appendix A") give one "8. Budget" with two children; a shared bookmark
    points at the first page of its first child. The top level is open, deeper levels closed.
    """
    if not any(path for path, _ in paths):
        return
    with pdf.open_outline(strict=True) as outline:
        open_items: list[tuple[str, OutlineItem]] = []  # the path of the previous section
        for path, first_page in paths:
            shared = 0
            while shared < min(len(path), len(open_items)) and open_items[shared][0] == path[shared]:
                shared += 1
            del open_items[shared:]
            for title in path[shared:]:
                item = OutlineItem(title, page_destination(pdf.pages[first_page].obj))
                item.is_closed = bool(open_items)
                siblings = open_items[-1][1].children if open_items else outline.root
                siblings.append(item)
                open_items.append((title, item))


def add_page_labels(pdf: pikepdf.Pdf, stamps: Sequence[int | None]) -> None:
    """/PageLabels from each page's stamp number (None for an unnumbered page); see the module docstring."""
    nums: list = []
    previous: int | None = None
    seen_numbered = False
    supplements = 0
    for index, stamp in enumerate(stamps):
        if stamp is not None:
            if previous is None or stamp != previous + 1:
                nums.extend((index, pikepdf.Dictionary(S=pikepdf.Name.D, St=stamp)))
            seen_numbered = True
        elif seen_numbered:
            supplements += 1
            if stamps[index - 1] is not None:
                label = pikepdf.Dictionary(
                    S=pikepdf.Name.D, P=pikepdf.String(SUPPLEMENT_PREFIX), St=supplements
                )
                nums.extend((index, label))
        elif index == 0:
            nums.extend((index, pikepdf.Dictionary(S=pikepdf.Name.r)))
        previous = stamp
    if nums:
        pdf.Root.PageLabels = pikepdf.Dictionary(Nums=pikepdf.Array(nums))


def link_pack_pages(pdf: pikepdf.Pdf, stamped_pages: dict[int, pikepdf.Object]) -> int:
    """Turn each link to PACK_PAGE_LINK N into an internal link to the page stamped "Page N".

    The link annotation keeps its /StructParent, so its Link structure element still finds it.
    A link to a number no page has is left as it is. Returns the number of links changed.
    """
    changed = 0
    for page in pdf.pages:
        for annot in page.obj.get("/Annots", ()):
            if not isinstance(annot, pikepdf.Dictionary) or annot.get("/Subtype") != pikepdf.Name.Link:
                continue
            action = annot.get("/A")
            if not isinstance(action, pikepdf.Dictionary):
                continue
            match = _PACK_PAGE_LINK.fullmatch(str(action.get("/URI", "")))
            target = stamped_pages.get(int(match[1])) if match else None
            if target is None:
                continue
            del annot.A
            annot.Dest = page_destination(target)
            annot.Contents = pikepdf.String(f"Page {match[1]}")  # PDF/UA: what the link is for
            changed += 1
    return changed
