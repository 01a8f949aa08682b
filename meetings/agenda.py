"""Reading an agenda as the papers print it: items numbered in one sequence through the section
headings and on into Part B (council-papers.md §2), headings unnumbered."""

from dataclasses import dataclass, field

from .models import AgendaItem, Part


@dataclass
class AgendaEntry:
    item: AgendaItem
    number: int | None  # None for a section heading
    heading: AgendaItem | None  # the section heading the item sits under, if any

    @property
    def label(self) -> str:
        return f"{self.number}. {self.item.title}" if self.number else self.item.title


@dataclass
class AgendaPart:
    part: str
    entries: list[AgendaEntry] = field(default_factory=list)

    @property
    def title(self) -> str:
        return Part(self.part).label


def agenda_order(items) -> list[AgendaItem]:
    """Part A then Part B, each by position."""
    return sorted(items, key=lambda item: (item.part, item.position, item.pk or 0))


def numbered_agenda(items) -> list[AgendaEntry]:
    """Every item (headings included) in order, with its number. Withdrawn items are left out: the
    meeting page lists them among the changes to the agenda."""
    entries = []
    number = 0
    heading = None
    current_part = None
    for item in agenda_order(items):
        if item.part != current_part:
            current_part, heading = item.part, None
        if item.kind == AgendaItem.Kind.HEADING:
            if item.is_withdrawn:
                continue
            heading = item
            entries.append(AgendaEntry(item=item, number=None, heading=None))
            continue
        if item.is_withdrawn:
            continue
        number += 1
        entries.append(AgendaEntry(item=item, number=number, heading=heading))
    return entries


def agenda_parts(items) -> list[AgendaPart]:
    """The numbered agenda split into Part A and Part B (a part with no items is left out)."""
    parts: dict[str, AgendaPart] = {}
    for entry in numbered_agenda(items):
        parts.setdefault(entry.item.part, AgendaPart(part=entry.item.part)).entries.append(entry)
    return list(parts.values())


def item_label(item: AgendaItem) -> str:
    """ "Item 8": the item's number on its agenda as it stands, for messages and the changes list."""
    for entry in numbered_agenda(item.meeting.items.all()):
        if entry.item.pk == item.pk and entry.number:
            return f"Item {entry.number}"
    return "An item"
