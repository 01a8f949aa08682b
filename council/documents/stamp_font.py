"""The typeface of the page stamps: Liberation Sans, cut down to printable ASCII and embedded.

PDF/UA-1 requires every font to be embedded, the standard 14 (Helvetica) included, so the stamps
cannot just name a font the viewer has. Liberation Sans is metric-compatible with Arial, the
council's house face, and is what the print stylesheet uses; DejaVu Sans stands in where it is
missing. The subset is a simple TrueType font with WinAnsiEncoding, so a stamp is plain text
("(Page 14) Tj") that viewers and screen readers can extract, and one character is one code.
"""

import functools
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import pikepdf

FIRST_CHAR, LAST_CHAR = 32, 126  # printable ASCII, identical in WinAnsiEncoding

_FONT_FILES = {
    False: (
        Path("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"),
        Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    ),
    True: (
        Path("/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"),
        Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    ),
}
# A subset's name starts with six capital letters and "+" (ISO 32000-1 §9.6.4).
_SUBSET_TAGS = {False: "WITANR", True: "WITANB"}
_NONSYMBOLIC = 1 << 5  # font descriptor flag: the font uses the standard Latin character set
# WinAnsiEncoding already says which character each code is; this says it again for text
# extraction tools that only read ToUnicode (codes 32-126 are ASCII, so code = Unicode).
_TO_UNICODE = b"""/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<00> <FF>
endcodespacerange
1 beginbfrange
<20> <7E> <0020>
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end
"""


class StampFontMissing(RuntimeError):
    """Neither Liberation Sans nor DejaVu Sans is installed (Debian: fonts-liberation)."""


@dataclass(frozen=True)
class StampFont:
    """A font program and the metrics the PDF font dictionary and the centring need (1/1000 em)."""

    base_font: str
    program: bytes
    widths: tuple[int, ...]  # for the codes FIRST_CHAR..LAST_CHAR
    bbox: tuple[int, int, int, int]
    ascent: int
    descent: int
    cap_height: int
    stem_v: int

    def text_width(self, text: str, size: float) -> float:
        """The width in points of `text` (already printable ASCII) set at `size` points."""
        return sum(self.widths[ord(c) - FIRST_CHAR] for c in text) * size / 1000


@functools.cache
def stamp_font(*, bold: bool) -> StampFont:
    """The stamp font, subset once per process (about 30 ms)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    path = next((p for p in _FONT_FILES[bold] if p.exists()), None)
    if path is None:
        raise StampFontMissing(f"No font for the page stamps: looked for {_FONT_FILES[bold]}.")
    font = TTFont(path)
    options = subset.Options()
    options.layout_features = []  # no shaping: one code, one glyph
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "kern", "DSIG", "FFTM"]
    options.hinting = False
    options.glyph_names = False
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=range(FIRST_CHAR, LAST_CHAR + 1))
    subsetter.subset(font)
    program = BytesIO()
    font.save(program)

    scale = 1000 / font["head"].unitsPerEm
    cmap = font.getBestCmap()
    hmtx = font["hmtx"]
    widths = tuple(
        round(hmtx[cmap[code]][0] * scale) if code in cmap else 0 for code in range(FIRST_CHAR, LAST_CHAR + 1)
    )
    head, hhea, os2 = font["head"], font["hhea"], font["OS/2"]
    return StampFont(
        base_font=f"{_SUBSET_TAGS[bold]}+{font['name'].getDebugName(6)}",
        program=program.getvalue(),
        widths=widths,
        bbox=tuple(round(v * scale) for v in (head.xMin, head.yMin, head.xMax, head.yMax)),
        ascent=round(hhea.ascent * scale),
        descent=round(hhea.descent * scale),
        cap_height=round(getattr(os2, "sCapHeight", 0) * scale) or round(hhea.ascent * scale * 0.7),
        stem_v=120 if bold else 80,  # no font table holds it; the usual estimates
    )


def embed_stamp_font(pdf: pikepdf.Pdf, font: StampFont) -> pikepdf.Object:
    """Add `font` to `pdf` once, as an indirect font dictionary every page can share."""
    program = pikepdf.Stream(pdf, font.program)
    program.Length1 = len(font.program)
    descriptor = pikepdf.Dictionary(
        Type=pikepdf.Name.FontDescriptor,
        FontName=pikepdf.Name("/" + font.base_font),
        Flags=_NONSYMBOLIC,
        FontBBox=pikepdf.Array(font.bbox),
        ItalicAngle=0,
        Ascent=font.ascent,
        Descent=font.descent,
        CapHeight=font.cap_height,
        StemV=font.stem_v,
        FontFile2=pdf.make_indirect(program),
    )
    return pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Font,
            Subtype=pikepdf.Name.TrueType,
            BaseFont=pikepdf.Name("/" + font.base_font),
            FirstChar=FIRST_CHAR,
            LastChar=LAST_CHAR,
            Widths=pikepdf.Array(font.widths),
            Encoding=pikepdf.Name.WinAnsiEncoding,
            FontDescriptor=pdf.make_indirect(descriptor),
            ToUnicode=pdf.make_stream(_TO_UNICODE),
        )
    )
