"""Forms for writing a report: the whole report on one page, and its appendices.

The forms only shape the input. The rules (R4, R7…) live in the models and are enforced by
`reports.services`, whose errors are shown back on the field they concern.
"""

import re
from dataclasses import dataclass, fields
from datetime import date

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q, QuerySet
from django.forms.boundfield import BoundField
from django.utils.formats import date_format
from django.utils.html import linebreaks
from django_prose_editor.fields import ProseEditorFormField

from council.forms import DateInput
from council.models import Committee, Officer, Ward
from council.roles import OFFICER_ROLES

from .models import SCHEDULE_12A_PARAGRAPHS, Appendix, Recommendation, Report
from .services import RecommendationInput, ReportContent, ReportError

# Blank rows for new recommendations, papers and bodies when the page works without JavaScript.
EXTRA_ROWS = 3

# A leading "(a)", "a)", "•", "-" or "*" typed before a sub-point: numbering is automatic.
SUB_POINT_MARKER = re.compile(r"^\s*(?:\([a-z]{1,2}\)|[a-z]\)|[•*\-–])\s+")


# Anything that looks like a tag: the editor always sends HTML ("<p>…</p>").
HTML_TAG = re.compile(r"<[a-z!/]", re.IGNORECASE)


class RichTextFormField(ProseEditorFormField):
    """Without JavaScript the editor is a plain textarea: plain text typed there becomes paragraphs."""

    def to_python(self, value):
        value = super().to_python(value)
        if value.strip() and not HTML_TAG.search(value):
            value = linebreaks(value.strip(), autoescape=True)
        return value


def rich_text_field(model, name: str, **kwargs):
    """The model's django-prose-editor form field (same toolbar and nh3 allowlist), sanitised here too."""
    return model._meta.get_field(name).formfield(
        form_class=RichTextFormField, sanitize=True, required=False, **kwargs
    )


def sanitise_rich_text(html: str) -> str:
    """What the model stores: nh3 with the report allowlist, so it is safe to show."""
    return Report._meta.get_field("summary").sanitize(html or "")


class SavedTextBoundField(BoundField):
    """A field that can show, read-only, what someone else saved meanwhile (issue 3, point 7)."""

    @property
    def saved_text(self):
        return self.form.saved_text.get(self.name)


class EditorForm(forms.Form):
    bound_field_class = SavedTextBoundField

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.saved_text: dict[str, str] = {}


class OfficerMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return str(obj)


class UserMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.get_username()


class ExemptionForm(EditorForm):
    """R4: exempt from the press and public, the Schedule 12A paragraph(s) and the public-interest reason."""

    is_exempt = forms.BooleanField(label="Exempt from the press and public", required=False)
    exempt_paragraphs = forms.TypedMultipleChoiceField(
        label="Schedule 12A paragraph(s)",
        choices=[(number, f"Paragraph {number}: {text}") for number, text in SCHEDULE_12A_PARAGRAPHS.items()],
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Part 1 of Schedule 12A to the Local Government Act 1972.",
    )
    public_interest_reason = forms.CharField(
        label="Public-interest reason",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Why the public interest in keeping it exempt outweighs the public interest in disclosure.",
    )


class ReportCreateForm(forms.Form):
    committee = forms.ModelChoiceField(
        label="Committee", queryset=Committee.objects.filter(is_active=True), empty_label="Choose…"
    )
    meeting_date = forms.DateField(label="Date of committee meeting", widget=DateInput())
    title = forms.CharField(label="Report Title", max_length=300)


class SummarySheetForm(ExemptionForm):
    """The Summary Sheet, field names as in ReportContent, labels in the council's words."""

    committee = forms.ModelChoiceField(
        label="Committee", queryset=Committee.objects.none(), empty_label="Choose…"
    )
    meeting_date = forms.DateField(label="Date of committee meeting", widget=DateInput())
    title = forms.CharField(label="Report Title", max_length=300)
    title_is_exempt = forms.BooleanField(
        label="The title itself is exempt (never shown to the public)", required=False
    )
    is_key_decision = forms.BooleanField(label="This is a key decision", required=False)
    on_forward_plan = forms.BooleanField(label="It has been included on the Forward Plan", required=False)
    director = forms.ModelChoiceField(
        label="Strategic Director Approving Submission of the Report",
        queryset=Officer.objects.none(),
        required=False,
        empty_label="Not chosen yet",
    )
    authors = OfficerMultipleChoiceField(
        label="Report Author(s)", queryset=Officer.objects.none(), required=False
    )
    affects_all_wards = forms.BooleanField(label="All wards", required=False)
    wards = forms.ModelMultipleChoiceField(
        label="Or these wards", queryset=Ward.objects.none(), required=False
    )
    council_approval_required = forms.BooleanField(label="Council Approval Required", required=False)
    accountable_officers = OfficerMultipleChoiceField(
        label="Accountable Officer(s)", queryset=Officer.objects.none(), required=False
    )
    shared_with = UserMultipleChoiceField(
        label="Colleagues who may edit this report",
        queryset=get_user_model().objects.none(),
        required=False,
    )

    def __init__(self, *args, report: Report, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["summary"] = rich_text_field(Report, "summary", label="Summary")
        # Keep whoever is already chosen listed, even if they have since left or been deactivated.
        self.fields["committee"].queryset = Committee.objects.filter(
            Q(is_active=True) | Q(pk=report.committee_id)
        )
        officers = Officer.objects.filter(
            Q(is_active=True)
            | Q(pk=report.director_id)
            | Q(pk__in=[o.pk for o in report.authors.all()])
            | Q(pk__in=[o.pk for o in report.accountable_officers.all()])
        )
        for name in ("director", "authors", "accountable_officers"):
            self.fields[name].queryset = officers
        self.fields["wards"].queryset = Ward.objects.all()
        self.fields["shared_with"].queryset = (
            get_user_model()
            .objects.filter(
                Q(is_active=True, groups__name__in=[role.label for role in OFFICER_ROLES])
                | Q(pk__in=[u.pk for u in report.shared_with.all()])
            )
            .distinct()
            .order_by("first_name", "last_name", "username")
        )
        for name in ("authors", "wards", "accountable_officers", "shared_with"):
            self.fields[name].widget.attrs["size"] = 6
        self.fields["authors"].help_text = "Name, job title, phone and email come from the officer's record."

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("affects_all_wards") and cleaned.get("wards"):
            self.add_error("wards", "Choose “All wards” or a list of wards, not both.")
        return cleaned


class SectionForm(EditorForm):
    """One numbered body section ("2. Background"), with the council's guidance for it."""

    def __init__(self, *args, section, **kwargs):
        super().__init__(*args, **kwargs)
        self.section = section
        self.fields["body"] = rich_text_field(
            type(section), "body", label=f"{section.position}. {section.title}"
        )
        self.fields["body"].widget.attrs.update({"class": "form-control", "rows": 8})
        if section.guidance:
            self.fields["body"].widget.attrs["aria-describedby"] = f"{self.prefix}-guidance"


class RecommendationForm(EditorForm):
    id = forms.IntegerField(widget=forms.HiddenInput, required=False)
    text = forms.CharField(
        label="Wording",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Usually begins “That…”.",
    )
    sub_points = forms.CharField(
        label="Sub-points, one per line",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Numbered (a), (b)… or bulleted for you.",
    )
    sub_point_style = forms.ChoiceField(
        label="Sub-point style",
        choices=Recommendation.SubPointStyle.choices,
        initial=Recommendation.SubPointStyle.LETTERED,
    )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("text", "").strip():
            if cleaned.get("sub_points", "").strip():
                self.add_error("text", "Write the recommendation its sub-points belong to.")
            elif cleaned.get("id"):
                self.add_error("text", "Write the recommendation, or tick “Remove”.")
        return cleaned

    @property
    def sub_point_lines(self) -> list[str]:
        lines = (
            SUB_POINT_MARKER.sub("", line).strip() for line in self.cleaned_data["sub_points"].splitlines()
        )
        return [line for line in lines if line]


class BackgroundPaperForm(EditorForm):
    title = forms.CharField(label="Title", max_length=300, required=False)
    location = forms.CharField(
        label="Where to find it", max_length=500, required=False, help_text="A web address or an office."
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("location") and not cleaned.get("title"):
            self.add_error("title", "Give the paper's title.")
        return cleaned


class ConsiderationForm(EditorForm):
    committee = forms.ModelChoiceField(
        label="Committee", queryset=Committee.objects.none(), required=False, empty_label="Not in Witan"
    )
    body_name = forms.CharField(label="Or another body", max_length=200, required=False)
    meeting_date = forms.DateField(label="Date", required=False, widget=DateInput())

    def __init__(self, *args, committee_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["committee"]
        field.queryset = Committee.objects.all()
        # The choices are read once for the whole formset, not once per row.
        field.choices = [("", field.empty_label), *committee_choices]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("meeting_date") and not (cleaned.get("committee") or cleaned.get("body_name")):
            self.add_error("body_name", "Choose a committee or name the body.")
        return cleaned


class RemoveLabelFormSet(forms.BaseFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = "Remove"


def _formset(form):
    return forms.formset_factory(
        form, formset=RemoveLabelFormSet, extra=EXTRA_ROWS, can_delete=True, can_delete_extra=False
    )


RecommendationFormSet = _formset(RecommendationForm)
BackgroundPaperFormSet = _formset(BackgroundPaperForm)
ConsiderationFormSet = _formset(ConsiderationForm)


class RevisionForm(forms.Form):
    """The version the author started from: a save from an older one is refused (optimistic locking)."""

    revision = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class AppendixForm(ExemptionForm):
    label = forms.CharField(label="Label", max_length=40, help_text="As printed, e.g. “Appendix 1”.")
    title = forms.CharField(label="Title", max_length=300)
    field_order = ["label", "title"]


class WrittenAppendixForm(AppendixForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"] = rich_text_field(Appendix, "body", label="Text of the appendix")
        self.order_fields(["label", "title", "body"])


class UploadedAppendixForm(AppendixForm):
    file = forms.FileField(
        label="PDF file",
        widget=forms.FileInput(attrs={"accept": "application/pdf"}),
        help_text="A PDF document; its pages are counted and it is merged into the agenda pack.",
    )
    field_order = ["label", "title", "file"]


# --- The editor page as one unit -------------------------------------------------------------

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
