"""Committees (every decision-making or scrutiny body) and their dated memberships."""

import math
from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse


class MunicipalYear(models.Model):
    """From one annual meeting of the council (usually in May) to the day before the next."""

    start_date = models.DateField(unique=True)
    end_date = models.DateField()

    class Meta:
        ordering = ["-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gt=F("start_date")),
                name="municipalyear_end_after_start",
                violation_error_message="The municipal year must end after it starts.",
            )
        ]

    def __str__(self):
        return self.label

    @property
    def label(self):
        return f"{self.start_date.year}/{str(self.end_date.year)[-2:]}"

    def contains(self, day: date) -> bool:
        return self.start_date <= day <= self.end_date


class Committee(models.Model):
    class Kind(models.TextChoices):
        FULL_COUNCIL = "full_council", "Full council"
        EXECUTIVE = "executive", "Cabinet / executive"
        SCRUTINY_BOARD = "scrutiny_board", "Scrutiny board"
        SELECT_COMMISSION = "select_commission", "Select commission"
        SCRUTINY_PANEL = "scrutiny_panel", "Scrutiny panel"
        SUB_PANEL = "sub_panel", "Sub-panel"
        REGULATORY = "regulatory", "Regulatory committee"
        TASK_AND_FINISH = "task_and_finish", "Task-and-finish group"

    class QuorumRule(models.TextChoices):
        QUARTER = "quarter", "One quarter of the members (full council)"
        STANDARD = "standard", "One quarter of the members, at least three"
        FIXED = "fixed", "A fixed number of members"

    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(max_length=40, blank=True, help_text="e.g. OSMB, ILSC.")
    slug = models.SlugField(max_length=200, unique=True, help_text="Used in the committee's web address.")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        help_text="The body this one reports to (a sub-panel's panel, a task group's commission).",
    )
    purpose = models.TextField(blank=True, help_text="A sentence or two for the public page.")
    terms_of_reference = models.TextField(blank=True)
    quorum_rule = models.CharField(max_length=10, choices=QuorumRule.choices, default=QuorumRule.STANDARD)
    quorum_fixed = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Only for a fixed quorum rule."
    )
    default_venue = models.CharField(max_length=200, blank=True)
    default_start_time = models.TimeField(null=True, blank=True)
    has_pre_briefing = models.BooleanField(default=False, help_text="Members meet for a briefing beforehand.")
    chair_title = models.CharField(max_length=40, default="Chair", help_text="“Chair” or “Chairman”…")
    vice_chair_title = models.CharField(max_length=40, default="Vice-Chair")
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(quorum_rule="fixed") | Q(quorum_fixed__gte=1),
                name="committee_fixed_quorum_has_number",
                violation_error_message="A fixed quorum needs the number of members.",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("committee_detail", args=[self.slug])

    def clean(self):
        # Walk up the reporting line: a body cannot (indirectly) report to itself.
        seen = {self.pk} if self.pk else set()
        ancestor = self.parent
        while ancestor is not None:
            if ancestor.pk in seen:
                raise ValidationError(
                    {"parent": "A committee cannot report to itself, directly or through another body."}
                )
            seen.add(ancestor.pk)
            ancestor = ancestor.parent

    def quorum_for(self, voting_members: int) -> int:
        """Quorum for a body of `voting_members` (statutory-rules.md, "Meetings practice")."""
        if self.quorum_rule == self.QuorumRule.FIXED:
            return self.quorum_fixed or 0
        quarter = math.ceil(voting_members / 4)
        if self.quorum_rule == self.QuorumRule.QUARTER:
            return quarter
        return max(quarter, 3)


class Membership(models.Model):
    """One person's place on one committee for a span of one municipal year.

    A change of role or a departure ends this row and (for a change) starts another:
    rows are never overwritten, so the history of who sat where stays complete.
    """

    class Role(models.TextChoices):
        CHAIR = "chair", "Chair"
        VICE_CHAIR = "vice_chair", "Vice-Chair"
        MEMBER = "member", "Member"
        CO_OPTED = "co_opted", "Co-opted member"
        SUBSTITUTE = "substitute", "Substitute"

    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="memberships")
    municipal_year = models.ForeignKey(MunicipalYear, on_delete=models.PROTECT, related_name="memberships")
    councillor = models.ForeignKey(
        "council.Councillor", on_delete=models.PROTECT, null=True, blank=True, related_name="memberships"
    )
    co_optee = models.ForeignKey(
        "council.CoOptee", on_delete=models.PROTECT, null=True, blank=True, related_name="memberships"
    )
    role = models.CharField(max_length=12, choices=Role.choices, default=Role.MEMBER)
    start_date = models.DateField()
    end_date = models.DateField(
        null=True, blank=True, help_text="Leave blank to run to the end of the municipal year."
    )
    is_voting = models.BooleanField(default=True)
    representing = models.CharField(
        max_length=200, blank=True, help_text="For a co-optee: the body they represent."
    )
    is_statutory = models.BooleanField(default=False, help_text="A statutory co-optee (e.g. education).")
    item_scope = models.CharField(
        max_length=300,
        blank=True,
        help_text="If limited to some items, e.g. “items on older people's issues”.",
    )

    class Meta:
        ordering = ["committee", "start_date"]
        indexes = [models.Index(fields=["committee", "start_date", "end_date"])]
        constraints = [
            models.CheckConstraint(
                condition=(Q(councillor__isnull=False) & Q(co_optee__isnull=True))
                | (Q(councillor__isnull=True) & Q(co_optee__isnull=False)),
                name="membership_one_person",
                violation_error_message="A membership is for one councillor or one co-opted member.",
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="membership_end_after_start",
                violation_error_message="The end date cannot be before the start date.",
            ),
        ]

    def __str__(self):
        return f"{self.person_name}, {self.get_role_display()} of {self.committee}"

    @property
    def person(self):
        return self.councillor or self.co_optee

    @property
    def person_name(self):
        person = self.person
        return person.full_name if person else "(nobody)"

    @property
    def effective_end(self) -> date:
        return self.end_date or self.municipal_year.end_date

    def is_current(self, on: date) -> bool:
        return self.start_date <= on <= self.effective_end

    def role_title(self) -> str:
        """The office as this body writes it (“Chairman” on some bodies)."""
        if self.role == self.Role.CHAIR:
            return self.committee.chair_title
        if self.role == self.Role.VICE_CHAIR:
            return self.committee.vice_chair_title
        return self.get_role_display()

    def clean(self):
        errors = {}
        if self.end_date and self.start_date and self.end_date < self.start_date:
            errors["end_date"] = "The end date cannot be before the start date."
        has_co_optee = self.co_optee is not None
        if (self.councillor_id and has_co_optee) or not (self.councillor_id or has_co_optee):
            errors["__all__"] = "Choose one councillor or one co-opted member."
        if self.role == self.Role.CO_OPTED and self.councillor_id:
            errors["role"] = (
                "A councillor sits as chair, vice-chair, member or substitute, not as a co-optee."
            )
        if has_co_optee and self.role in (self.Role.CHAIR, self.Role.VICE_CHAIR):
            errors["role"] = "A co-opted member cannot chair the body here; appoint a councillor."
        year = self.municipal_year if self.municipal_year_id else None
        if year and self.start_date and not year.contains(self.start_date):
            errors["start_date"] = f"The start date must fall within the municipal year {year.label}."
        if year and self.end_date and "end_date" not in errors and not year.contains(self.end_date):
            errors["end_date"] = f"The end date must fall within the municipal year {year.label}."
        if not errors and self.councillor_id:
            errors.update(self._term_of_office_errors())
        if errors:
            raise ValidationError(errors)
        self._check_no_overlap()

    def _term_of_office_errors(self) -> dict:
        """A councillor sits on committees only while in office."""
        councillor = self.councillor
        term_end = councillor.term_end
        if self.start_date and (
            self.start_date < councillor.term_start or (term_end and self.start_date > term_end)
        ):
            return {"start_date": f"{councillor.full_name} is not in office on {self.start_date:%-d %B %Y}."}
        if self.end_date and term_end and self.end_date > term_end:
            return {"end_date": f"{councillor.full_name}'s term of office ends on {term_end:%-d %B %Y}."}
        return {}

    def _overlapping(self):
        """Rows of this committee whose dates overlap this one's (open ends run to their year's end)."""
        end = self.end_date or self.municipal_year.end_date
        others = (
            Membership.objects.filter(committee_id=self.committee_id, start_date__lte=end)
            .filter(
                Q(end_date__gte=self.start_date)
                | Q(end_date__isnull=True, municipal_year__end_date__gte=self.start_date)
            )
            .exclude(pk=self.pk)
        )
        return others

    def _check_no_overlap(self):
        if not (self.committee_id and self.start_date and self.municipal_year_id):
            return
        overlapping = self._overlapping()
        same_person = overlapping.filter(councillor_id=self.councillor_id, co_optee_id=self.co_optee_id)
        clash = same_person.select_related("municipal_year").first()
        if clash:
            raise ValidationError(
                f"{self.person_name} already has a membership of this committee from "
                f"{clash.start_date:%-d %B %Y} to {clash.effective_end:%-d %B %Y}, which overlaps these dates. "
                "End that membership first, or choose other dates."
            )
        if self.role == self.Role.CHAIR:
            other_chair = overlapping.filter(role=self.Role.CHAIR).first()
            if other_chair:
                raise ValidationError(
                    {
                        "role": f"{other_chair.person_name} is {self.committee.chair_title} for overlapping dates."
                    }
                )
