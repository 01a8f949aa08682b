"""Forms for the workflow actions on a report page."""

from django import forms

from council.forms import DateInput


class ApprovalForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("approved", "Approve"), ("not_applicable", "Not applicable")], initial="approved"
    )
    officer_name = forms.CharField(
        label="Named officer",
        max_length=200,
        required=False,
        help_text="Leave blank to sign in your own name.",
    )
    decided_on = forms.DateField(
        label="Date", required=False, widget=DateInput(), help_text="Blank for today."
    )
    not_applicable_reason = forms.CharField(label="Why it is not applicable", max_length=300, required=False)

    def __init__(self, *args, role: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.role = role

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("decision") == "not_applicable"
            and not cleaned.get("not_applicable_reason", "").strip()
        ):
            self.add_error("not_applicable_reason", "Say why this approval is not applicable.")
        return cleaned


class ReasonForm(forms.Form):
    reason = forms.CharField(max_length=500, widget=forms.Textarea(attrs={"rows": 2}))
