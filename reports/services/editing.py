"""Writing a report: create a draft, save the editor's content, keep every version.

Saves use optimistic locking: the editor sends the revision it started from, and a save made
from an older revision is refused with `ReportConflict` so nobody's text is silently overwritten.
"""

from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from council.models import AuditEntry, Committee, Officer, Ward
from council.services import audit_record, changed_values, field_values, signed_in_user

from ..models import (
    Approval,
    BackgroundPaper,
    Consideration,
    Recommendation,
    Report,
    ReportSection,
    ReportVersion,
    SectionTemplate,
)
from ..rules import officer_of
from ..selectors import report_for_display
from ..snapshots import report_snapshot
from .body import RecommendationInput, recommendations_save, rows_replace, sections_save
from .workflow import ReportError, _lock, approval_round_start

# The Summary Sheet fields a save writes; status and the approval round belong to the workflow.
CONTENT_FIELDS = (
    "committee",
    "meeting_date",
    "title",
    "title_is_exempt",
    "is_key_decision",
    "on_forward_plan",
    "director",
    "affects_all_wards",
    "summary",
    "council_approval_required",
    "is_exempt",
    "exempt_paragraphs",
    "public_interest_reason",
)
_MANY_TO_MANY = {
    "authors": "authors",
    "wards": "wards",
    "accountable_officers": "accountable officers",
    "shared_with": "shared with",
}


class ReportConflict(ReportError):
    """Someone else saved the report after this editor loaded it (optimistic locking)."""

    def __init__(self, *, current_revision: int, saved_by: str, saved_at=None):
        self.current_revision = current_revision
        self.saved_by = saved_by
        at = f" at {timezone.localtime(saved_at):%H:%M}" if saved_at else ""
        super().__init__(
            f"This report was changed by {saved_by}{at} while you were editing. Your text is kept below: "
            "compare it with the current version and save again."
        )


@dataclass
class ReportContent:
    """Everything the editor changes, as one value: start from `report_content(report)`."""

    committee: Committee
    meeting_date: date
    title: str
    title_is_exempt: bool = False
    is_key_decision: bool = False
    on_forward_plan: bool = False
    director: Officer | None = None
    authors: list[Officer] = field(default_factory=list)
    affects_all_wards: bool = False
    wards: list[Ward] = field(default_factory=list)
    summary: str = ""
    council_approval_required: bool = False
    is_exempt: bool = False
    exempt_paragraphs: list[int] = field(default_factory=list)
    public_interest_reason: str = ""
    accountable_officers: list[Officer] = field(default_factory=list)
    # Section position -> body HTML; positions not given are left unchanged.
    sections: dict[int, str] = field(default_factory=dict)
    recommendations: list[RecommendationInput] = field(default_factory=list)
    background_papers: list[tuple[str, str]] = field(default_factory=list)
    considerations: list[tuple[Committee | None, str, date | None]] = field(default_factory=list)
    shared_with: list[AbstractBaseUser] = field(default_factory=list)


def _names(objects) -> list[str]:
    return sorted(str(o) for o in objects)


def _user_name(user) -> str:
    if user is None:
        return "someone else"
    return user.get_full_name() or user.get_username()


def _current_snapshot(report: Report) -> dict:
    return report_snapshot(report_for_display(Report.objects.filter(pk=report.pk)).get())


def _version_add(*, report: Report, snapshot: dict, by, note: str = "") -> ReportVersion:
    latest = ReportVersion.objects.filter(report=report).aggregate(n=Max("number"))["n"] or 0
    return ReportVersion.objects.create(
        report=report,
        number=latest + 1,
        snapshot=snapshot,
        status=report.status,
        created_by=signed_in_user(by),
        note=note[:200],
    )


def _approvals_restart_needed(report: Report) -> bool:
    """Issue 3: editing an approved report sends it back for approval.

    A submitted report goes back too once anyone has signed this round; while nobody has, the
    pending round simply carries on (so the editor's autosave does not pile up empty rounds).
    """
    if report.status == Report.Status.APPROVED:
        return True
    return (
        report.status == Report.Status.SUBMITTED
        and report.approvals.filter(round=report.approval_round)
        .exclude(decision=Approval.Decision.PENDING)
        .exists()
    )


def revision_record(*, report: Report, by, note: str = "") -> ReportVersion:
    """After a change to a locked report: new approval round if needed, next revision, new version.

    Shared by the services of this package (saves, appendices); the caller audits the change first.
    """
    if _approvals_restart_needed(report):
        approval_round_start(report=report, by=by)
    report.revision += 1
    report.save(update_fields=["revision", "updated_at"])
    return _version_add(report=report, snapshot=_current_snapshot(report), by=by, note=note)


def report_create(*, committee: Committee, meeting_date: date, title: str, by) -> Report:
    """A new draft with the council's current standard sections; the creator's officer is its author."""
    with transaction.atomic():
        report = Report(committee=committee, meeting_date=meeting_date, title=title, created_by=by)
        report.full_clean()
        report.save()
        officer = officer_of(by)
        if officer is not None:
            report.authors.add(officer)
        # Copied, not linked: later changes to the templates never alter this report.
        ReportSection.objects.bulk_create(
            ReportSection(
                report=report,
                position=t.position,
                title=t.title,
                guidance=t.guidance,
                holds_recommendations=t.holds_recommendations,
            )
            for t in SectionTemplate.objects.filter(is_active=True).order_by("position")
        )
        _version_add(report=report, snapshot=_current_snapshot(report), by=by, note="Created")
        audit_record(
            obj=report,
            by=by,
            action=AuditEntry.Action.CREATED,
            changes={label: [None, value] for label, value in field_values(report).items()},
        )
    return report


def report_content(report: Report) -> ReportContent:
    """The report's current content, e.g. as a form's initial data."""
    recommendations = list(Recommendation.objects.filter(report=report).order_by("position"))
    sub_points: dict[int, list[Recommendation]] = {}
    for rec in recommendations:
        if rec.parent_id is not None:
            sub_points.setdefault(rec.parent_id, []).append(rec)
    return ReportContent(
        **{name: getattr(report, name) for name in CONTENT_FIELDS},
        authors=list(report.authors.all()),
        wards=list(report.wards.all()),
        accountable_officers=list(report.accountable_officers.all()),
        shared_with=list(report.shared_with.all()),
        sections={s.position: s.body for s in report.sections.all()},
        recommendations=[
            RecommendationInput(
                id=rec.pk,
                text=rec.text,
                sub_point_style=rec.sub_point_style,
                sub_points=[RecommendationInput(id=s.pk, text=s.text) for s in sub_points.get(rec.pk, [])],
            )
            for rec in recommendations
            if rec.parent_id is None
        ],
        background_papers=[(p.title, p.location) for p in report.background_papers.all()],
        considerations=[(c.committee, c.body_name, c.meeting_date) for c in report.considerations.all()],
    )


def _change_note(before: dict, after: dict) -> str:
    parts = []
    old_bodies = {s["number"]: s["body"] for s in before["sections"]}
    changed = [str(s["number"]) for s in after["sections"] if old_bodies.get(s["number"]) != s["body"]]
    if changed:
        parts.append(f"Body section{'s' if len(changed) > 1 else ''} {', '.join(changed)} changed")
    for key, words in (
        ("recommendations", "recommendations"),
        ("background_papers", "background papers"),
        ("considerations", "consideration by other bodies"),
    ):
        if before[key] != after[key]:
            parts.append(f"{words} changed")
    note = "; ".join(parts)
    return note[:1].upper() + note[1:]


def report_save(
    *, report: Report, content: ReportContent, expected_revision: int, by, note: str = ""
) -> Report:
    """Save the editor's content as the next version, or refuse if someone saved first.

    A ValidationError (e.g. R4: an exempt report must cite a Schedule 12A paragraph) leaves
    everything as it was, keyed by the form field it belongs to. Saving a submitted or approved
    report starts a new approval round. A save that changes nothing writes nothing.
    """
    with transaction.atomic():
        _lock(report)
        if report.revision != expected_revision:
            latest = ReportVersion.objects.filter(report=report).select_related("created_by").first()
            raise ReportConflict(
                current_revision=report.revision,
                saved_by=_user_name(latest.created_by if latest else None),
                saved_at=latest.created_at if latest else None,
            )
        if not report.is_editable:
            raise ReportError(
                f"A {report.get_status_display().lower()} report is frozen and cannot be changed. "
                "Ask democratic services if it needs correcting."
            )
        before = _current_snapshot(report)
        before_fields = field_values(report)
        before_related = {name: _names(getattr(report, name).all()) for name in _MANY_TO_MANY}

        for name in CONTENT_FIELDS:
            setattr(report, name, getattr(content, name))
        report.exempt_paragraphs = sorted(set(content.exempt_paragraphs))
        report.full_clean()  # R4 and the other model rules; sanitises the summary
        field_changes = changed_values(before_fields, field_values(report))
        if field_changes:
            report.save(update_fields=[*CONTENT_FIELDS, "updated_at"])
        for name in _MANY_TO_MANY:
            getattr(report, name).set(getattr(content, name))
        sections_save(report, content.sections)
        recommendations_save(report=report, inputs=content.recommendations)
        rows_replace(
            report,
            BackgroundPaper,
            "background_papers",
            "Background paper",
            [{"title": title, "location": location} for title, location in content.background_papers],
        )
        rows_replace(
            report,
            Consideration,
            "considerations",
            "Consideration",
            [
                {"committee_id": committee.pk if committee else None, "body_name": name, "meeting_date": day}
                for committee, name, day in content.considerations
            ],
        )

        after = _current_snapshot(report)
        for name, label in _MANY_TO_MANY.items():
            now = _names(getattr(report, name).all())
            if now != before_related[name]:
                field_changes[label] = [before_related[name], now]
        if after == before:
            if field_changes:  # only who it is shared with changed: not a new version
                audit_record(obj=report, by=by, action=AuditEntry.Action.CHANGED, changes=field_changes)
            return report
        audit_record(
            obj=report,
            by=by,
            action=AuditEntry.Action.CHANGED,
            changes=field_changes,
            note=_change_note(before, after),
        )
        revision_record(report=report, by=by, note=note)
    return report
