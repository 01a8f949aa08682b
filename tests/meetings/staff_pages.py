"""Reading the staff meeting pages as a clerk sees them."""

from django.urls import reverse
from lxml import html


def builder_url(meeting) -> str:
    return reverse("meetings_staff:agenda_builder", args=[meeting.pk])


def page_text(response) -> str:
    return " ".join(response.content.decode().split())


def agenda_lines(response) -> dict[str, list[str]]:
    """The builder's items by part, as "3. Title" (headings without a number), in the order shown."""
    tree = html.fromstring(response.content)
    parts = {}
    for part in ("A", "B"):
        rows = tree.xpath(f'//ol[@data-part="{part}"]/li[@data-item-id]')
        lines = []
        for row in rows:
            number = " ".join(row.xpath(".//*[@data-item-number]")[0].text_content().split())
            title = row.xpath('.//h4|.//p[contains(@class, "fw-semibold")]')[0].text_content().strip()
            lines.append(f"{number} {title}".strip())
        parts[part] = lines
    return parts


def field_errors(response, field_id: str) -> list[str]:
    """The error messages crispy forms shows under the field with this id."""
    tree = html.fromstring(response.content)
    return [
        " ".join(e.text_content().split())
        for e in tree.xpath(f'//*[starts-with(@id, "error_") and contains(@id, "_{field_id}")]')
    ]


def field_value(response, field_id: str) -> str:
    tree = html.fromstring(response.content)
    (element,) = tree.xpath(f'//*[@id="{field_id}"]')
    return element.text_content() if element.tag == "textarea" else element.get("value", "")
