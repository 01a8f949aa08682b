"""Adding and changing agenda items, and a committee's agenda template."""

from dataclasses import dataclass, field

from django import forms

from reports.models import SCHEDULE_12A_PARAGRAPHS, Report

from ..models import AgendaTemplateEntry, Meeting, StandardItem

URGENCY_HELP = (
    "Needed only for a late item (after the R1 deadline): why the chair accepts it as urgent by reason of "
    "special circumstances (R2, s.100B(4)). The minutes carry it."
)


def _report_label(report: Report) -> str:
    return f"{report.title} ({report.get_status_display()}, for {report.meeting_date:%-d %B %Y})"


@dataclass
class ReportChoices:
    """The reports a clerk may put on this agenda: the committee's own (approved first), and other
    bodies' reports around the meeting's date (pre-decision scrutiny takes Cabinet reports)."""

    own: list[Report] = field(default_factory=list)
    others: list[Report] = field(default_factory=list)  # ordered by committee

    def own_choices(self) -> list[tuple[str, str]]:
        return [("", "Choose a report")] + [(str(r.pk), _report_label(r)) for r in self.own]

    def other_choices(self) -> list:
        groups: dict[str, list] = {}
        for report in self.others:
            groups.setdefault(report.committee.name, []).append((str(report.pk), _report_label(report)))
        return [("", "Choose a report of another body"), *groups.items()]

    def get(self, pk: str) -> Report | None:
        for report in (*self.own, *self.others):
            if str(report.pk) == pk:
                return report
        return None


class _ReportChoiceMixin:
    """A choice of this committee's reports and, separately, of other bodies' reports."""

    def _set_report_choices(self, reports: ReportChoices) -> None:
        self.reports = reports
        self.fields["report"].choices = reports.own_choices()
        self.fields["other_report"].choices = reports.other_choices()

    def clean(self):
        cleaned = super().clean()
        own, other = cleaned.get("report"), cleaned.get("other_report")
        if own and other:
            raise forms.ValidationError("Choose one report: this committee's or another body's, not both.")
        if not own and not other:
            raise forms.ValidationError("Choose the report this item considers.")
        cleaned["chosen_report"] = self.reports.get(own or other)
        return cleaned


class ReportItemAddForm(_ReportChoiceMixin, forms.Form):
    report = forms.ChoiceField(label="A report for this committee", required=False)
    other_report = forms.ChoiceField(
        label="Or a report for another body",
        required=False,
        help_text="For pre-decision scrutiny of a Cabinet report, for example.",
    )
    title = forms.CharField(
        max_length=300, required=False, help_text="Leave blank to use the report's title."
    )
    urgency_reason = forms.CharField(
        label="Reason for urgency",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=URGENCY_HELP,
    )

    def __init__(self, *args, reports: ReportChoices, **kwargs):
        super().__init__(*args, **kwargs)
        self._set_report_choices(reports)


class AttachReportForm(_ReportChoiceMixin, forms.Form):
    """Another report on the same item (a report and its briefing note, for example)."""

    report = forms.ChoiceField(label="A report for this committee", required=False)
    other_report = forms.ChoiceField(label="Or a report for another body", required=False)

    def __init__(self, *args, reports: ReportChoices, **kwargs):
        super().__init__(*args, **kwargs)
        self._set_report_choices(reports)


class StandardItemAddForm(forms.Form):
    standard_item = forms.ChoiceField(label="Standard item", choices=StandardItem.choices)
    title = forms.CharField(
        label="Wording", max_length=300, required=False, help_text="Leave blank for the usual wording."
    )


class HeadingAddForm(forms.Form):
    title = forms.CharField(
        label="Heading", max_length=300, help_text="For example “Items for Pre-Decision Scrutiny”."
    )
    description = forms.CharField(
        label="Preamble",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Text printed under the heading.",
    )


class MinutesAddForm(forms.Form):
    """Minutes of another body (or of a meeting of this one), for information, as a PDF."""

    minutes_of = forms.ModelChoiceField(
        label="Minutes of the meeting",
        queryset=Meeting.objects.none(),
        required=False,
        empty_label="Another meeting, not listed",
    )
    title = forms.CharField(
        max_length=300, required=False, help_text="Leave blank to name the meeting chosen above."
    )
    document = forms.FileField(
        label="Minutes (PDF)", widget=forms.ClearableFileInput(attrs={"accept": ".pdf"})
    )
    urgency_reason = forms.CharField(
        label="Reason for urgency",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=URGENCY_HELP,
    )

    def __init__(self, *args, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["minutes_of"].queryset = meetings

    def clean(self):
        cleaned = super().clean()
        minutes_of = cleaned.get("minutes_of")
        if not cleaned.get("title"):
            if minutes_of is None:
                self.add_error("title", "Say whose minutes these are, or choose the meeting above.")
            else:
                cleaned["title"] = (
                    f"Minutes of the meeting of the {minutes_of.committee.name} held on {minutes_of.date:%-d %B %Y}"
                )
        return cleaned


class OtherItemAddForm(forms.Form):
    title = forms.CharField(max_length=300)
    description = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))
    document = forms.FileField(
        label="Document (PDF)",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf"}),
        help_text="Optional: a PDF bound into the pack with this item.",
    )
    urgency_reason = forms.CharField(
        label="Reason for urgency",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=URGENCY_HELP,
    )


class ItemEditForm(forms.Form):
    title = forms.CharField(max_length=300)
    description = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="A note on the item, or a preamble.",
    )
    urgency_reason = forms.CharField(
        label="Reason for urgency",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=URGENCY_HELP,
    )

    def __init__(self, *args, is_heading: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if is_heading:
            del self.fields["urgency_reason"]
            self.fields["title"].label = "Heading"
            self.fields["description"].label = "Preamble"
            self.fields["description"].help_text = "Text printed under the heading."


class PartBForm(forms.Form):
    """R4: an item taken in private cites the Schedule 12A paragraph(s) it is exempt under."""

    exempt_paragraphs = forms.TypedMultipleChoiceField(
        label="Exempt under Schedule 12A to the Local Government Act 1972",
        choices=[(number, f"Paragraph {number}: {text}") for number, text in SCHEDULE_12A_PARAGRAPHS.items()],
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose the paragraph(s) of Schedule 12A the item is exempt under."},
    )


class AgendaTemplateEntryForm(forms.Form):
    kind = forms.ChoiceField(label="Add", choices=AgendaTemplateEntry.Kind.choices, widget=forms.RadioSelect)
    standard_item = forms.ChoiceField(
        label="Standard item", choices=[("", "Choose a standard item"), *StandardItem.choices], required=False
    )
    title = forms.CharField(
        label="Wording or heading",
        max_length=300,
        required=False,
        help_text="A section heading's words; for a standard item, leave blank for the usual wording.",
    )
    preamble = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Text printed under a section heading.",
    )


class ItemDocumentForm(forms.Form):
    """A PDF bound into the pack with an existing item: the previous meeting's minutes on the
    template's standard item, say. It replaces any document the item has."""

    document = forms.FileField(
        label="Document (PDF)", widget=forms.ClearableFileInput(attrs={"accept": ".pdf"})
    )
    minutes_of = forms.ModelChoiceField(
        label="Minutes of the meeting",
        queryset=Meeting.objects.none(),
        required=False,
        empty_label="Not minutes, or another meeting",
    )

    def __init__(self, *args, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["minutes_of"].queryset = meetings
