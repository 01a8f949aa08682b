"""Staff forms for the organisation. Validation lives in the models; these shape the input."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import slugify

from .models import (
    ClosureDay,
    Committee,
    CoOptee,
    Councillor,
    CouncilProfile,
    Directorate,
    Membership,
    MunicipalYear,
    Officer,
    Party,
    Ward,
)
from .selectors import municipal_year_for

MAX_PHOTO_BYTES = 2 * 1024 * 1024


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)


class SlugFromNameMixin:
    """Leave the web address blank and it is made from the name."""

    slug_source = "name"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        self.fields["slug"].label = "Web address"
        self.fields[
            "slug"
        ].help_text = "Lower-case words joined by hyphens; leave blank to make it from the name."
        self.fields["slug"].error_messages["unique"] = "Another record already uses this web address."

    def slug_from(self, cleaned_data) -> str:
        return cleaned_data.get(self.slug_source) or ""

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("slug") and "slug" not in self.errors:
            cleaned["slug"] = slugify(self.slug_from(cleaned))[:160]
        return cleaned


class WardForm(SlugFromNameMixin, forms.ModelForm):
    class Meta:
        model = Ward
        fields = ["name", "slug"]


class PartyForm(SlugFromNameMixin, forms.ModelForm):
    class Meta:
        model = Party
        fields = ["name", "short_name", "slug"]


class DirectorateForm(SlugFromNameMixin, forms.ModelForm):
    class Meta:
        model = Directorate
        fields = ["name", "short_name", "slug"]


class CouncillorForm(SlugFromNameMixin, forms.ModelForm):
    class Meta:
        model = Councillor
        fields = [
            "title",
            "first_name",
            "last_name",
            "slug",
            "party",
            "ward",
            "photo",
            "email",
            "phone",
            "address",
            "term_start",
            "term_end",
            "user",
        ]
        widgets = {
            "term_start": DateInput(),
            "term_end": DateInput(),
            "address": forms.Textarea(attrs={"rows": 3}),
        }

    def slug_from(self, cleaned_data):
        return f"{cleaned_data.get('first_name', '')} {cleaned_data.get('last_name', '')}"

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if photo and getattr(photo, "size", 0) > MAX_PHOTO_BYTES:
            raise ValidationError("The photo must be 2 MB or smaller.")
        return photo


class OfficerForm(forms.ModelForm):
    class Meta:
        model = Officer
        fields = ["name", "job_title", "directorate", "phone", "email", "user", "is_active"]


class CoOpteeForm(forms.ModelForm):
    class Meta:
        model = CoOptee
        fields = ["honorific", "name", "email", "phone"]


class CommitteeForm(SlugFromNameMixin, forms.ModelForm):
    class Meta:
        model = Committee
        fields = [
            "name",
            "short_name",
            "slug",
            "kind",
            "parent",
            "purpose",
            "terms_of_reference",
            "quorum_rule",
            "quorum_fixed",
            "default_venue",
            "default_start_time",
            "has_pre_briefing",
            "chair_title",
            "vice_chair_title",
            "is_active",
        ]
        widgets = {
            "default_start_time": TimeInput(),
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "terms_of_reference": forms.Textarea(attrs={"rows": 6}),
        }


class MunicipalYearForm(forms.ModelForm):
    class Meta:
        model = MunicipalYear
        fields = ["start_date", "end_date"]
        widgets = {"start_date": DateInput(), "end_date": DateInput()}


class ClosureDayForm(forms.ModelForm):
    class Meta:
        model = ClosureDay
        fields = ["date", "reason"]
        widgets = {"date": DateInput()}
        error_messages = {"date": {"unique": "That day is already a closure day."}}


class CouncilProfileForm(forms.ModelForm):
    website = forms.URLField(required=False, assume_scheme="https")

    class Meta:
        model = CouncilProfile
        fields = [
            "name",
            "short_name",
            "address",
            "website",
            "email",
            "phone",
            "proper_officer",
            "proper_officer_title",
            "logo",
            "accessibility_contact",
            "accessibility_statement_prepared",
        ]
        widgets = {
            "address": forms.Textarea(attrs={"rows": 3}),
            "accessibility_statement_prepared": DateInput(),
        }


class MembershipFormBase(forms.ModelForm):
    """The committee is fixed by the page; the municipal year is the one the start date falls in."""

    def __init__(self, *args, committee: Committee, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.committee = committee

    def clean(self):
        cleaned = super().clean()
        start = cleaned.get("start_date")
        if start:
            year = municipal_year_for(start)
            if year is None:
                self.add_error(
                    "start_date",
                    f"No municipal year covers {start:%-d %B %Y}. Add the municipal year first.",
                )
            else:
                self.instance.municipal_year = year
        return cleaned

    def _post_clean(self):
        # Model validation (overlaps, date order) needs the municipal year; skip it when none was found.
        if self.instance.municipal_year_id is None:
            return
        super()._post_clean()


class CouncillorMembershipForm(MembershipFormBase):
    class Meta:
        model = Membership
        fields = ["councillor", "role", "start_date", "end_date", "is_voting"]
        widgets = {"start_date": DateInput(), "end_date": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["councillor"].required = True
        self.fields["councillor"].queryset = Councillor.objects.select_related("party")
        self.fields["role"].choices = [
            (value, label) for value, label in Membership.Role.choices if value != Membership.Role.CO_OPTED
        ]


class CoOptedMembershipForm(MembershipFormBase):
    """Appoint a co-opted member: an existing co-optee, or a new one named here."""

    new_honorific = forms.CharField(
        label="Honorific", max_length=20, required=False, help_text="Mr, Mrs, Father…"
    )
    new_name = forms.CharField(
        label="Name of a new co-opted member",
        max_length=160,
        required=False,
        help_text="If not in the list above.",
    )

    class Meta:
        model = Membership
        fields = [
            "co_optee",
            "new_honorific",
            "new_name",
            "representing",
            "is_statutory",
            "is_voting",
            "item_scope",
            "start_date",
            "end_date",
        ]
        widgets = {"start_date": DateInput(), "end_date": DateInput()}
        labels = {"co_optee": "Existing co-opted member", "representing": "Organisation represented"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.role = Membership.Role.CO_OPTED
        self.fields["co_optee"].required = False
        self.fields["is_voting"].initial = False

    def clean(self):
        co_optee = self.cleaned_data.get("co_optee")
        new_name = (self.cleaned_data.get("new_name") or "").strip()
        if co_optee and new_name:
            raise ValidationError("Choose an existing co-opted member or name a new one, not both.")
        if not co_optee and not new_name:
            self.add_error("co_optee", "Choose an existing co-opted member, or name a new one below.")
        if new_name and not co_optee:
            # Saved by the service in the same transaction as the membership.
            self.cleaned_data["co_optee"] = CoOptee(
                honorific=self.cleaned_data.get("new_honorific", ""), name=new_name
            )
        return super().clean()

    def _get_validation_exclusions(self):
        exclusions = super()._get_validation_exclusions()
        co_optee = self.cleaned_data.get("co_optee")
        if co_optee is not None and co_optee.pk is None:
            # A new co-optee has no id yet, so the "one person" constraint is checked after it is saved.
            exclusions.add("co_optee")
        return exclusions


class MembershipEndForm(forms.Form):
    end_date = forms.DateField(label="Last day as a member", widget=DateInput())


class MembershipRoleChangeForm(forms.Form):
    """A change of office mid-year, e.g. a member becoming vice-chair from a given day."""

    role = forms.ChoiceField(choices=Membership.Role.choices)
    from_date = forms.DateField(label="New role from", widget=DateInput())
