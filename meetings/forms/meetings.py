"""Calling meetings, a committee's calendar, a meeting's details and its status."""

import re
from datetime import date, datetime

from django import forms

from council.forms import DateInput, TimeInput
from council.models import Committee

from ..models import Meeting

# How clerks write dates in a list: 17/06/2025, 17-06-2025, 2025-06-17, 17 June 2025 (17 Jun 2025,
# and with the weekday in front, as calendars print them: Tuesday 17 June 2025).
DATE_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d", "%d %B %Y", "%d %b %Y")
_WEEKDAY = re.compile(r"^(mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+", re.IGNORECASE)


def parse_meeting_date(text: str) -> date | None:
    """The date a clerk wrote, or None if it is not one of the accepted forms."""
    cleaned = _WEEKDAY.sub("", " ".join(text.split()))
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(cleaned, pattern).date()
        except ValueError:
            continue
    return None


def _committees():
    return Committee.objects.filter(is_active=True).order_by("name")


class _CommitteeDefaultsMixin:
    """The time and venue may be left blank for the committee's usual ones, if it has them."""

    def clean(self):
        cleaned = super().clean()
        committee = cleaned.get("committee")
        if committee is None:
            return cleaned
        if (
            not cleaned.get("start_time")
            and not committee.default_start_time
            and "start_time" not in self.errors
        ):
            self.add_error("start_time", f"{committee.name} has no usual start time: give one.")
        if not cleaned.get("venue") and not committee.default_venue:
            self.add_error("venue", f"{committee.name} has no usual venue: give one.")
        return cleaned


class MeetingCallForm(_CommitteeDefaultsMixin, forms.Form):
    committee = forms.ModelChoiceField(queryset=_committees(), empty_label="Choose the body that meets")
    date = forms.DateField(widget=DateInput())
    start_time = forms.TimeField(
        label="Start time",
        required=False,
        widget=TimeInput(),
        help_text="Leave blank for the committee's usual time.",
    )
    venue = forms.CharField(
        max_length=200, required=False, help_text="Leave blank for the committee's usual venue."
    )
    kind = forms.ChoiceField(
        label="Kind of meeting", choices=Meeting.Kind.choices, initial=Meeting.Kind.ORDINARY
    )
    pre_briefing_note = forms.CharField(
        label="Pre-briefing note",
        max_length=300,
        required=False,
        help_text=Meeting._meta.get_field("pre_briefing_note").help_text,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["committee"].queryset = _committees()


class MeetingCalendarForm(_CommitteeDefaultsMixin, forms.Form):
    committee = forms.ModelChoiceField(queryset=_committees(), empty_label="Choose the body that meets")
    dates = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text="One date a line, written like 17/06/2025, 2025-06-17 or 17 June 2025.",
    )
    start_time = forms.TimeField(
        label="Start time",
        required=False,
        widget=TimeInput(),
        help_text="Leave blank for the committee's usual time.",
    )
    venue = forms.CharField(
        max_length=200, required=False, help_text="Leave blank for the committee's usual venue."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["committee"].queryset = _committees()

    def clean_dates(self) -> list[date]:
        dates, errors = [], []
        for number, line in enumerate(self.cleaned_data["dates"].splitlines(), start=1):
            if not line.strip():
                continue
            parsed = parse_meeting_date(line)
            if parsed is None:
                errors.append(
                    f"Line {number} (“{line.strip()}”) is not a date: write it like 17/06/2025 or 17 June 2025."
                )
            else:
                dates.append(parsed)
        if errors:
            raise forms.ValidationError(errors)
        if not dates:
            raise forms.ValidationError("Give at least one date.")
        return dates


class MeetingDetailsForm(forms.ModelForm):
    """The details of a meeting already called; saved through `meeting_update`. Bind it to a copy of
    the meeting: validating a model form writes the typed values onto its instance."""

    class Meta:
        model = Meeting
        fields = ["date", "start_time", "venue", "kind", "pre_briefing_note"]
        widgets = {"date": DateInput(), "start_time": TimeInput()}
        labels = {"start_time": "Start time", "kind": "Kind of meeting"}


class MeetingStatusForm(forms.Form):
    """Postpone or cancel (each with the reason every page of the meeting shows), or reinstate."""

    ACTIONS = {
        "postpone": Meeting.Status.POSTPONED,
        "cancel": Meeting.Status.CANCELLED,
        "reinstate": Meeting.Status.SCHEDULED,
    }

    action = forms.ChoiceField(
        label="Change",
        choices=[
            ("postpone", "Postpone the meeting"),
            ("cancel", "Cancel the meeting"),
            ("reinstate", "Reinstate the meeting"),
        ],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        max_length=300,
        required=False,
        help_text="Shown on every page of the meeting. Needed to postpone or cancel.",
    )

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        if meeting.status == Meeting.Status.SCHEDULED:
            self.fields["action"].choices = self.fields["action"].choices[:2]
        else:
            self.fields["action"].choices = [("reinstate", "Reinstate the meeting")] + [
                choice
                for choice in self.fields["action"].choices[:2]
                if self.ACTIONS[choice[0]] != meeting.status
            ]

    def clean(self):
        cleaned = super().clean()
        status = self.ACTIONS.get(cleaned.get("action"))
        if status in Meeting.NOT_GOING_AHEAD and not cleaned.get("reason", "").strip():
            self.add_error("reason", f"Say why the meeting is {status.label.lower()}.")
        cleaned["status"] = status
        return cleaned
