"""Paragraph numbers for report text: "2.1", "2.2"… written into the HTML itself."""

from html import escape
from html.parser import HTMLParser

# Elements with no end tag: they never open a level of nesting.
_VOID_ELEMENTS = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]
)


class _ParagraphNumberer(HTMLParser):
    """Re-emits HTML unchanged, except that each top-level, non-empty <p> gets a number span."""

    def __init__(self, prefix: str):
        super().__init__(convert_charrefs=False)
        self.prefix = prefix
        self.out: list[str] = []
        self.depth = 0
        self.count = 0
        self._open_paragraph: int | None = None  # index in `out` of the pending number span
        self._paragraph_has_text = False

    def handle_starttag(self, tag, attrs):
        self.out.append(self.get_starttag_text())
        if tag in _VOID_ELEMENTS:
            self._paragraph_has_text = self._paragraph_has_text or tag == "img"
            return
        if self.depth == 0 and tag == "p":
            self._open_paragraph = len(self.out)
            self._paragraph_has_text = False
            self.out.append("")  # filled in when the paragraph closes, if it had any text
        self.depth += 1

    def handle_startendtag(self, tag, attrs):
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        if tag in _VOID_ELEMENTS:
            return
        self.depth = max(self.depth - 1, 0)
        if self.depth == 0 and tag == "p" and self._open_paragraph is not None:
            if self._paragraph_has_text:
                self.count += 1
                number = escape(f"{self.prefix}.{self.count}")
                self.out[self._open_paragraph] = f'<span class="para-number">{number}</span> '
            self._open_paragraph = None
        self.out.append(f"</{tag}>")

    def handle_data(self, data):
        self._paragraph_has_text = self._paragraph_has_text or bool(data.strip())
        self.out.append(data)

    def handle_entityref(self, name):
        self._paragraph_has_text = True
        self.out.append(f"&{name};")

    def handle_charref(self, name):
        self._paragraph_has_text = True
        self.out.append(f"&#{name};")

    # Comments, declarations and processing instructions are dropped: sanitised text has none.
    def handle_comment(self, data):
        pass

    def handle_decl(self, decl):
        pass

    def handle_pi(self, data):
        pass

    def unknown_decl(self, data):
        pass


def number_paragraphs(html: str, *, prefix: str) -> str:
    """Number the top-level paragraphs of sanitised HTML n.1, n.2… in the text itself.

    The numbers are real text (in the PDF's text layer and in copy and paste), not CSS counters.
    Only `<span class="para-number">` is added: the caller must pass HTML that is already
    sanitised, and may mark the result safe only on that condition. Paragraphs inside lists and
    tables, and empty paragraphs, are not numbered.
    """
    parser = _ParagraphNumberer(prefix)
    parser.feed(html)
    parser.close()
    return "".join(parser.out)
