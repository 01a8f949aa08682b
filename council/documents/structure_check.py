"""Whether an uploaded PDF's structure tree is one the pack's merge can digest, and dropping it if not.

`structure.take_tagged` and `PackStructure.add_tagged` trust what they read: the parent tree's keys
are integers, its /Kids do not loop, the elements' /K do not loop, the pages', annotations' and
XObjects' keys are integers, and form XObjects nest only so deep (they are walked recursively).
`structure_problem` checks all of that without recursion, so a hostile tree cannot exhaust the
stack here either (issue 8). A tree that fails is replaced by `structure_replace`: dropped whole,
and the pages tagged as the pack tags an untagged upload, one Figure per page with alternative
text and its links as Link elements (`PackStructure.add_untagged`), so the document stays tagged.
"""

import pikepdf

from .stamps import PageStamper
from .structure import PackStructure, is_tagged

# Keys are counted from 0, one per page, annotation or XObject: no real document comes near this,
# and a pack adds every document's keys to one offset, which must stay a PDF integer (< 2**31).
LARGEST_KEY = 10_000_000
# Form XObjects inside form XObjects: `structure._move_keys` recurses once per level.
DEEPEST_FORM = 50


def structure_problem(pdf: pikepdf.Pdf) -> str | None:
    """What would stop the pack's structure merge, in a few words, or None if the tree is usable or absent."""
    tree = pdf.Root.get("/StructTreeRoot")
    if tree is None:
        return None
    if not is_tagged(pdf):
        return "the structure tree is empty"
    for key in ("/RoleMap", "/ClassMap"):
        if key in tree and not isinstance(tree[key], pikepdf.Dictionary):
            return f"the structure tree's {key[1:]} is not a dictionary"
    if "/ParentTreeNextKey" in tree and not _is_key(tree.ParentTreeNextKey, allow_end=True):
        return "the structure tree's next key is not a number"
    return _parent_tree_problem(tree.get("/ParentTree")) or _element_problem(tree) or _holder_problem(pdf)


def _is_key(value, *, allow_end: bool = False) -> bool:
    top = LARGEST_KEY + 1 if allow_end else LARGEST_KEY
    return type(value) is int and 0 <= value <= top  # bool is not a key, nor 1.5, nor /Name


def _parent_tree_problem(root) -> str | None:
    if root is None:
        return None
    stack, seen = [root], set()
    while stack:
        node = stack.pop()
        if not isinstance(node, pikepdf.Dictionary):
            return "the parent tree has a node that is not a dictionary"
        if node.is_indirect:
            if node.objgen in seen:
                return "the parent tree loops"
            seen.add(node.objgen)
        nums = node.get("/Nums")
        if nums is not None:
            if not isinstance(nums, pikepdf.Array):
                return "the parent tree's /Nums is not an array"
            if not all(_is_key(nums[i]) for i in range(0, len(nums) - 1, 2)):
                return "the parent tree has a key that is not a number"
        kids = node.get("/Kids")
        if kids is not None:
            if not isinstance(kids, pikepdf.Array):
                return "the parent tree's /Kids is not an array"
            stack.extend(kids)
    return None


def _element_problem(tree: pikepdf.Dictionary) -> str | None:
    """An element met twice (a loop, or one element under two parents), or an object reference
    (/OBJR) to nothing. The merge walks the elements to take out form fields, with no record of
    where it has been: a loop would never end, and shared elements multiply the walk."""
    seen: set[tuple[int, int]] = set()
    stack = _kids(tree)
    while stack:
        element = stack.pop()
        if not isinstance(element, pikepdf.Dictionary):
            continue  # a marked-content id (an integer)
        if element.is_indirect:
            if element.objgen in seen:
                return "the structure tree loops"
            seen.add(element.objgen)
        if "/Obj" in element and not isinstance(element.Obj, pikepdf.Dictionary):
            return "the structure tree refers to an object that does not exist"
        stack.extend(_kids(element))
    return None


def _kids(element: pikepdf.Dictionary) -> list:
    kids = element.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids]


def _holder_problem(pdf: pikepdf.Pdf) -> str | None:
    """Pages, annotations and XObjects carry their parent tree keys; the merge moves each one."""
    for page in pdf.pages:
        if "/StructParents" in page.obj and not _is_key(page.obj.StructParents):
            return "a page's structure key is not a number"
        for annot in page.obj.get("/Annots", ()):
            keyed = isinstance(annot, pikepdf.Dictionary) and "/StructParent" in annot
            if keyed and not _is_key(annot.StructParent):
                return "an annotation's structure key is not a number"
        for xobject, depth in _xobjects(page.obj.get("/Resources")):
            if depth > DEEPEST_FORM:
                return "form XObjects are nested too deep"
            for key in ("/StructParent", "/StructParents"):
                if key in xobject and not _is_key(xobject[key]):
                    return "an XObject's structure key is not a number"
    return None


def _xobjects(resources, seen: set | None = None):
    """(XObject, depth) for every XObject reachable from `resources`, each once, without recursion."""
    seen = set() if seen is None else seen
    stack = [(resources, 1)]
    while stack:
        resources, depth = stack.pop()
        xobjects = resources.get("/XObject") if isinstance(resources, pikepdf.Dictionary) else None
        if not isinstance(xobjects, pikepdf.Dictionary):
            continue
        for xobject in xobjects.values():
            if not isinstance(xobject, pikepdf.Stream) or xobject.objgen in seen:
                continue
            seen.add(xobject.objgen)
            yield xobject, depth
            if xobject.get("/Subtype") == pikepdf.Name.Form:
                stack.append((xobject.get("/Resources"), depth + 1))


def structure_replace(pdf: pikepdf.Pdf, *, alt_text: str = "") -> None:
    """Drop the structure tree and tag the pages afresh, each one a Figure (`alt_text`, as for
    `PdfSection.alt_text`), exactly as the pack tags an untagged upload. The figures and links sit
    straight under the Document element, so a pack, which unwraps a lone Document, places them
    under the document's Part just as it would have placed its own."""
    _drop(pdf)
    structure = PackStructure(pdf, str(pdf.Root.get("/Lang", "")))
    pages = list(pdf.pages)
    structure.add_untagged(pages, title="", alt_text=alt_text)
    stamper = PageStamper(pdf)
    for page in pages:
        stamper.stamp(page.obj, figure=True)  # the page's content becomes /Figure MCID 0
    (part,) = structure.parts
    structure.parts = []
    structure.install()
    elements = list(part.K)
    for element in elements:
        element.P = structure.document
    structure.document.K = pikepdf.Array(elements)


def _drop(pdf: pikepdf.Pdf) -> None:
    """Remove the structure tree and everything that pointed into it: the structure keys of pages,
    annotations and XObjects, and the marked-content ids in the content, which would clash with
    the Figure (MCID 0) each page's content becomes."""
    for key in ("/StructTreeRoot", "/MarkInfo"):
        if key in pdf.Root:
            del pdf.Root[key]
    seen: set = set()
    for page in pdf.pages:
        if "/StructParents" in page.obj:
            del page.obj.StructParents
        for annot in page.obj.get("/Annots", ()):
            if isinstance(annot, pikepdf.Dictionary) and "/StructParent" in annot:
                del annot.StructParent
        _drop_marked_ids(pdf, page.obj)
        for xobject, _ in _xobjects(page.obj.get("/Resources"), seen):
            for key in ("/StructParent", "/StructParents"):
                if key in xobject:
                    del xobject[key]
            if xobject.get("/Subtype") == pikepdf.Name.Form:
                _drop_marked_ids(pdf, xobject)


def _drop_marked_ids(pdf: pikepdf.Pdf, holder: pikepdf.Object) -> None:
    """Take /MCID out of the marked-content properties of a page's or a form's content."""
    try:
        raw = b"".join(s.read_bytes() for s in _content_streams(holder))
        if b"MCID" not in raw:
            return
        instructions = pikepdf.parse_content_stream(holder)
    except pikepdf.PdfError:
        return  # content the parser cannot read is left as it is; the page still shows what it can
    rewritten = []
    for instruction in instructions:  # operators, and inline images, which are kept as they are
        operands = instruction.operands
        marked = str(instruction.operator) == "BDC" and len(operands) == 2
        if not (marked and isinstance(operands[1], pikepdf.Dictionary) and "/MCID" in operands[1]):
            rewritten.append(instruction)
            continue
        properties = pikepdf.Dictionary({k: v for k, v in operands[1].items() if k != "/MCID"})
        if len(properties):
            rewritten.append(([operands[0], properties], pikepdf.Operator("BDC")))
        else:
            rewritten.append(([operands[0]], pikepdf.Operator("BMC")))
    data = pikepdf.unparse_content_stream(rewritten)
    if isinstance(holder, pikepdf.Stream):
        holder.write(data)
    else:
        holder.Contents = pdf.make_stream(data)


def _content_streams(holder: pikepdf.Object) -> list[pikepdf.Stream]:
    if isinstance(holder, pikepdf.Stream):
        return [holder]
    contents = holder.get("/Contents")
    if isinstance(contents, pikepdf.Stream):
        return [contents]
    if isinstance(contents, pikepdf.Array):
        return [s for s in contents if isinstance(s, pikepdf.Stream)]
    return []
