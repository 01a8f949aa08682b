"""Reading everything a reader can reach about a meeting, to look for exempt material in it (R4).

`surfaces_of(client, meeting)` follows every door a reader has: the meeting page, every link on it,
and every address the URLconf offers for the meeting's items, reports and appendices (linked or not),
and reads each answer as text: a page's HTML, or a PDF's page text, bookmarks, structure-tree titles and
alternative texts, link texts, document information and XMP metadata.
"""

import io
import re
from dataclasses import dataclass, field

import pikepdf
from pypdf import PdfReader

from meetings.models import AgendaItem, AgendaPack, Meeting
from reports.models import Appendix

_HREF = re.compile(r'href="(/[^"#]*)"')


@dataclass
class Surfaces:
    """What one reader got: {address: text read there}, and the raw bytes of every file they got."""

    texts: dict[str, str] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)

    def containing(self, secret: str) -> list[str]:
        return [address for address, text in self.texts.items() if secret in text]


def _walk_structure(node, found: list[str], seen: set) -> None:
    if isinstance(node, pikepdf.Array):
        for kid in node:
            _walk_structure(kid, found, seen)
        return
    if not isinstance(node, pikepdf.Dictionary):
        return
    key = node.objgen
    if key != (0, 0):
        if key in seen:
            return
        seen.add(key)
    for name in ("/T", "/Alt", "/ActualText", "/E", "/Lang"):
        if name in node:
            found.append(str(node[name]))
    if "/K" in node:
        _walk_structure(node.K, found, seen)


def pdf_text(data: bytes) -> str:
    """Every string a reader or a screen reader can get out of a PDF, one per line."""
    found: list[str] = []
    reader = PdfReader(io.BytesIO(data))
    found += [page.extract_text() for page in reader.pages]

    def outline(entries):
        for entry in entries:
            if isinstance(entry, list):
                outline(entry)
            else:
                found.append(entry.title)

    outline(reader.outline)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        found += [f"{key}: {value}" for key, value in pdf.docinfo.items()]
        if "/Metadata" in pdf.Root:
            found.append(pdf.Root.Metadata.read_bytes().decode("utf-8", "replace"))
        if "/StructTreeRoot" in pdf.Root:
            _walk_structure(pdf.Root.StructTreeRoot, found, set())
        for page in pdf.pages:
            for annotation in page.get("/Annots", []):
                for name in ("/Contents", "/TU"):
                    if name in annotation:
                        found.append(str(annotation[name]))
                action = annotation.get("/A")
                if action is not None and "/URI" in action:
                    found.append(str(action.URI))
    return "\n".join(found)


def _candidate_addresses(meeting: Meeting) -> list[str]:
    """Every address the URLconf offers for this meeting's papers, whether or not a page links it."""
    addresses = [
        f"/meetings/{meeting.pk}/",
        f"/meetings/{meeting.pk}/pack.pdf",
        f"/meetings/{meeting.pk}/pack-confidential.pdf",
    ]
    for supplement in meeting.supplements.all():
        addresses += [
            f"/meetings/{meeting.pk}/supplements/{supplement.number}/pack.pdf",
            f"/meetings/{meeting.pk}/supplements/{supplement.number}/pack-confidential.pdf",
        ]
    for item in AgendaItem.objects.filter(meeting=meeting):
        addresses.append(f"/meetings/{meeting.pk}/items/{item.pk}/document.pdf")
        for link in item.report_links.all():
            report = link.report_id
            addresses += [
                f"/reports/{report}/",
                f"/reports/{report}/pdf/",
                f"/reports/{report}/versions/",
                f"/reports/{report}/versions/compare/?a=1&b=2",
            ]
            for appendix in Appendix.objects.filter(report_id=report):
                addresses.append(f"/reports/{report}/appendices/{appendix.pk}/file/")
    return addresses


def stored_file_addresses(name: str) -> list[str]:
    """Where a stored file would answer if storage were public: the guesses a prober makes."""
    return [f"/media/{name}", f"/documents/{name}", f"/{name}", f"/static/{name}"]


def surfaces_of(client, meeting: Meeting) -> Surfaces:
    """Everything `client` can read about the meeting, following links one step from its page."""
    surfaces = Surfaces()
    queue = _candidate_addresses(meeting)
    page = client.get(meeting.get_absolute_url())
    if page.status_code == 200:
        queue += _HREF.findall(page.content.decode())
    done = set()
    for address in queue:
        address = address.replace("&amp;", "&")
        if address in done or address.startswith(("/static/", "/accounts/", "/staff/")):
            continue
        done.add(address)
        response = client.get(address)
        if response.status_code != 200:
            continue
        # Reading a streamed file to the end closes it (the test client's wrapper does, without the
        # signal that would close the test's database connection).
        body = b"".join(response.streaming_content) if response.streaming else response.content
        surfaces.files[address] = body
        if response["Content-Type"].startswith("application/pdf"):
            surfaces.texts[address] = pdf_text(body)
        else:
            surfaces.texts[address] = body.decode("utf-8", "replace")
    return surfaces


def pack_files(meeting: Meeting) -> dict[str, bytes]:
    """The stored bytes of each of the meeting's packs, by variant (and supplement)."""
    found = {}
    for pack in AgendaPack.objects.filter(meeting=meeting).select_related("supplement"):
        which = f"supplement {pack.supplement.number}" if pack.supplement_id else "agenda"
        with pack.file.open("rb") as file:
            found[f"{which} {pack.variant}"] = file.read()
    return found
