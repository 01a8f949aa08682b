"""A report's versions (issue 3, point 6): every saved version, and any two compared side by side.

Anyone who may open the report sees its history, with one limit: a reader who sees the report only
because it is published (the public, councillors not involved in it) sees only the frozen, published
versions, never the drafts that led to them.
"""

import copy
from dataclasses import dataclass

from django import forms
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from ..comparison import compare_snapshots
from ..models import Report, ReportVersion
from ..rules import works_on_report
from ..selectors import reports_visible_to
from ..visibility import audience_for_report


def _visible_report(user, pk: int) -> Report:
    report = (
        reports_visible_to(user)
        .select_related("committee")
        .prefetch_related("shared_with", "authors")
        .filter(pk=pk)
        .first()
    )
    if report is None:
        raise Http404("No report has that address, or you may not see it.")
    return report


def _versions_for(report: Report, *, only_published: bool):
    """The versions a reader may see, newest first: only the frozen ones if they read it as published."""
    versions = ReportVersion.objects.filter(report=report).select_related("created_by")
    if only_published:
        versions = versions.filter(is_frozen=True)
    return versions.order_by("-number")


class VersionPickForm(forms.Form):
    """Two version numbers to compare (`?a=2&b=5`), from those the user may see."""

    a = forms.TypedChoiceField(label="Compare version", coerce=int)
    b = forms.TypedChoiceField(label="with version", coerce=int)

    def __init__(self, *args, numbers: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(n, f"Version {n}") for n in numbers]
        for name in ("a", "b"):
            self.fields[name].choices = choices
            self.fields[name].widget.attrs["class"] = "form-select"
            self.fields[name].error_messages = {
                "required": "Choose two versions to compare.",
                "invalid_choice": "There is no version %(value)s of this report that you can see. "
                "Choose from the versions listed.",
            }

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("a") is not None and cleaned.get("a") == cleaned.get("b"):
            raise forms.ValidationError("Choose two different versions to compare.")
        return cleaned

    @property
    def messages(self) -> list[str]:
        """Each distinct problem once, in the user's words."""
        found = []
        for errors in self.errors.values():
            found.extend(message for message in errors if message not in found)
        return found


@dataclass
class Segment:
    """A run of words in one column; `space` is the separator before it, kept outside <del>/<ins>."""

    op: str
    space: str
    text: str


@dataclass
class SideBySide:
    """One changed field: the old version's words (equal and removed), the new one's (equal and added)."""

    label: str
    old: list[Segment]
    new: list[Segment]


def _column(segments: list[tuple[str, str]], keep: str) -> list[Segment]:
    column = []
    for op, text in segments:
        if op in ("equal", keep):
            body = text.lstrip()
            column.append(Segment(op=op, space=text[: len(text) - len(body)], text=body))
    return column


def side_by_side(changes) -> list[SideBySide]:
    """`comparison.compare_snapshots` changes as two columns; the template marks them up."""
    return [
        SideBySide(
            label=change.label,
            old=_column(change.segments, "removed"),
            new=_column(change.segments, "added"),
        )
        for change in changes
    ]


def _readable_snapshot(snapshot: dict, *, sees_exempt: bool) -> dict:
    """R4: the text of an exempt appendix is compared only for councillors and staff."""
    if sees_exempt:
        return snapshot
    snapshot = copy.deepcopy(snapshot)
    for appendix in snapshot.get("appendices", []):
        if appendix.get("is_exempt"):
            appendix["body"] = ""
    return snapshot


@require_safe
def report_versions(request, pk: int):
    report = _visible_report(request.user, pk)
    only_published = not works_on_report(request.user, report)
    versions = list(_versions_for(report, only_published=only_published).defer("snapshot"))
    numbers = [v.number for v in versions]
    form = None
    if len(versions) >= 2:
        form = VersionPickForm(numbers=numbers, initial={"a": numbers[1], "b": numbers[0]})
    return render(
        request,
        "reports/report_versions.html",
        {
            "report": report,
            "versions": versions,
            "form": form,
            "only_published": only_published,
        },
    )


@require_safe
def report_compare(request, pk: int):
    report = _visible_report(request.user, pk)
    only_published = not works_on_report(request.user, report)
    numbers = list(_versions_for(report, only_published=only_published).values_list("number", flat=True))
    form = VersionPickForm(request.GET, numbers=numbers)
    context = {"report": report, "form": form}
    if not form.is_valid():
        return render(request, "reports/report_compare.html", context, status=400)
    # The older version on the left, whichever order they were picked in.
    old_number, new_number = sorted((form.cleaned_data["a"], form.cleaned_data["b"]))
    pair = ReportVersion.objects.filter(report=report, number__in=(old_number, new_number))
    pair = {version.number: version for version in pair}
    old, new = pair[old_number], pair[new_number]
    sees_exempt = audience_for_report(request.user, report).sees_exempt
    changes = compare_snapshots(
        _readable_snapshot(old.snapshot, sees_exempt=sees_exempt),
        _readable_snapshot(new.snapshot, sees_exempt=sees_exempt),
    )
    context |= {"old": old, "new": new, "changes": side_by_side(changes)}
    return render(request, "reports/report_compare.html", context)
