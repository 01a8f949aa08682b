"""Comparing two versions of a report, field by field, word by word.

Works on snapshots (`reports.snapshots.report_snapshot`), so any two stored versions can be
compared. The result is plain data: a template renders the segments as <del>/<ins>.
"""

import difflib
import html
import re
from dataclasses import dataclass
from datetime import date

from django.utils.html import strip_tags

EQUAL, REMOVED, ADDED = "equal", "removed", "added"

# Block ends become line breaks before the tags are stripped, so "<p>a</p><p>b</p>" stays two words.
_BLOCK_END = re.compile(r"</(p|li|h[1-6]|tr|td|th|table|ul|ol|blockquote)>|<br\s*/?>", re.IGNORECASE)
_BLANK_LINES = re.compile(r"\s*\n\s*")
NEWLINE = "\n"
_TOKEN = re.compile(r"\n|[^\s]+")


@dataclass
class FieldChange:
    """One changed field: its label, the runs of words removed and added, and the whole text as segments."""

    label: str
    removed: list[str]
    added: list[str]
    segments: list[tuple[str, str]]


def _text_of_html(value: str) -> str:
    text = html.unescape(strip_tags(_BLOCK_END.sub("\n", value or "")))
    return _BLANK_LINES.sub("\n", text).strip()


def _yes_no(value) -> str:
    return "Yes" if value else "No"


def _day(value: str | None) -> str:
    return f"{date.fromisoformat(value):%-d %B %Y}" if value else ""


def _officer(officer: dict | None) -> str:
    if not officer:
        return ""
    return ", ".join(part for part in (officer["name"], officer["job_title"], officer["directorate"]) if part)


def _lines(items) -> str:
    return "\n".join(items)


def _recommendations(recs: list[dict]) -> str:
    lines = []
    for rec in recs:
        lines.append(f"{rec['number']}. {rec['text']}")
        lines.extend(f"{sub['number']} {sub['text']}" for sub in rec["sub_points"])
    return _lines(lines)


def _appendix_line(appendix: dict) -> str:
    line = f"{appendix['label']}: {appendix['title']}"
    if appendix["kind"] == "uploaded":
        line += f" (PDF, {appendix['page_count']} pages)"
    if appendix["is_exempt"]:
        line += " (not for publication)"
    return line


def _wards(snapshot: dict) -> str:
    return "All" if snapshot["affects_all_wards"] else ", ".join(snapshot["wards"])


# The Summary Sheet, in the council's order (council-papers.md §3), then R4's exemption details.
SUMMARY_SHEET = (
    ("Committee", lambda s: s["committee"]),
    ("Date of committee meeting", lambda s: _day(s["meeting_date"])),
    ("Report title", lambda s: s["title"]),
    ("Title is exempt", lambda s: _yes_no(s["title_is_exempt"])),
    ("Key decision", lambda s: _yes_no(s["is_key_decision"])),
    ("Included on the Forward Plan", lambda s: _yes_no(s["on_forward_plan"])),
    ("Director approving submission", lambda s: _officer(s["director"])),
    ("Report author(s)", lambda s: _lines(_officer(o) for o in s["authors"])),
    ("Ward(s) affected", _wards),
    ("Summary", lambda s: _text_of_html(s["summary"])),
    ("Recommendations", lambda s: _recommendations(s["recommendations"])),
    ("List of appendices included", lambda s: _lines(_appendix_line(a) for a in s["appendices"])),
    (
        "Background papers",
        lambda s: _lines(
            " – ".join(filter(None, (p["title"], p["location"]))) for p in s["background_papers"]
        ),
    ),
    (
        "Consideration by any other Council Committee, Scrutiny or Advisory Panel",
        lambda s: _lines(s["considerations"]),
    ),
    ("Council approval required", lambda s: _yes_no(s["council_approval_required"])),
    ("Exempt from the press and public", lambda s: _yes_no(s["is_exempt"])),
    ("Schedule 12A paragraphs", lambda s: ", ".join(str(p) for p in s["exempt_paragraphs"])),
    ("Public-interest reason", lambda s: s["public_interest_reason"]),
    ("Accountable officer(s)", lambda s: _lines(_officer(o) for o in s["accountable_officers"])),
)


def _join(tokens: list[str], after_word: bool) -> str:
    """Tokens back to text: words separated by spaces, line breaks kept.

    A run that follows a word starts with the separating space, so segments concatenate cleanly.
    """
    text = []
    for token in tokens:
        if token != NEWLINE and after_word:
            text.append(" ")
        text.append(token)
        after_word = token != NEWLINE
    return "".join(text)


def word_diff(old: str, new: str) -> tuple[list[str], list[str], list[tuple[str, str]]]:
    """(removed runs, added runs, segments) of a word-level diff of two plain texts."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    removed, added, segments = [], [], []
    after_word = False

    def emit(kind: str, tokens: list[str]) -> None:
        nonlocal after_word
        if not tokens:
            return
        text = _join(tokens, after_word)
        after_word = tokens[-1] != NEWLINE
        if kind != EQUAL and text.strip():
            (removed if kind == REMOVED else added).append(" ".join(text.split()))
        if segments and segments[-1][0] == kind:
            segments[-1] = (kind, segments[-1][1] + text)
        else:
            segments.append((kind, text))

    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            emit(EQUAL, a[i1:i2])
            continue
        emit(REMOVED, a[i1:i2])
        emit(ADDED, b[j1:j2])
    return removed, added, segments


def _field_change(label: str, old: str, new: str) -> FieldChange | None:
    if old == new:
        return None
    removed, added, segments = word_diff(old, new)
    return FieldChange(label=label, removed=removed, added=added, segments=segments)


def _bodies(snapshot: dict) -> dict[str, tuple[str, str]]:
    """Body sections by title, with the label they are shown under ("2. Background")."""
    return {
        s["title"]: (f"{s['number']}. {s['title']}", _text_of_html(s["body"])) for s in snapshot["sections"]
    }


def _written_appendices(snapshot: dict) -> dict[int, tuple[str, str]]:
    return {
        a["id"]: (f"{a['label']}: {a['title']}", _text_of_html(a["body"]))
        for a in snapshot["appendices"]
        if a["kind"] == "written"
    }


def _keyed_changes(old: dict, new: dict) -> list[FieldChange]:
    """Changes of items matched by key, in the new version's order, then those only in the old one."""
    changes = []
    for key in [*new, *(k for k in old if k not in new)]:
        label = (new.get(key) or old[key])[0]
        change = _field_change(label, old.get(key, ("", ""))[1], new.get(key, ("", ""))[1])
        if change:
            changes.append(change)
    return changes


def compare_snapshots(old: dict, new: dict) -> list[FieldChange]:
    """What changed from `old` to `new`: Summary Sheet fields, body sections, written appendices.

    Only changed fields are returned, in report order.
    """
    changes = [_field_change(label, text_of(old), text_of(new)) for label, text_of in SUMMARY_SHEET]
    return [
        *(c for c in changes if c),
        *_keyed_changes(_bodies(old), _bodies(new)),
        *_keyed_changes(_written_appendices(old), _written_appendices(new)),
    ]
