"""Reads that pages share, written once with the joins they need."""

from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, IntegerField, Prefetch, Q, QuerySet, Value, When
from django.utils import timezone

from .models import AuditEntry, Committee, Councillor, Membership, MunicipalYear

ROLE_ORDER = Case(
    When(role=Membership.Role.CHAIR, then=Value(0)),
    When(role=Membership.Role.VICE_CHAIR, then=Value(1)),
    When(role=Membership.Role.MEMBER, then=Value(2)),
    When(role=Membership.Role.CO_OPTED, then=Value(3)),
    When(role=Membership.Role.SUBSTITUTE, then=Value(4)),
    output_field=IntegerField(),
)


def today() -> date:
    return timezone.localdate()


def _current(on: date) -> Q:
    """Memberships running on `on`: an open end runs to the end of its municipal year, or to the
    end of the councillor's term of office if that comes first."""
    in_office = (
        Q(councillor__isnull=True) | Q(councillor__term_end__isnull=True) | Q(councillor__term_end__gte=on)
    )
    return (
        Q(start_date__lte=on)
        & (Q(end_date__gte=on) | Q(end_date__isnull=True, municipal_year__end_date__gte=on))
        & in_office
    )


def memberships_running(*, on) -> QuerySet[Membership]:
    """Memberships running on `on`: a date, or an expression such as `OuterRef("meeting_date")`."""
    return Membership.objects.filter(_current(on))


def memberships_current(*, on: date | None = None) -> QuerySet[Membership]:
    return (
        memberships_running(on=on or today())
        .select_related("councillor__party", "councillor__ward", "co_optee", "municipal_year", "committee")
        .annotate(role_rank=ROLE_ORDER)
        .order_by("role_rank", "councillor__last_name", "councillor__first_name", "co_optee__name")
    )


def committee_members(*, committee: Committee, on: date | None = None) -> list[Membership]:
    """The committee's members on a date, chair first, then vice-chair, members, co-optees, substitutes."""
    return list(memberships_current(on=on).filter(committee=committee))


def committee_membership_history(*, committee: Committee) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(committee=committee)
        .select_related("councillor", "co_optee", "municipal_year", "committee")
        .annotate(role_rank=ROLE_ORDER)
        .order_by("-municipal_year__start_date", "role_rank", "start_date", "councillor__last_name")
    )


def committees_active() -> QuerySet[Committee]:
    return Committee.objects.filter(is_active=True).select_related("parent").order_by("name")


def councillors_listed(*, party: str | None = None, ward: str | None = None) -> QuerySet[Councillor]:
    on = today()
    councillors = Councillor.objects.select_related("party", "ward").filter(
        Q(term_end__isnull=True) | Q(term_end__gte=on)
    )
    if party:
        councillors = councillors.filter(party__slug=party)
    if ward:
        councillors = councillors.filter(ward__slug=ward)
    return councillors


def councillor_with_roles(*, slug: str, on: date | None = None) -> Councillor:
    """One councillor with their current committee roles prefetched as `current_memberships`."""
    current = memberships_current(on=on).order_by("role_rank", "committee__name")
    return (
        Councillor.objects.select_related("party", "ward")
        .prefetch_related(Prefetch("memberships", queryset=current, to_attr="current_memberships"))
        .get(slug=slug)
    )


def municipal_year_for(day: date) -> MunicipalYear | None:
    return MunicipalYear.objects.filter(start_date__lte=day, end_date__gte=day).first()


def audit_entries_for(obj) -> QuerySet[AuditEntry]:
    return AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=True), object_id=str(obj.pk)
    ).select_related("actor")


def audit_entries_for_committee(*, committee: Committee, limit: int = 50) -> list[AuditEntry]:
    """The committee's own history together with its memberships' history, newest first."""
    membership_ids = [
        str(pk) for pk in Membership.objects.filter(committee=committee).values_list("pk", flat=True)
    ]
    committee_type = ContentType.objects.get_for_model(Committee)
    membership_type = ContentType.objects.get_for_model(Membership)
    return list(
        AuditEntry.objects.filter(
            Q(content_type=committee_type, object_id=str(committee.pk))
            | Q(content_type=membership_type, object_id__in=membership_ids)
        ).select_related("actor")[:limit]
    )
