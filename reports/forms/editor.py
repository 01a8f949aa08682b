"""The whole report on one page: summary sheet, body sections, recommendations and lists.

The forms only shape the input. The rules (R4, R7…) live in the models and are enforced by
`reports.services`, whose errors are shown back on the field they concern.
"""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q

from council.forms import DateInput
from council.models import Committee, Officer, Ward
from council.roles import OFFICER_ROLES

from ..models import Recommendation, Report
from .fields import (
    EXTRA_ROWS,
    SUB_POINT_MARKER,
    EditorForm,
    ExemptionForm,
    OfficerMultipleChoiceField,
    UserMultipleChoiceField,
    rich_text_field,
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


def formset_for(form):
    return forms.formset_factory(
        form, formset=RemoveLabelFormSet, extra=EXTRA_ROWS, can_delete=True, can_delete_extra=False
    )


RecommendationFormSet = formset_for(RecommendationForm)
BackgroundPaperFormSet = formset_for(BackgroundPaperForm)
ConsiderationFormSet = formset_for(ConsiderationForm)


class RevisionForm(forms.Form):
    """The version the author started from: a save from an older one is refused (optimistic locking)."""

    revision = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
