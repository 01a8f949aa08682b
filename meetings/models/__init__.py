from .agenda import (
    STANDARD_ITEM_WORDING,
    AgendaChange,
    AgendaItem,
    AgendaItemReport,
    AgendaTemplateEntry,
    Part,
    StandardItem,
    SupplementaryAgenda,
)
from .meeting import Meeting
from .packs import AgendaPack, PackBuild

__all__ = [
    "STANDARD_ITEM_WORDING",
    "AgendaChange",
    "AgendaItem",
    "AgendaItemReport",
    "AgendaPack",
    "AgendaTemplateEntry",
    "Meeting",
    "PackBuild",
    "Part",
    "StandardItem",
    "SupplementaryAgenda",
]
