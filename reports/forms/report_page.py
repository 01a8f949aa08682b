"""The whole report on one page: the editor's forms bound together, and conflicts shown for merging."""

from dataclasses import dataclass, fields
from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q, QuerySet
from django.utils.formats import date_format
from django_prose_editor.fields import ProseEditorFormField

from council.models import Committee

from ..models import Report
from ..services import RecommendationInput, ReportContent, ReportError
from .editor import (
    BackgroundPaperFormSet,
    ConsiderationFormSet,
    RecommendationFormSet,
    RevisionForm,
    SectionForm,
    SummarySheetForm,
)
from .fields import (
    sanitise_rich_text,
)

LIST_NAMES = ("sections", "recommendations", "background_papers", "considerations")


@dataclass(frozen=True)
class SavedValue:
    """What another editor saved, for showing read-only beside the field (text, or sanitised HTML)."""

    text: str = ""
    html: str = ""


def _comparable(value):
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, list | tuple | QuerySet):
        return sorted(_comparable(item) for item in value)
    if value is None:
        return ""
    return value.strip() if isinstance(value, str) else value


def _saved_value(name: str, field, value) -> SavedValue:
    if isinstance(field, ProseEditorFormField):
        return SavedValue(html=sanitise_rich_text(value)) if value else SavedValue(text="(blank)")
    if isinstance(value, bool):
        return SavedValue(text="Yes" if value else "No")
    if isinstance(value, date):
        return SavedValue(text=date_format(value, "j F Y"))
    if name == "exempt_paragraphs":
        return SavedValue(text=", ".join(f"Paragraph {n}" for n in sorted(value)) or "None")
    label = getattr(field, "label_from_instance", str)
    if isinstance(value, models.Model):
        return SavedValue(text=label(value))
    if isinstance(value, list | tuple):
        return SavedValue(text="; ".join(label(item) for item in value) or "None")
    return SavedValue(text=str(value or "") or "(blank)")


def _kept_rows(formset) -> list:
    """Rows that were filled in and not ticked "Remove"."""
    return [form for form in formset.forms if form.cleaned_data and not form.cleaned_data.get("DELETE")]


def _sub_points(lines: list[str], stored: list[RecommendationInput]) -> list[RecommendationInput]:
    """Sub-points are typed one per line, so their ids are matched back: same text first, then in order."""
    unused = list(stored)
    ids: list[int | None] = []
    for line in lines:
        match = next((sub for sub in unused if sub.text == line), None)
        if match is not None:
            unused.remove(match)
        ids.append(match.id if match else None)
    ids = [pk if pk is not None else (unused.pop(0).id if unused else None) for pk in ids]
    return [RecommendationInput(id=pk, text=line) for pk, line in zip(ids, lines, strict=True)]


def _recommendation_tuples(recommendations) -> list:
    return [
        (r.text.strip(), r.sub_point_style, [s.text.strip() for s in r.sub_points]) for r in recommendations
    ]


def _consideration_tuples(considerations) -> list:
    return [
        (committee.pk if committee else None, name.strip(), day) for committee, name, day in considerations
    ]


class ReportEditorForms:
    """Every form of the editor page, filled from a ReportContent and read back into one."""

    def __init__(self, *, report: Report, content: ReportContent, data=None):
        self.report = report
        self.current = content
        summary_names = [f.name for f in fields(ReportContent) if f.name not in LIST_NAMES]
        self.summary = SummarySheetForm(
            data, report=report, initial={name: getattr(content, name) for name in summary_names}
        )
        self.sections = [
            SectionForm(
                data,
                section=section,
                prefix=f"section-{section.position}",
                initial={"body": content.sections.get(section.position, "")},
            )
            for section in report.sections.all()
            if not section.holds_recommendations
        ]
        self.recommendations = RecommendationFormSet(
            data,
            prefix="recommendations",
            initial=[
                {
                    "id": rec.id,
                    "text": rec.text,
                    "sub_point_style": rec.sub_point_style,
                    "sub_points": "\n".join(sub.text for sub in rec.sub_points),
                }
                for rec in content.recommendations
            ],
        )
        self.background_papers = BackgroundPaperFormSet(
            data,
            prefix="papers",
            initial=[{"title": title, "location": location} for title, location in content.background_papers],
        )
        chosen = [committee.pk for committee, _name, _day in content.considerations if committee]
        committee_choices = list(
            Committee.objects.filter(Q(is_active=True) | Q(pk__in=chosen)).values_list("pk", "name")
        )
        self.considerations = ConsiderationFormSet(
            data,
            prefix="considerations",
            form_kwargs={"committee_choices": committee_choices},
            initial=[
                {"committee": committee.pk if committee else None, "body_name": name, "meeting_date": day}
                for committee, name, day in content.considerations
            ],
        )
        self.revision = RevisionForm(data, initial={"revision": report.revision})
        # Errors the service gives about a whole list (e.g. "Background paper 2: …"), by list name.
        self.list_errors: dict[str, list[str]] = {}
        # On a conflict: the lists as the other editor saved them, where they differ from what was typed.
        self.saved_lists: dict[str, object] = {}

    @property
    def body(self) -> list[tuple]:
        """(section, its form) in number order; the recommendations section has no form of its own."""
        forms_by_position = {form.section.position: form for form in self.sections}
        return [(section, forms_by_position.get(section.position)) for section in self.report.sections.all()]

    @property
    def recommendations_in_body(self) -> bool:
        return any(section.holds_recommendations for section in self.report.sections.all())

    @property
    def all_forms(self) -> list:
        return [
            self.summary,
            *self.sections,
            self.recommendations,
            self.background_papers,
            self.considerations,
            self.revision,
        ]

    def is_valid(self) -> bool:
        # Every form is validated (no short cut), so each shows its own errors.
        results = [form.is_valid() for form in self.all_forms]
        return all(results)

    @property
    def has_errors(self) -> bool:
        return bool(self.list_errors) or any(
            form.errors or (hasattr(form, "non_form_errors") and form.non_form_errors())
            for form in self.all_forms
            if form.is_bound
        )

    @property
    def expected_revision(self) -> int:
        return self.revision.cleaned_data["revision"]

    @property
    def media(self):
        media = self.summary.media
        for form in self.sections:
            media += form.media
        return media

    def cleaned_content(self) -> ReportContent:
        sheet = self.summary.cleaned_data
        values = {
            f.name: list(sheet[f.name]) if isinstance(sheet[f.name], QuerySet) else sheet[f.name]
            for f in fields(ReportContent)
            if f.name not in LIST_NAMES
        }
        return ReportContent(
            **values,
            sections={form.section.position: form.cleaned_data["body"] for form in self.sections},
            recommendations=self._recommendations(),
            background_papers=[
                (form.cleaned_data["title"], form.cleaned_data["location"])
                for form in _kept_rows(self.background_papers)
                if form.cleaned_data["title"]
            ],
            considerations=[
                (
                    form.cleaned_data["committee"],
                    form.cleaned_data["body_name"],
                    form.cleaned_data["meeting_date"],
                )
                for form in _kept_rows(self.considerations)
                if form.cleaned_data["committee"] or form.cleaned_data["body_name"]
            ],
        )

    def _recommendations(self) -> list[RecommendationInput]:
        stored = {rec.id: rec for rec in self.current.recommendations}
        result = []
        for form in _kept_rows(self.recommendations):
            text = form.cleaned_data["text"].strip()
            if not text:  # a blank new row
                continue
            # Only this report's ids are sent back; a stale or foreign id makes a new recommendation.
            rec = stored.get(form.cleaned_data["id"])
            result.append(
                RecommendationInput(
                    id=rec.id if rec else None,
                    text=text,
                    sub_point_style=form.cleaned_data["sub_point_style"],
                    sub_points=_sub_points(form.sub_point_lines, rec.sub_points if rec else []),
                )
            )
        return result

    def add_service_error(self, error: ValidationError | ReportError) -> None:
        """Show a refusal from the service on the field (or list) it concerns."""
        if isinstance(error, ReportError) or not hasattr(error, "error_dict"):
            self.summary.add_error(None, error.messages if isinstance(error, ValidationError) else str(error))
            return
        for name, errors in error.error_dict.items():
            messages = [message for e in errors for message in e.messages]
            if name in self.summary.fields:
                self.summary.add_error(name, messages)
            elif name in LIST_NAMES:
                self.list_errors.setdefault(name, []).extend(messages)
            else:
                self.summary.add_error(None, messages)

    def show_saved(self, saved: ReportContent, *, revision: int) -> None:
        """After a conflict: show what was saved beside every field that differs from what was typed.

        The typed text stays in the fields; the next save starts from the revision now saved.
        """
        for name, field in self.summary.fields.items():
            theirs = getattr(saved, name)
            if _comparable(self.summary.cleaned_data.get(name)) != _comparable(theirs):
                self.summary.saved_text[name] = _saved_value(name, field, theirs)
        for form in self.sections:
            theirs = saved.sections.get(form.section.position, "")
            if _comparable(form.cleaned_data.get("body")) != _comparable(theirs):
                form.saved_text["body"] = _saved_value("body", form.fields["body"], theirs)
        mine = self.cleaned_content()
        if _recommendation_tuples(mine.recommendations) != _recommendation_tuples(saved.recommendations):
            self.saved_lists["recommendations"] = saved.recommendations
        if mine.background_papers != saved.background_papers:
            self.saved_lists["background_papers"] = saved.background_papers
        if _consideration_tuples(mine.considerations) != _consideration_tuples(saved.considerations):
            self.saved_lists["considerations"] = saved.considerations
        self.revision = RevisionForm(initial={"revision": revision})
