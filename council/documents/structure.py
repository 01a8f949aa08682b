"""The merged structure tree of an agenda pack (tagged PDF, ISO 32000-1 §14.7; PDF/UA-1).

A plain page merge loses every document's StructTreeRoot, and the documents' /StructParents
numbers clash (each starts at 0). So each document's tree is carried over whole:

    StructTreeRoot ─ Document ─┬─ Part (/T "Report")   ─ the report's own elements (H1, P, Table…)
                               ├─ Part (/T "Appendix A") ─ Figure, Figure… (an untagged upload)
                               └─ …

Every key of a document's parent tree (its pages' /StructParents, its annotations' and XObjects'
/StructParent) is moved up by an offset, so the keys stay unique, and the parent trees are joined
into one flat, sorted /Nums array. Each structure element is copied with the same foreign-object
copy as the pages, so its /Pg and its parent tree entry point at the pages in the pack.

A document with no structure tree (a scan, a third party's export) gets one Figure element per
page, with alternative text, covering the whole page: the pack stays fully tagged, and a screen
reader says what the page is instead of skipping it.
"""

from dataclasses import dataclass, field

import pikepdf

_GROUPING = "/Document"


@dataclass
class PackStructure:
    """The structure tree being built for one output PDF."""

    pdf: pikepdf.Pdf
    language: str
    next_key: int = 0
    parts: list[pikepdf.Object] = field(default_factory=list)
    parent_tree: list[tuple[int, pikepdf.Object]] = field(default_factory=list)
    role_map: dict[str, pikepdf.Object] = field(default_factory=dict)
    class_map: dict[str, pikepdf.Object] = field(default_factory=dict)

    def __post_init__(self):
        self.document = self.pdf.make_indirect(
            pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name.Document, K=pikepdf.Array())
        )

    def _part(self, title: str, language: str | None) -> pikepdf.Object:
        part = pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name.Part, P=self.document)
        if title:
            part.T = pikepdf.String(title)
        if language and language != self.language:
            part.Lang = pikepdf.String(language)  # a Welsh report in an English pack
        part = self.pdf.make_indirect(part)
        self.parts.append(part)
        return part

    def add_tagged(self, copied: pikepdf.Object, *, title: str) -> None:
        """Add a document's tree, copied into the pack from the bundle `take_tagged` made."""
        language = str(copied.Lang) if "/Lang" in copied else None
        part = self._part(title, language)
        kids = list(copied.K)
        for kid in kids:
            kid.P = part
        part.K = pikepdf.Array(kids)
        nums = copied.Nums
        self.parent_tree.extend((int(nums[i]), nums[i + 1]) for i in range(0, len(nums), 2))
        self.next_key = max(self.next_key, int(copied.NextKey))
        for store, key in ((self.role_map, "/RoleMap"), (self.class_map, "/ClassMap")):
            for name, value in copied.get(key, pikepdf.Dictionary()).items():
                store.setdefault(name, value)  # a clash keeps the first document's meaning

    def add_untagged(self, pages: list[pikepdf.Page], *, title: str, alt_text: str) -> None:
        """Tag an untagged document's pages: one Figure per page, and its links as Link elements.

        The caller marks each page's content as /Figure MCID 0 (`PageStamper.stamp(figure=True)`).
        Annotations other than links are dropped: an uploaded document's notes and form fields have
        no place in a published pack, and could not be tagged.
        """
        part = self._part(title, None)
        kids = []
        for number, page in enumerate(pages, start=1):
            page_obj = page.obj
            if alt_text:
                alt = f"{alt_text}, page {number} of {len(pages)}" if len(pages) > 1 else alt_text
            else:
                alt = f"Page {number} of an uploaded document"
            box = page_obj.get("/CropBox") or page_obj.MediaBox
            figure = self.pdf.make_indirect(
                pikepdf.Dictionary(
                    Type=pikepdf.Name.StructElem,
                    S=pikepdf.Name.Figure,
                    P=part,
                    Pg=page_obj,
                    K=0,
                    Alt=pikepdf.String(alt),
                    A=pikepdf.Dictionary(O=pikepdf.Name.Layout, BBox=pikepdf.Array(list(box))),
                )
            )
            kids.append(figure)
            page_obj.StructParents = self._key(pikepdf.Array([figure]))
            kids.extend(self._tag_links(page_obj, part))
        part.K = pikepdf.Array(kids)

    def _tag_links(self, page_obj: pikepdf.Dictionary, part: pikepdf.Object) -> list[pikepdf.Object]:
        links, kept = [], []
        for annot in page_obj.get("/Annots", ()):
            if annot.get("/Subtype") != pikepdf.Name.Link:
                continue
            if not annot.is_indirect:
                annot = self.pdf.make_indirect(annot)
            if "/Contents" not in annot:  # PDF/UA: every annotation needs a description
                action = annot.get("/A")
                uri = action.get("/URI") if isinstance(action, pikepdf.Dictionary) else None
                annot.Contents = pikepdf.String(str(uri) if uri is not None else "Link")
            link = self.pdf.make_indirect(
                pikepdf.Dictionary(
                    Type=pikepdf.Name.StructElem,
                    S=pikepdf.Name.Link,
                    P=part,
                    Pg=page_obj,
                    K=pikepdf.Array([pikepdf.Dictionary(Type=pikepdf.Name.OBJR, Obj=annot, Pg=page_obj)]),
                )
            )
            annot.StructParent = self._key(link)
            links.append(link)
            kept.append(annot)
        if "/Annots" in page_obj:
            page_obj.Annots = pikepdf.Array(kept)
        return links

    def _key(self, value: pikepdf.Object) -> int:
        key = self.next_key
        self.parent_tree.append((key, value))
        self.next_key += 1
        return key

    def install(self) -> None:
        """Make this the output's structure tree, and mark the output as tagged."""
        root = self.pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot))
        self.document.P = root
        self.document.K = pikepdf.Array(self.parts)
        root.K = pikepdf.Array([self.document])
        nums = []
        for key, value in sorted(self.parent_tree, key=lambda item: item[0]):
            nums.extend((key, value))
        root.ParentTree = self.pdf.make_indirect(pikepdf.Dictionary(Nums=pikepdf.Array(nums)))
        root.ParentTreeNextKey = self.next_key
        if self.role_map:
            root.RoleMap = pikepdf.Dictionary(self.role_map)
        if self.class_map:
            root.ClassMap = pikepdf.Dictionary(self.class_map)
        self.pdf.Root.StructTreeRoot = root
        self.pdf.Root.MarkInfo = pikepdf.Dictionary(Marked=True)


def is_tagged(src: pikepdf.Pdf) -> bool:
    tree = src.Root.get("/StructTreeRoot")
    return isinstance(tree, pikepdf.Dictionary) and tree.get("/K") is not None


def take_tagged(src: pikepdf.Pdf, *, offset: int) -> pikepdf.Object:
    """Prepare a tagged document, in place, for copying into a pack whose next parent tree key is `offset`.

    Returns one indirect bundle to copy (after the pages, with the same `Pdf.copy_foreign`):
    /K the top-level elements (a lone /Document wrapper unwrapped), /Nums the flattened parent
    tree with its keys moved up, /NextKey, /RoleMap, /ClassMap and /Lang.
    """
    tree = src.Root.StructTreeRoot
    entries = list(_number_tree(tree.get("/ParentTree")))
    next_key = max([key + 1 for key, _ in entries] + [int(tree.get("/ParentTreeNextKey", 0))])
    next_key = max(next_key, _move_keys(src, offset) + 1)
    bundle = src.make_indirect(pikepdf.Dictionary(NextKey=offset + next_key))
    language = src.Root.get("/Lang")
    kids = [kid for kid in _as_list(tree.K) if isinstance(kid, pikepdf.Dictionary)]
    role_map = tree.get("/RoleMap", pikepdf.Dictionary())
    if len(kids) == 1 and _role(kids[0], role_map) == _GROUPING:
        grandchildren = _as_list(kids[0].get("/K"))
        # Content (MCIDs) straight under /Document needs its /Pg: keep the wrapper then.
        if grandchildren and all(isinstance(k, pikepdf.Dictionary) and "/S" in k for k in grandchildren):
            language = kids[0].get("/Lang", language)
            kids = grandchildren
    kids = [kid if kid.is_indirect else src.make_indirect(kid) for kid in kids]
    for kid in kids:
        kid.P = bundle  # not the old root, so the copy does not drag the old tree along
    _drop_form_fields(src, kids)
    bundle.K = pikepdf.Array(kids)
    nums = []
    for key, value in entries:
        nums.extend((key + offset, value))
    bundle.Nums = pikepdf.Array(nums)
    for key in ("/RoleMap", "/ClassMap"):
        if isinstance(tree.get(key), pikepdf.Dictionary):
            bundle[key] = tree[key]
    if language is not None:
        bundle.Lang = language
    return bundle


def _as_list(kids) -> list:
    if kids is None:
        return []
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids]


def _role(element, role_map: pikepdf.Dictionary) -> str | None:
    if not isinstance(element, pikepdf.Dictionary) or "/S" not in element:
        return None
    role = str(element.S)
    return str(role_map.get(role, role))


def _number_tree(node):
    """The (key, value) pairs of a number tree, leaves and intermediate nodes alike."""
    if not isinstance(node, pikepdf.Dictionary):
        return
    nums = node.get("/Nums")
    if nums is not None:
        for i in range(0, len(nums) - 1, 2):
            yield int(nums[i]), nums[i + 1]
    for kid in node.get("/Kids", ()):
        yield from _number_tree(kid)


def _move_keys(src: pikepdf.Pdf, offset: int) -> int:
    """Add `offset` to every parent tree key held by a page, annotation or XObject. Returns the largest old key."""
    largest = -1
    seen: set[tuple[int, int]] = set()

    def move(holder, key_name):
        nonlocal largest
        if holder.is_indirect:
            if holder.objgen in seen:
                return
            seen.add(holder.objgen)
        if key_name in holder:
            old = int(holder[key_name])
            largest = max(largest, old)
            holder[key_name] = old + offset

    def move_xobjects(resources):
        xobjects = resources.get("/XObject") if isinstance(resources, pikepdf.Dictionary) else None
        if not isinstance(xobjects, pikepdf.Dictionary):
            return
        for xobject in xobjects.values():
            if not isinstance(xobject, pikepdf.Stream) or xobject.objgen in seen:
                continue
            move(xobject, "/StructParent" if "/StructParent" in xobject else "/StructParents")
            if xobject.get("/Subtype") == pikepdf.Name.Form:
                move_xobjects(xobject.get("/Resources"))

    for page in src.pages:
        move(page.obj, "/StructParents")
        for annot in page.obj.get("/Annots", ()):
            if isinstance(annot, pikepdf.Dictionary):
                move(annot, "/StructParent")
        move_xobjects(page.obj.get("/Resources"))
    return largest


def _drop_form_fields(src: pikepdf.Pdf, kids: list) -> None:
    """Take form fields' widgets out of the tree: the pack leaves out every document's form."""
    widgets = {
        annot.objgen
        for page in src.pages
        for annot in page.obj.get("/Annots", ())
        if isinstance(annot, pikepdf.Dictionary) and annot.get("/Subtype") == pikepdf.Name.Widget
    }
    if not widgets:
        return
    stack = list(kids)
    while stack:
        element = stack.pop()
        children = element.get("/K")
        if isinstance(children, pikepdf.Dictionary):
            children = pikepdf.Array([children])
            element.K = children
        if not isinstance(children, pikepdf.Array):
            continue
        kept = [
            c
            for c in children
            if not (isinstance(c, pikepdf.Dictionary) and c.get("/Obj", c).objgen in widgets)
        ]
        if len(kept) != len(children):
            element.K = pikepdf.Array(kept)
        stack.extend(c for c in kept if isinstance(c, pikepdf.Dictionary) and "/S" in c)
