"""Taking the active content out of an uploaded PDF: what runs, launches, submits or is attached (issue 8).

A published appendix is opened by anyone, so it may only move the reader around: links to web
addresses (http, https, mailto, tel), links within the document, and page navigation are kept.
Everything else an action can do is removed wherever the PDF keeps actions (ISO 32000-1 §12.6):

- the catalog's /OpenAction and /AA, the document's scripts (/Names /JavaScript), pages' /AA,
  annotations' /A and /AA, form fields' /AA, bookmarks' /A, and every action chained by /Next;
- a link whose only action was removed goes too (a /Launch or JavaScript link);
- embedded files: /Names /EmbeddedFiles, portfolios (/Collection), associated files (/AF), a
  file specification's embedded streams (/EF, /RF), and file-attachment and multimedia annotations;
- form scripts: XFA (/AcroForm /XFA), and field actions as above.
"""

import re

import pikepdf

_SAFE_ACTIONS = {"/GoTo", "/URI", "/Named", "/Thread", "/SetOCGState", "/Hide", "/Trans"}
_SAFE_NAMED = {"/NextPage", "/PrevPage", "/FirstPage", "/LastPage"}
_SAFE_SCHEMES = {"http", "https", "mailto", "tel"}
_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):")
# Annotations that carry a file or play media (and with it, scripts): never in a published paper.
_FILE_ANNOTATIONS = {"/FileAttachment", "/Sound", "/Movie", "/Screen", "/RichMedia", "/3D"}
_NAME_TREES = {
    "/JavaScript": "JavaScript",
    "/EmbeddedFiles": "embedded files",
    "/AlternatePresentations": "JavaScript",
    "/Renditions": "multimedia",
}
_FILE_KEYS = ("/EF", "/RF", "/AF")


def remove_active_content(pdf: pikepdf.Pdf) -> list[str]:
    """Strip `pdf` in place (see the module docstring). Returns what was removed, in words."""
    removed: list[str] = []
    root = pdf.Root
    opening = root.get("/OpenAction")
    if isinstance(opening, pikepdf.Dictionary):
        _clean_action_key(root, "/OpenAction", removed)
    elif opening is not None and not isinstance(opening, pikepdf.Array):  # an array is a destination
        del root.OpenAction
        removed.append("broken actions")
    _clean_additional_actions(root, removed)
    if "/Collection" in root:  # a portfolio: a cover sheet for its embedded files
        del root.Collection
        removed.append("embedded files")
    names = root.get("/Names")
    if isinstance(names, pikepdf.Dictionary):
        for key, what in _NAME_TREES.items():
            if key in names:
                del names[key]
                removed.append(what)
    _clean_outline(root.get("/Outlines"), removed)
    fields = _clean_form(root.get("/AcroForm"), removed)
    for page in pdf.pages:
        _clean_additional_actions(page.obj, removed)
        _clean_annotations(page.obj, fields, removed)
    for obj in pdf.objects:  # embedded files wherever a file specification or /AF holds them
        if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
            for key in _FILE_KEYS:
                if key in obj:
                    del obj[key]
                    removed.append("embedded files")
    return removed


def _clean_annotations(page: pikepdf.Dictionary, fields: set, removed: list[str]) -> None:
    annots = page.get("/Annots")
    if not isinstance(annots, pikepdf.Array):
        return
    kept = []
    for annot in annots:
        if not isinstance(annot, pikepdf.Dictionary):
            continue
        if annot.get("/Subtype") in _FILE_ANNOTATIONS:
            removed.append("embedded files" if annot.Subtype == pikepdf.Name.FileAttachment else "multimedia")
            continue
        if annot.get("/Subtype") == pikepdf.Name.Widget and annot.objgen not in fields:
            # A form field no form lists: broken (Acrobat may not show it; pikepdf warns on saving
            # it), and a pack drops every form field anyway.
            removed.append("unlisted form fields")
            continue
        _clean_additional_actions(annot, removed)
        emptied = "/A" in annot and not _clean_action_key(annot, "/A", removed)
        if emptied and annot.get("/Subtype") == pikepdf.Name.Link and "/Dest" not in annot:
            continue  # a link that only launched or ran something leads nowhere now
        kept.append(annot)
    if len(kept) != len(annots):
        page.Annots = pikepdf.Array(kept)


def _clean_outline(outlines, removed: list[str]) -> None:
    if not isinstance(outlines, pikepdf.Dictionary):
        return
    stack, seen = [outlines.get("/First")], set()
    while stack:
        item = stack.pop()
        if not isinstance(item, pikepdf.Dictionary) or item.objgen in seen:
            continue  # bookmarks are indirect objects; one met twice is a loop
        seen.add(item.objgen)
        if "/A" in item:
            _clean_action_key(item, "/A", removed)
        stack.extend((item.get("/Next"), item.get("/First")))


def _clean_form(form, removed: list[str]) -> set[tuple[int, int]]:
    """Strip the form's scripts and its fields' actions. Returns the fields (and widgets) it lists."""
    seen: set[tuple[int, int]] = set()
    if not isinstance(form, pikepdf.Dictionary):
        return seen
    if "/XFA" in form:
        del form.XFA
        removed.append("form scripts")
    fields = form.get("/Fields")
    stack = list(fields) if isinstance(fields, pikepdf.Array) else []
    while stack:
        field = stack.pop()
        if not isinstance(field, pikepdf.Dictionary) or (field.is_indirect and field.objgen in seen):
            continue
        if field.is_indirect:
            seen.add(field.objgen)
        _clean_additional_actions(field, removed)
        if "/A" in field:
            _clean_action_key(field, "/A", removed)
        kids = field.get("/Kids")
        stack.extend(kids if isinstance(kids, pikepdf.Array) else ())
    return seen


def _clean_additional_actions(holder: pikepdf.Dictionary, removed: list[str]) -> None:
    """/AA: actions run by events (opening a page or the document, printing, typing in a field)."""
    triggers = holder.get("/AA")
    if triggers is None:
        return
    if isinstance(triggers, pikepdf.Dictionary):
        for event in list(triggers.keys()):
            _clean_action_key(triggers, event, removed)
        if len(triggers):
            return
    else:
        removed.append("broken actions")
    del holder.AA


def _clean_action_key(holder: pikepdf.Dictionary, key: str, removed: list[str]) -> bool:
    """Clean the action chain at holder[key]; remove the key if nothing safe is left. True if kept."""
    chain, unsafe = _chain(holder[key])
    if not unsafe:
        return True
    removed.extend(unsafe)
    if not chain:
        del holder[key]
        return False
    for action in chain:
        if "/Next" in action:
            del action.Next
    first = chain[0]
    if len(chain) > 1:
        first.Next = pikepdf.Array(chain[1:])
    holder[key] = first
    return True


def _chain(action) -> tuple[list[pikepdf.Dictionary], list[str]]:
    """The safe actions of a chain in the order a viewer runs them, and what was unsafe in it.

    A viewer runs an action, then each of its /Next in turn, depth first; so the safe ones, in that
    order and chained one after another, do what the original did less what was removed. A chain
    that loops is cut where it comes round again.
    """
    safe, unsafe, seen = [], [], set()
    stack = [action]
    while stack:
        node = stack.pop()
        if not isinstance(node, pikepdf.Dictionary):
            if node is not None:
                unsafe.append("broken actions")
            continue
        if node.is_indirect:
            if node.objgen in seen:
                unsafe.append("broken actions")
                continue
            seen.add(node.objgen)
        what = _unsafe(node)
        if what:
            unsafe.append(what)
        else:
            safe.append(node)
        following = node.get("/Next")
        following = list(following) if isinstance(following, pikepdf.Array) else [following]
        stack.extend(reversed(following))
    return safe, unsafe


def _unsafe(action: pikepdf.Dictionary) -> str:
    """What is wrong with one action (ignoring its /Next), in words; "" if it is safe."""
    kind = str(action.get("/S", ""))
    if kind not in _SAFE_ACTIONS:
        return {
            "/JavaScript": "JavaScript",
            "/Launch": "launch actions",
            "/SubmitForm": "form actions",
            "/ImportData": "form actions",
            "/ResetForm": "form actions",
            "/GoToR": "links to other files",
            "/GoToE": "embedded files",
        }.get(kind, "other actions")
    if kind == "/Named" and action.get("/N") not in _SAFE_NAMED:
        return "other actions"
    if kind == "/URI" and not _safe_uri(action.get("/URI")):
        return "JavaScript" if "javascript" in _plain(action.get("/URI")) else "links to other files"
    return ""


def _plain(uri) -> str:
    """The address as a browser reads it: control characters and spaces dropped, lower case."""
    text = str(uri) if isinstance(uri, pikepdf.String) else ""
    return "".join(c for c in text if c > " ").lower()


def _safe_uri(uri) -> bool:
    """A web, mail or telephone address, or one with no scheme (relative); never javascript: or file:."""
    if not isinstance(uri, pikepdf.String):
        return False
    scheme = _SCHEME.match(_plain(uri))
    return scheme is None or scheme[1] in _SAFE_SCHEMES
