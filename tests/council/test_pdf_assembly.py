"""Agenda pack assembly: one tagged PDF, continuous "Page N" stamps, bookmarks, labels and links."""

import functools
import io
import logging
import re
from decimal import Decimal

import pikepdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from council.documents import (
    PACK_PAGE_LINK,
    AssembledPdf,
    PdfSection,
    assemble_pdf,
    pdf_page_count,
    render_pdf,
)


def _html(body: str) -> str:
    return f'<!doctype html><html lang="en-GB"><head><meta charset="utf-8"></head><body>{body}</body></html>'


def _new_page() -> str:
    return '<p style="break-before: page">'


@functools.cache
def _front_sheet() -> bytes:
    return render_pdf(
        html=_html(
            "<h1>Cabinet – 13 July 2026</h1>"
            f'<p>8. Budget monitoring: <a href="{PACK_PAGE_LINK.format(number=3)}">pages 3 to 4</a></p>'
            f'<p>Broken: <a href="{PACK_PAGE_LINK.format(number=99)}">nowhere</a></p>'
        ),
        title="Cabinet agenda",
    )


@functools.cache
def _report() -> bytes:
    """Two pages, with a link out and a link within (a named destination)."""
    return render_pdf(
        html=_html(
            "<h1>Budget monitoring</h1>"
            '<p>Figures at <a href="https://example.org/budget">the budget site</a> and in the '
            '<a href="#annex">annex</a>.</p>'
            f'{_new_page()}Continued.</p><h2 id="annex">Annex</h2><p>Table.</p>'
        ),
        title="Budget monitoring",
    )


@functools.cache
def _tagged(pages: int) -> bytes:
    body = "<h1>Minutes</h1><p>Opening.</p>" + "".join(
        f"{_new_page()}Part {n}.</p>" for n in range(2, pages + 1)
    )
    return render_pdf(html=_html(body), title=f"Minutes ({pages})")


def _untagged(pages: int = 2, *, rotate: int = 0, crop: tuple | None = None, annots: bool = False) -> bytes:
    """A scan-like PDF with no structure tree: rectangles, no text."""
    pdf = pikepdf.new()
    for _ in range(pages):
        pdf.add_blank_page(page_size=(842, 595))
        page = pdf.pages[-1].obj
        # Leaves a flipped coordinate system behind, which must not reach the stamps.
        page.Contents = pdf.make_stream(b"0 0 1 rg 100 100 200 200 re f 1 0 0 -1 0 595 cm")
        if rotate:
            page.Rotate = rotate
        if crop:
            page.CropBox = pikepdf.Array(crop)
        if annots:
            page.Annots = pikepdf.Array(
                [
                    pdf.make_indirect(
                        pikepdf.Dictionary(
                            Type=pikepdf.Name.Annot,
                            Subtype=pikepdf.Name.Link,
                            Rect=[100, 100, 300, 300],
                            A=pikepdf.Dictionary(
                                S=pikepdf.Name.URI, URI=pikepdf.String("https://example.org/map")
                            ),
                        )
                    ),
                    pdf.make_indirect(
                        pikepdf.Dictionary(
                            Type=pikepdf.Name.Annot,
                            Subtype=pikepdf.Name.Text,
                            Rect=[0, 0, 20, 20],
                            Contents=pikepdf.String("Reviewer's note"),
                        )
                    ),
                ]
            )
    output = io.BytesIO()
    pdf.save(output)
    return output.getvalue()


@pytest.fixture(scope="module")
def pack() -> AssembledPdf:
    """Front sheet (1 page), report (2), untagged appendix (2, exempt), minutes (3): 8 pages, 7 numbered."""
    return assemble_pdf(
        [
            PdfSection(_front_sheet(), bookmarks=("Agenda",), numbered=False),
            PdfSection(_report(), bookmarks=("8. Budget monitoring", "Report")),
            PdfSection(
                _untagged(rotate=90, crop=(21, 10, 821, 585), annots=True),
                bookmarks=("8. Budget monitoring", "Appendix A"),
                top_stamp="NOT FOR PUBLICATION",
                alt_text="Map of the ward boundaries",
            ),
            PdfSection(_tagged(3), bookmarks=("9. Minutes",)),
        ],
        title="Cabinet, 13 July 2026: Agenda pack",
        author="Ravensmoor Borough Council",
        subject="Cabinet – 13 July 2026",
    )


@pytest.fixture(scope="module")
def pdf(pack):
    with pikepdf.open(io.BytesIO(pack.pdf)) as document:
        yield document


def _page_index(pdf: pikepdf.Pdf) -> dict[tuple[int, int], int]:
    return {page.obj.objgen: index for index, page in enumerate(pdf.pages)}


def _streams(page: pikepdf.Page) -> list[pikepdf.Stream]:
    contents = page.obj.Contents
    return list(contents) if isinstance(contents, pikepdf.Array) else [contents]


def _struct_elements(root: pikepdf.Dictionary):
    """Every structure element under `root`, with its parent, depth first."""
    stack = [(kid, root) for kid in root.K]
    while stack:
        element, parent = stack.pop()
        yield element, parent
        kids = element.get("/K")
        kids = kids if isinstance(kids, pikepdf.Array) else [kids]
        stack.extend((kid, element) for kid in kids if isinstance(kid, pikepdf.Dictionary) and "/S" in kid)


def test_assemble_pdf_page_counts(pack):
    assert (pack.page_count, pack.numbered_pages) == (8, 7)
    assert pdf_page_count(pack.pdf) == 8


def test_assemble_pdf_stamps_page_numbers_after_front_sheet(pack):
    texts = [page.extract_text() for page in PdfReader(io.BytesIO(pack.pdf)).pages]

    assert [re.findall(r"Page \d+", text) for text in texts] == [
        [],
        ["Page 1"],
        ["Page 2"],
        ["Page 3"],
        ["Page 4"],
        ["Page 5"],
        ["Page 6"],
        ["Page 7"],
    ]
    assert [text.count("NOT FOR PUBLICATION") for text in texts] == [0, 0, 0, 1, 1, 0, 0, 0]


def test_assemble_pdf_stamps_are_pagination_artifacts_in_embedded_font(pdf):
    for index, page in enumerate(pdf.pages):
        stamps = [pikepdf.parse_content_stream(s) for s in _streams(page) if b"/Artifact" in s.read_bytes()]
        kinds = []
        for operators in stamps:
            names = [str(instruction.operator) for instruction in operators]
            assert names == ["q", "BDC", "g", "BT", "Tf", "Tm", "Tj", "ET", "EMC", "Q"]
            tag, properties = operators[1].operands
            assert (tag, properties.Type) == ("/Artifact", "/Pagination")
            kinds.append((str(properties.Subtype), bytes(operators[6].operands[0]).decode()))
        expected = [("/Footer", f"Page {index}")] if index else []
        if index in (3, 4):
            expected.append(("/Header", "NOT FOR PUBLICATION"))
        assert kinds == expected
    fonts = {page.obj.Resources.Font.WitanPageStamp.objgen for page in pdf.pages[1:]}
    assert len(fonts) == 1  # one embedded font, shared by every page
    font = pdf.pages[1].obj.Resources.Font.WitanPageStamp
    assert (font.Subtype, font.Encoding, font.BaseFont) == (
        "/TrueType",
        "/WinAnsiEncoding",
        "/WITANR+LiberationSans",
    )
    assert len(font.FontDescriptor.FontFile2.read_bytes()) == int(font.FontDescriptor.FontFile2.Length1)
    bold = pdf.pages[3].obj.Resources.Font.WitanPageStampBold
    assert (bold.BaseFont, "/FontFile2" in bold.FontDescriptor) == ("/WITANB+LiberationSans-Bold", True)


def test_assemble_pdf_stamp_upright_on_rotated_cropped_page(pdf):
    # Appendix page: MediaBox 842×595, CropBox [21 10 821 585], turned 90° for reading. The footer
    # runs up the page's own y axis, 1 cm in from the crop's right edge (which the reader sees as
    # the bottom), centred on its 575 pt: "Page 3" is 30.1 pt wide at 9.5 pt.
    [footer] = [s for s in _streams(pdf.pages[3]) if b"/Footer" in s.read_bytes()]
    matrix = next(i for i in pikepdf.parse_content_stream(footer) if str(i.operator) == "Tm")

    assert list(matrix.operands) == [0, 1, -1, 0, Decimal("792.654"), Decimal("282.447")]


def test_assemble_pdf_one_document_element_with_a_part_per_section(pdf):
    root = pdf.Root.StructTreeRoot
    [document] = root.K
    parts = list(document.K)

    assert document.S == "/Document"
    assert [(str(p.S), str(p.get("/T", ""))) for p in parts] == [
        ("/Part", "Agenda"),
        ("/Part", "Report"),
        ("/Part", "Appendix A"),
        ("/Part", "9. Minutes"),
    ]
    assert [str(kid.S) for kid in parts[1].K] == ["/H1", "/P", "/P", "/H2", "/P"]  # no nested /Document
    assert [(str(kid.S), str(kid.get("/Alt", ""))) for kid in parts[2].K] == [
        ("/Figure", "Map of the ward boundaries, page 1 of 2"),
        ("/Link", ""),
        ("/Figure", "Map of the ward boundaries, page 2 of 2"),
        ("/Link", ""),
    ]
    assert bool(pdf.Root.MarkInfo.Marked) is True


def test_assemble_pdf_structure_points_at_pack_pages(pdf):
    pages = _page_index(pdf)
    elements = list(_struct_elements(pdf.Root.StructTreeRoot))

    assert len(elements) > 30
    assert all(element.P.objgen == parent.objgen for element, parent in elements)
    assert all(element.Pg.objgen in pages for element, _ in elements if "/Pg" in element)
    pages_with_content = {pages[element.Pg.objgen] for element, _ in elements if "/Pg" in element}
    assert pages_with_content == set(range(8))


def test_assemble_pdf_parent_tree_keys_unique_and_complete(pdf):
    root = pdf.Root.StructTreeRoot
    nums = root.ParentTree.Nums
    keys = [int(nums[i]) for i in range(0, len(nums), 2)]
    page_keys = [int(page.obj.StructParents) for page in pdf.pages]
    annot_keys = [int(a.StructParent) for page in pdf.pages for a in page.obj.get("/Annots", ())]

    assert "/Kids" not in root.ParentTree
    assert keys == sorted(set(keys))
    assert len(set(page_keys + annot_keys)) == len(page_keys) + len(annot_keys)
    assert set(page_keys + annot_keys) == set(keys)
    assert int(root.ParentTreeNextKey) == max(keys) + 1
    # Each page's entry lists the structure elements of its marked content, all on that page.
    for page, key in zip(pdf.pages, page_keys, strict=True):
        entries = nums[keys.index(key) * 2 + 1]
        assert {element.Pg.objgen for element in entries} == {page.obj.objgen}


def test_assemble_pdf_untagged_page_content_is_one_figure(pdf):
    page = pdf.pages[3].obj
    opening, scan = page.Contents[0].read_bytes(), page.Contents[1].read_bytes()
    figure = pdf.Root.StructTreeRoot.ParentTree.Nums

    assert opening == b"/Figure <</MCID 0>> BDC\nq\n"
    assert page.Contents[2].read_bytes() == b"\nQ\nEMC\n"
    assert scan.startswith(b"0 0 1 rg")
    keys = [int(figure[i]) for i in range(0, len(figure), 2)]
    [element] = figure[keys.index(int(page.StructParents)) * 2 + 1]
    assert (element.S, element.K, element.Pg.objgen) == ("/Figure", 0, page.objgen)


def test_assemble_pdf_untagged_links_tagged_and_notes_dropped(pdf):
    [link] = pdf.pages[3].obj.Annots
    nums = pdf.Root.StructTreeRoot.ParentTree.Nums
    keys = [int(nums[i]) for i in range(0, len(nums), 2)]
    element = nums[keys.index(int(link.StructParent)) * 2 + 1]

    assert (link.Subtype, str(link.Contents)) == ("/Link", "https://example.org/map")
    assert element.S == "/Link"
    assert element.K[0].Obj.objgen == link.objgen


def test_assemble_pdf_bookmarks_nested_with_first_pages(pdf):
    pages = _page_index(pdf)
    with pdf.open_outline() as outline:
        tree = [
            (
                item.title,
                pages[item.destination[0].objgen],
                item.is_closed,
                [(child.title, pages[child.destination[0].objgen]) for child in item.children],
            )
            for item in outline.root
        ]

    assert tree == [
        ("Agenda", 0, False, []),
        ("8. Budget monitoring", 1, False, [("Report", 1), ("Appendix A", 3)]),
        ("9. Minutes", 5, False, []),
    ]
    assert pdf.Root.PageMode == "/UseOutlines"


def test_assemble_pdf_page_labels_match_stamps(pack):
    assert PdfReader(io.BytesIO(pack.pdf)).page_labels == ["i", "1", "2", "3", "4", "5", "6", "7"]


def test_assemble_pdf_page_labels_for_supplement_after_numbered_pages():
    pack = assemble_pdf(
        [
            PdfSection(_tagged(2), numbered=False),
            PdfSection(_tagged(2)),
            PdfSection(_untagged(2), numbered=False),
            PdfSection(_tagged(1)),
            PdfSection(_untagged(1), numbered=False),
        ],
        title="T",
    )

    assert PdfReader(io.BytesIO(pack.pdf)).page_labels == [
        "i", "ii", "1", "2", "Supplement 1", "Supplement 2", "3", "Supplement 3",
    ]  # fmt: skip


def test_render_pdf_pack_page_link_is_a_uri_annotation_not_fetched(caplog):
    caplog.set_level(logging.INFO, logger="weasyprint")
    pdf = pikepdf.open(io.BytesIO(_front_sheet.__wrapped__()))

    [link, broken] = pdf.pages[0].obj.Annots
    assert str(link.A.URI) == "https://documents.witan.invalid/pack/page/3"
    assert str(broken.A.URI) == "https://documents.witan.invalid/pack/page/99"
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []


def test_assemble_pdf_front_sheet_link_goes_to_stamped_page(pdf):
    pages = _page_index(pdf)
    [link, broken] = pdf.pages[0].obj.Annots

    assert "/A" not in link
    assert pages[link.Dest[0].objgen] == 3
    assert list(link.Dest)[1:] == ["/XYZ", None, None, None]
    assert str(link.Contents) == "Page 3"
    # Still tagged: its Link element's object reference is this annotation.
    nums = pdf.Root.StructTreeRoot.ParentTree.Nums
    keys = [int(nums[i]) for i in range(0, len(nums), 2)]
    assert nums[keys.index(int(link.StructParent)) * 2 + 1].K[0].Obj.objgen == link.objgen
    # No page is stamped 99: that link is left as it was.
    assert str(broken.A.URI) == PACK_PAGE_LINK.format(number=99)


def test_assemble_pdf_report_internal_link_still_resolves(pdf):
    pages = _page_index(pdf)
    [external, internal] = pdf.pages[1].obj.Annots
    destinations = pikepdf.NameTree(pdf.Root.Names.Dests)

    assert str(external.A.URI) == "https://example.org/budget"
    assert pages[destinations[str(internal.Dest)].D[0].objgen] == 2


def test_assemble_pdf_title_language_and_pdf_ua_claim(pdf):
    assert str(pdf.Root.Lang) == "en-GB"
    assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle) is True
    assert str(pdf.docinfo.Title) == "Cabinet, 13 July 2026: Agenda pack"
    assert str(pdf.docinfo.Author) == "Ravensmoor Borough Council"
    assert str(pdf.docinfo.Subject) == "Cabinet – 13 July 2026"
    assert str(pdf.docinfo.Producer) == "Witan"
    assert pdf.pdf_version == "1.7"
    assert "/Outlines" in pdf.Root and "/AcroForm" not in pdf.Root and "/OpenAction" not in pdf.Root
    with pdf.open_metadata() as xmp:
        assert xmp["dc:title"] == "Cabinet, 13 July 2026: Agenda pack"
        assert xmp["dc:language"] == {"en-GB"}
        assert xmp["pdfuaid:part"] == "1"


def test_assemble_pdf_section_language_kept_on_its_part():
    welsh = render_pdf(
        html=_html("<h1>Adroddiad</h1>").replace("en-GB", "cy"), title="Adroddiad", language="cy"
    )

    pack = assemble_pdf([PdfSection(_tagged(1)), PdfSection(welsh, bookmarks=("Adroddiad",))], title="T")

    with pikepdf.open(io.BytesIO(pack.pdf)) as pdf:
        [document] = pdf.Root.StructTreeRoot.K
        assert [str(part.get("/Lang", "")) for part in document.K] == ["", "cy"]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(1, 5), st.booleans()), min_size=1, max_size=5))
def test_assemble_pdf_stamps_run_from_one_in_page_order(sections):
    """Any mix of tagged and untagged documents of 1 to 5 pages is stamped 1, 2, 3… in order."""
    pack = assemble_pdf(
        [PdfSection(_tagged(pages) if tagged else _untagged(pages)) for pages, tagged in sections], title="T"
    )
    total = sum(pages for pages, _ in sections)

    stamps = [re.findall(r"Page \d+", p.extract_text()) for p in PdfReader(io.BytesIO(pack.pdf)).pages]
    assert stamps == [[f"Page {n}"] for n in range(1, total + 1)]
    assert pack.numbered_pages == total


def _with_form_field(pdf_bytes: bytes) -> bytes:
    """A tagged PDF with a text field whose widget is tagged (a Form element), as Word exports them."""
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        page = pdf.pages[0].obj
        tree = pdf.Root.StructTreeRoot
        nums = tree.ParentTree.Nums
        key = max(int(nums[i]) for i in range(0, len(nums), 2)) + 1
        widget = pdf.make_indirect(
            pikepdf.Dictionary(
                Type=pikepdf.Name.Annot,
                Subtype=pikepdf.Name.Widget,
                FT=pikepdf.Name.Tx,
                T=pikepdf.String("Name"),
                Rect=[100, 100, 300, 120],
                StructParent=key,
            )
        )
        page.Annots = pikepdf.Array([*page.get("/Annots", ()), widget])
        [document] = tree.K
        form = pdf.make_indirect(
            pikepdf.Dictionary(
                Type=pikepdf.Name.StructElem,
                S=pikepdf.Name.Form,
                P=document,
                Pg=page,
                K=pikepdf.Array([pikepdf.Dictionary(Type=pikepdf.Name.OBJR, Obj=widget, Pg=page)]),
            )
        )
        document.K.append(form)
        nums.extend([key, form])
        pdf.Root.AcroForm = pikepdf.Dictionary(Fields=pikepdf.Array([widget]))
        output = io.BytesIO()
        pdf.save(output)
    return output.getvalue()


def test_assemble_pdf_form_fields_left_out_of_pages_and_structure():
    pack = assemble_pdf([PdfSection(_with_form_field(_tagged(1)))], title="T")

    with pikepdf.open(io.BytesIO(pack.pdf)) as pdf:
        [document] = pdf.Root.StructTreeRoot.K
        [part] = document.K
        assert "/AcroForm" not in pdf.Root
        assert "/Annots" not in pdf.pages[0].obj or len(pdf.pages[0].obj.Annots) == 0
        assert [(str(kid.S), len(kid.K)) for kid in part.K if kid.S == "/Form"] == [("/Form", 0)]


def test_assemble_pdf_three_hundred_pages_numbered_to_the_end():
    pack = assemble_pdf(
        [PdfSection(_tagged(15), bookmarks=(f"{n}. Item", "Report")) for n in range(1, 21)], title="T"
    )

    reader = PdfReader(io.BytesIO(pack.pdf))
    assert (pack.page_count, pack.numbered_pages) == (300, 300)
    assert [re.findall(r"Page \d+", reader.pages[i].extract_text()) for i in (0, 14, 15, 299)] == [
        ["Page 1"],
        ["Page 15"],
        ["Page 16"],
        ["Page 300"],
    ]
    with pikepdf.open(io.BytesIO(pack.pdf)) as pdf:
        [document] = pdf.Root.StructTreeRoot.K
        assert len(document.K) == 20
        assert int(pdf.Root.StructTreeRoot.ParentTreeNextKey) == 300
        assert len({int(page.obj.StructParents) for page in pdf.pages}) == 300
