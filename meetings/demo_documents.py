"""The PDFs the demo uploads: minutes bound into packs, and two long schedules printed from spreadsheets.

They are real files, made when the demo loads, so nothing binary is kept in the repository:

- minutes are print HTML rendered by the document engine (`council.documents.render_pdf`), as a
  clerk's minutes exported to PDF would be;
- the schedules (a capital programme and an asset register, 60 to 80 pages each) are written directly
  with pikepdf, page by page, as a spreadsheet's "print to PDF" would write them: a grid of text in a
  standard font, untagged, as many uploads are. Rendering that many table pages through HTML would take
  WeasyPrint half a minute (about 4 pages a second); this takes a fraction of a second.

The schedules leave the bottom margin free, where the pack stamps its page numbers.
"""

from dataclasses import dataclass, replace
from functools import lru_cache
from io import BytesIO

import pikepdf
from django.utils.html import format_html, format_html_join

from council.documents import render_pdf

from .demo_data import tables, year_words

# A4 landscape, in points.
PAGE_WIDTH, PAGE_HEIGHT = 842, 595
LEFT, TOP, BOTTOM = 36, 550, 60
ROW_HEIGHT = 11
FONT_SIZE = 7
ROWS_PER_PAGE = (TOP - 12 - BOTTOM) // ROW_HEIGHT
# Advance widths of Helvetica (per 1,000 units of the font size) for the characters a figure uses;
# anything else is taken as an average letter.
_WIDTHS = {**dict.fromkeys("0123456789£", 556), ",": 278, ".": 278, "-": 333, " ": 278}
_AVERAGE_WIDTH = 520


def _text_width(text: str, size: float) -> float:
    return sum(_WIDTHS.get(char, _AVERAGE_WIDTH) for char in text) * size / 1000


def _pdf_string(text: str) -> bytes:
    raw = text.encode("cp1252", errors="replace")  # WinAnsiEncoding, the standard fonts' encoding
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _fit(text: str, width: float, size: float) -> str:
    """The text, shortened with an ellipsis if it would overflow its column."""
    if _text_width(text, size) <= width - 4:
        return text
    while text and _text_width(text + "…", size) > width - 4:
        text = text[:-1]
    return text.rstrip() + "…"


def _show(font: str, size: float, x: float, y: float, text: str) -> bytes:
    return b"BT /%s %g Tf %g %g Td %s Tj ET\n" % (font.encode(), size, x, y, _pdf_string(text))


@dataclass(frozen=True)
class Schedule:
    title: str
    subtitle: str
    columns: tuple[tuple[str, int], ...]  # (heading, width in points)
    right_aligned: frozenset[int]  # the columns of figures


def _page(schedule: Schedule, rows: list[tuple], *, sheet: int, sheets: int) -> bytes:
    parts = [
        _show("F2", 11, LEFT, TOP + 20, schedule.title),
        _show("F1", 8, LEFT, TOP + 8, f"{schedule.subtitle}. Sheet {sheet} of {sheets}."),
        b"0.6 G 0.5 w\n",
    ]
    y = TOP - 12
    x = LEFT
    for number, (name, width) in enumerate(schedule.columns):
        offset = width - 4 - _text_width(name, FONT_SIZE) if number in schedule.right_aligned else 0
        parts.append(_show("F2", FONT_SIZE, x + max(offset, 0), y, name))
        x += width
    parts.append(b"%g %g m %g %g l S\n" % (LEFT, y - 4, x, y - 4))
    for row in rows:
        y -= ROW_HEIGHT
        x = LEFT
        for number, ((_name, width), value) in enumerate(zip(schedule.columns, row, strict=True)):
            text = _fit(str(value), width, FONT_SIZE)
            offset = width - 4 - _text_width(text, FONT_SIZE) if number in schedule.right_aligned else 0
            parts.append(_show("F1", FONT_SIZE, x + offset, y, text))
            x += width
    return b"".join(parts)


def schedule_pdf(schedule: Schedule, rows: list[tuple]) -> bytes:
    """The rows printed as a spreadsheet would print them, one PDF page per screenful of rows."""
    pages = [rows[start : start + ROWS_PER_PAGE] for start in range(0, len(rows), ROWS_PER_PAGE)]
    pdf = pikepdf.Pdf.new()
    fonts = pikepdf.Dictionary(
        F1=pikepdf.Dictionary(
            Type=pikepdf.Name.Font,
            Subtype=pikepdf.Name.Type1,
            BaseFont=pikepdf.Name.Helvetica,
            Encoding=pikepdf.Name.WinAnsiEncoding,
        ),
        F2=pikepdf.Dictionary(
            Type=pikepdf.Name.Font,
            Subtype=pikepdf.Name.Type1,
            BaseFont=pikepdf.Name("/Helvetica-Bold"),
            Encoding=pikepdf.Name.WinAnsiEncoding,
        ),
    )
    resources = pdf.make_indirect(pikepdf.Dictionary(Font=fonts))
    for sheet, page_rows in enumerate(pages, start=1):
        content = _page(schedule, page_rows, sheet=sheet, sheets=len(pages))
        page = pdf.add_blank_page(page_size=(PAGE_WIDTH, PAGE_HEIGHT))
        page.obj.Resources = resources
        page.obj.Contents = pdf.make_stream(content)
    pdf.docinfo["/Title"] = schedule.title
    pdf.docinfo["/Creator"] = "Ravensmoor Borough Council"
    pdf.Root.Lang = pikepdf.String("en-GB")
    output = BytesIO()
    pdf.save(output, compress_streams=True)
    return output.getvalue()


CAPITAL_PROGRAMME = Schedule(
    title="Appendix 1: Capital programme schedule by scheme",
    subtitle="Ravensmoor Borough Council, capital programme {this_fy} to {fy3}, position at 30 September",
    columns=tables.CAPITAL_COLUMNS,
    right_aligned=frozenset({5, 6, 7, 8, 9}),
)
ASSET_REGISTER = Schedule(
    title="Appendix 1: Register of land and property assets",
    subtitle="Ravensmoor Borough Council, corporate property review, register at 1 October",
    columns=tables.ASSET_COLUMNS,
    right_aligned=frozenset({5, 8}),
)


@lru_cache(maxsize=4)
def upload_pdf(name: str, pages: int, start_year: int) -> bytes:
    """One of the uploaded schedules with exactly `pages` pages, for the municipal year that began in
    `start_year` (kept per process: the tests load the demo often)."""
    schedules = {
        "capital_programme": (CAPITAL_PROGRAMME, tables.capital_schedule_rows),
        "asset_register": (ASSET_REGISTER, tables.asset_register_rows),
    }
    if name not in schedules:
        raise ValueError(f"The demo has no schedule called {name!r}.")
    schedule, rows = schedules[name]
    words = year_words(start_year)
    schedule = replace(
        schedule,
        title=schedule.title.format_map(words),
        subtitle=schedule.subtitle.format_map(words),
        columns=tuple((heading.format_map(words), width) for heading, width in schedule.columns),
    )
    return schedule_pdf(schedule, rows(pages * ROWS_PER_PAGE))


# -- Minutes ---------------------------------------------------------------------------------------------

_MINUTES_STYLE = """
@page { size: A4; margin: 20mm 20mm 25mm; }
body { font-family: sans-serif; font-size: 11pt; line-height: 1.35; }
h1 { font-size: 14pt; text-transform: uppercase; margin: 0 0 2pt; }
h2 { font-size: 11pt; margin: 14pt 0 4pt; }
p { margin: 0 0 6pt; }
.date { font-weight: bold; margin-bottom: 12pt; }
"""


@dataclass
class Minute:
    number: int
    title: str
    paragraphs: list[str]


def minutes_pdf(
    *, body: str, held: str, present: str, apologies: str, minutes: list[Minute], council: str
) -> bytes:
    """The minutes of one meeting as a PDF, headed as the council heads them (council-papers.md §4)."""
    items = format_html_join(
        "",
        "<h2>{}. {}</h2>{}",
        (
            (
                minute.number,
                minute.title.upper(),
                format_html_join("", "<p>{}</p>", ((p,) for p in minute.paragraphs)),
            )
            for minute in minutes
        ),
    )
    html = format_html(
        '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>{title}</title>'
        '<style>{style}</style></head><body><h1>{body}</h1><p class="date">{held}</p>'
        "<p><strong>Present:</strong> {present}</p><p>{apologies}</p>{items}</body></html>",
        title=f"{body}: minutes, {held}",
        style=_MINUTES_STYLE,
        body=body,
        held=held,
        present=present,
        apologies=apologies,
        items=items,
    )
    return _rendered(html, f"Minutes of the {body}, {held}", council)


@lru_cache(maxsize=256)
def _rendered(html: str, title: str, author: str) -> bytes:
    """Rendered once per process for the same minutes: the tests load the demo several times."""
    return render_pdf(html=html, title=title, author=author)
