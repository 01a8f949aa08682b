"""Page stamps: the pack's "Page N" at the foot of a page and a notice ("NOT FOR PUBLICATION") at its head.

A stamp is pagination, not content: each is its own content stream, marked as an /Artifact
(ISO 14289-1 §7.8), so screen readers skip it and the structure tree does not change. The page's
own content is wrapped in q … Q first, so nothing it leaves in the graphics state (a flipped
coordinate system, a colour, a clip) can move or hide a stamp.

Stamps sit in the visible page (the CropBox, else the MediaBox, wherever its origin is) and read
upright however the page is turned (/Rotate), so a landscape appendix is stamped where a reader
looks for it.
"""

import unicodedata
from dataclasses import dataclass

import pikepdf

from .stamp_font import FIRST_CHAR, LAST_CHAR, StampFont, embed_stamp_font, stamp_font

ONE_CENTIMETRE = 72 / 2.54  # points
FOOTER_SIZE = 9.5  # points
HEADER_SIZE = 10.0
FOOTER_GREY = 0.2  # #333 on white: contrast 12.6:1, above WCAG AAA's 7:1
_FOOTER_FONT = pikepdf.Name("/WitanPageStamp")
_HEADER_FONT = pikepdf.Name("/WitanPageStampBold")


@dataclass(frozen=True)
class PageFrame:
    """The visible area of a page in its own coordinates, and how far the viewer turns it."""

    x0: float
    y0: float
    x1: float
    y1: float
    rotate: int  # 0, 90, 180 or 270 degrees clockwise

    @property
    def width(self) -> float:
        """Width as the reader sees the page."""
        return self.y1 - self.y0 if self.rotate in (90, 270) else self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.x1 - self.x0 if self.rotate in (90, 270) else self.y1 - self.y0

    def text_matrix(self, x: float, y: float) -> tuple[float, ...]:
        """The text matrix that sets upright text at (x, y), measured from the bottom left as seen."""
        if self.rotate == 90:
            return (0, 1, -1, 0, self.x1 - y, self.y0 + x)
        if self.rotate == 180:
            return (-1, 0, 0, -1, self.x1 - x, self.y1 - y)
        if self.rotate == 270:
            return (0, -1, 1, 0, self.x0 + y, self.y1 - x)
        return (1, 0, 0, 1, self.x0 + x, self.y0 + y)


def page_frame(page: pikepdf.Dictionary) -> PageFrame:
    box = page.get("/CropBox") or page.get("/MediaBox") or (0, 0, 595.276, 841.89)  # A4 if missing
    x0, y0, x1, y1 = (float(v) for v in box)
    rotate = int(page.get("/Rotate", 0)) % 360
    return PageFrame(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1), rotate if rotate % 90 == 0 else 0)


def stamp_text(text: str) -> str:
    """`text` in the characters the stamp font has: accents dropped, anything else becomes "?"."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return "".join(c if FIRST_CHAR <= ord(c) <= LAST_CHAR else "?" for c in plain)


def _number(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".")


def stamp_stream(
    text: str,
    frame: PageFrame,
    *,
    font: StampFont,
    resource: pikepdf.Name,
    size: float,
    at_top: bool,
    grey: float = 0.0,
) -> bytes:
    """The content stream of one centred stamp, 1 cm in from the bottom or top edge as seen."""
    text = stamp_text(text)
    x = (frame.width - font.text_width(text, size)) / 2
    # A footer's baseline sits 1 cm up; a header's capitals hang 1 cm down.
    y = frame.height - ONE_CENTIMETRE - font.cap_height * size / 1000 if at_top else ONE_CENTIMETRE
    subtype = "/Header" if at_top else "/Footer"
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    matrix = " ".join(_number(v) for v in frame.text_matrix(x, y))
    return (
        f"q\n/Artifact <</Type /Pagination /Subtype {subtype}>> BDC\n{_number(grey)} g\n"
        f"BT\n{resource} {_number(size)} Tf\n{matrix} Tm\n({escaped}) Tj\nET\nEMC\nQ\n"
    ).encode("ascii")


class PageStamper:
    """Stamps the pages of one output PDF. The fonts and the wrapping streams are added once and shared."""

    def __init__(self, pdf: pikepdf.Pdf):
        self.pdf = pdf
        self._fonts: dict[pikepdf.Name, tuple[StampFont, pikepdf.Object]] = {}
        self._streams: dict[bytes, pikepdf.Object] = {}

    def _font(self, resource: pikepdf.Name) -> tuple[StampFont, pikepdf.Object]:
        if resource not in self._fonts:
            font = stamp_font(bold=resource == _HEADER_FONT)
            self._fonts[resource] = (font, embed_stamp_font(self.pdf, font))
        return self._fonts[resource]

    def _stream(self, data: bytes) -> pikepdf.Object:
        """One stream object per distinct content: a header repeated on 40 pages is stored once."""
        if data not in self._streams:
            self._streams[data] = self.pdf.make_stream(data)
        return self._streams[data]

    def stamp(
        self, page: pikepdf.Dictionary, *, footer: str = "", header: str = "", figure: bool = False
    ) -> None:
        """Wrap the page's content and add the stamps.

        With `figure`, the page's own content becomes one marked-content sequence, /Figure with
        MCID 0, for an untagged document's page (the caller adds its structure element).
        """
        frame = page_frame(page)
        streams = []
        fonts = pikepdf.Dictionary()
        for text, resource, size, at_top, grey in (
            (footer, _FOOTER_FONT, FOOTER_SIZE, False, FOOTER_GREY),
            (header, _HEADER_FONT, HEADER_SIZE, True, 0.0),
        ):
            if text:
                font, font_object = self._font(resource)
                fonts[resource] = font_object
                data = stamp_stream(
                    text, frame, font=font, resource=resource, size=size, at_top=at_top, grey=grey
                )
                streams.append(self._stream(data))
        if not streams and not figure:
            return
        opening, closing = (b"/Figure <</MCID 0>> BDC\nq\n", b"\nQ\nEMC\n") if figure else (b"q\n", b"\nQ\n")
        contents = page.get("/Contents", pikepdf.Array())
        own = list(contents) if isinstance(contents, pikepdf.Array) else [contents]
        page.Contents = pikepdf.Array([self._stream(opening), *own, self._stream(closing), *streams])
        if fonts:
            _add_fonts(page, fonts)


def _add_fonts(page: pikepdf.Dictionary, fonts: pikepdf.Dictionary) -> None:
    if "/Resources" not in page:
        page.Resources = pikepdf.Dictionary()
    resources = page.Resources
    if "/Font" not in resources:
        resources.Font = pikepdf.Dictionary()
    for name, font in fonts.items():
        resources.Font[name] = font
