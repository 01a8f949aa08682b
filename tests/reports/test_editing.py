from dataclasses import replace

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from council.models import AuditEntry
from reports.models import Approval, Recommendation, Report, ReportSection, ReportVersion, SectionTemplate
from reports.services import (
    RecommendationInput,
    ReportConflict,
    ReportError,
    approval_record,
    report_content,
    report_publish,
    report_save,
    report_submit,
)
from tests.factories import CommitteeFactory, UserFactory

from .factories import (
    MEETING_DATE,
    STANDARD_SECTION_TITLES,
    ReportFactory,
    approvers,
    officer_user,
    report_approved,
    report_edit,
    report_ready,
)

pytestmark = pytest.mark.django_db


def test_report_create_copies_the_fourteen_standard_sections():
    author = officer_user(name="Sam Writer")
    committee = CommitteeFactory(name="Improving Places Select Commission")

    report = ReportFactory(committee=committee, title="Grass Cutting Review", by=author)

    sections = list(report.sections.order_by("position"))
    assert [s.title for s in sections] == STANDARD_SECTION_TITLES
    assert [s.position for s in sections] == list(range(1, 15))
    assert [s.holds_recommendations for s in sections] == [True] + [False] * 13
    assert report.status == Report.Status.DRAFT
    assert report.created_by == author
    assert [a.name for a in report.authors.all()] == ["Sam Writer"]
    version = report.versions.get()
    assert (version.number, version.status, version.created_by) == (1, "draft", author)
    assert version.snapshot["title"] == "Grass Cutting Review"
    assert len(version.snapshot["sections"]) == 14
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.object_repr) == (AuditEntry.Action.CREATED, "Grass Cutting Review")
    assert entry.changes["report title"] == [None, "Grass Cutting Review"]


def test_report_create_without_officer_has_no_author():
    clerk = UserFactory(username="clerk2", password=None)

    report = ReportFactory(by=clerk)

    assert list(report.authors.all()) == []


def test_report_create_later_template_changes_leave_existing_reports_alone():
    report = ReportFactory()
    SectionTemplate.objects.filter(position=2).update(title="Context")
    SectionTemplate.objects.filter(position=14).update(is_active=False)
    SectionTemplate.objects.create(position=15, title="Climate Implications")

    assert [s.title for s in report.sections.order_by("position")] == STANDARD_SECTION_TITLES
    newer = ReportFactory()
    titles = [s.title for s in newer.sections.order_by("position")]
    assert titles[1] == "Context"
    assert titles[-2:] == ["Risks and Mitigation", "Climate Implications"]


def test_report_save_writes_a_new_version_and_audits_the_changes():
    report = ReportFactory(title="Grass Cutting Review")
    author = report.created_by

    saved = report_edit(
        report,
        by=author,
        title="Grass Cutting and Verges Review",
        sections={2: "<p>The council cuts verges twice a year.</p>", 7: "<p>No extra cost.</p>"},
        recommendations=[RecommendationInput(id=None, text="That the review be noted.")],
    )

    assert saved.revision == 1
    assert list(saved.versions.values_list("number", flat=True)) == [2, 1]
    assert saved.sections.get(position=2).body == "<p>The council cuts verges twice a year.</p>"
    entry = AuditEntry.objects.filter(action=AuditEntry.Action.CHANGED).get()
    assert entry.changes == {"report title": ["Grass Cutting Review", "Grass Cutting and Verges Review"]}
    assert entry.note == "Body sections 2, 7 changed; recommendations changed"


def test_report_save_unchanged_content_writes_nothing():
    report = ReportFactory()

    saved = report_save(
        report=report, content=report_content(report), expected_revision=0, by=report.created_by
    )

    assert saved.revision == 0
    assert ReportVersion.objects.count() == 1
    assert AuditEntry.objects.count() == 1


def test_report_save_stale_revision_raises_conflict_and_writes_nothing():
    report = ReportFactory()
    colleague = officer_user(name="Ali Khan", username="ali")
    report.shared_with.add(colleague)
    stale = report_content(report)
    report_edit(report, by=colleague, title="Colleague's title")
    latest = ReportVersion.objects.get(number=2)

    with pytest.raises(ReportConflict) as conflict:
        report_save(
            report=report,
            content=replace(stale, title="My title"),
            expected_revision=0,
            by=report.created_by,
        )

    assert conflict.value.current_revision == 1
    assert conflict.value.saved_by == "Ali Khan"
    assert str(conflict.value) == (
        f"This report was changed by Ali Khan at {timezone.localtime(latest.created_at):%H:%M} while you "
        "were editing. Your text is kept below: compare it with the current version and save again."
    )
    report.refresh_from_db()
    assert report.title == "Colleague's title"
    assert ReportVersion.objects.count() == 2


def test_report_save_keeps_recommendation_ids_across_saves():
    report = report_ready()
    first, second = report.recommendations.order_by("position")

    content = report_content(report)
    content.recommendations = [
        RecommendationInput(id=second.pk, text="That the actions be approved, as amended."),
        RecommendationInput(id=None, text="That progress be reported in six months."),
        RecommendationInput(
            id=first.pk,
            text="That the review be noted.",
            sub_point_style="bulleted",
            sub_points=[RecommendationInput(id=None, text="including the survey")],
        ),
    ]
    saved = report_save(
        report=report, content=content, expected_revision=report.revision, by=report.created_by
    )

    top = list(Recommendation.objects.filter(report=saved, parent=None).order_by("position"))
    assert [(r.position, r.text) for r in top] == [
        (1, "That the actions be approved, as amended."),
        (2, "That progress be reported in six months."),
        (3, "That the review be noted."),
    ]
    assert top[0].pk == second.pk
    assert top[2].pk == first.pk
    sub = Recommendation.objects.get(parent=first)
    assert (sub.position, sub.number, sub.text) == (1, "•", "including the survey")

    again = report_edit(
        saved, by=report.created_by, recommendations=report_content(saved).recommendations[:1]
    )
    assert list(again.recommendations.values_list("pk", flat=True)) == [second.pk]


def test_report_save_exempt_without_paragraph_refused_r4():
    report = ReportFactory(title="Land Disposal at Bramley")

    with pytest.raises(ValidationError) as error:
        report_edit(report, by=report.created_by, is_exempt=True, public_interest_reason="Commercial terms.")

    assert error.value.message_dict == {
        "exempt_paragraphs": ["An exempt document must cite its Schedule 12A paragraph(s)."]
    }
    report.refresh_from_db()
    assert (report.is_exempt, report.revision) == (False, 0)


def test_report_save_exempt_with_paragraph_accepted_r4():
    report = ReportFactory()

    saved = report_edit(
        report,
        by=report.created_by,
        is_exempt=True,
        exempt_paragraphs=[3],
        public_interest_reason="Commercial terms under negotiation.",
    )

    assert saved.exempt_paragraphs_display == (
        "Paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972"
    )


def test_report_key_decision_not_on_forward_plan_shows_warning_r10():
    report = ReportFactory()

    saved = report_edit(report, by=report.created_by, is_key_decision=True, on_forward_plan=False)

    assert saved.key_decision_warning == (
        "This is a key decision but it is not on the Forward Plan (28 clear days' notice, R10)."
    )
    assert report_edit(saved, by=report.created_by, on_forward_plan=True).key_decision_warning == ""


def test_report_save_approved_report_returns_to_approval_with_new_round():
    report = report_approved()
    assert report.status == Report.Status.APPROVED

    saved = report_edit(report, by=report.created_by, summary="<p>Updated figures.</p>")

    assert saved.status == Report.Status.SUBMITTED
    assert saved.approval_round == 2
    new_round = saved.approvals.filter(round=2)
    assert list(new_round.values_list("role", "decision")) == [
        ("finance", "pending"),
        ("legal", "pending"),
        ("procurement", "pending"),
        ("hr", "pending"),
        ("director", "pending"),
    ]
    assert saved.approvals.filter(round=1, decision=Approval.Decision.PENDING).count() == 0
    assert saved.approvals.filter(round=1).count() == 5
    state = AuditEntry.objects.filter(action=AuditEntry.Action.STATE).first()
    assert state.note == "Approved, ready for an agenda → Awaiting approvals (approval round 2)"
    assert saved.versions.first().status == Report.Status.SUBMITTED


def test_report_save_submitted_report_after_a_sign_off_starts_a_new_round():
    report = report_ready()
    report_submit(report=report, by=report.created_by)
    finance = approvers()[Approval.Role.FINANCE]
    approval_record(report=report, role=Approval.Role.FINANCE, by=finance)

    saved = report_edit(report, by=report.created_by, sections={7: "<p>Costs revised.</p>"})

    assert (saved.status, saved.approval_round) == (Report.Status.SUBMITTED, 2)
    assert saved.approvals.get(round=1, role=Approval.Role.FINANCE).decision == Approval.Decision.APPROVED
    assert saved.approvals.get(round=2, role=Approval.Role.FINANCE).decision == Approval.Decision.PENDING


def test_report_save_submitted_report_before_any_sign_off_keeps_its_round():
    report = report_ready()
    report_submit(report=report, by=report.created_by)

    saved = report_edit(report, by=report.created_by, sections={7: "<p>Costs revised.</p>"})

    assert (saved.status, saved.approval_round) == (Report.Status.SUBMITTED, 1)
    assert saved.approvals.count() == 5
    assert saved.versions.first().note == ""


def test_report_save_published_report_refused():
    report = report_approved()
    report_publish(report=report, by=UserFactory(username="clerk3", password=None))

    with pytest.raises(ReportError) as error:
        report_edit(report, by=report.created_by, title="Too late")

    assert str(error.value) == (
        "A published report is frozen and cannot be changed. Ask democratic services if it needs correcting."
    )


def test_report_save_background_papers_and_considerations_replaced():
    report = ReportFactory()
    cabinet = CommitteeFactory(name="Cabinet")

    saved = report_edit(
        report,
        by=report.created_by,
        background_papers=[("Grounds Maintenance Strategy 2024", "https://example.org/strategy")],
        considerations=[(cabinet, "", MEETING_DATE), (None, "Health and Wellbeing Board", None)],
    )

    assert [(p.position, p.title) for p in saved.background_papers.all()] == [
        (1, "Grounds Maintenance Strategy 2024")
    ]
    assert [str(c) for c in saved.considerations.all()] == [
        "Cabinet – 17 June 2025",
        "Health and Wellbeing Board",
    ]


def test_report_save_empty_recommendation_refused():
    report = ReportFactory()

    with pytest.raises(ValidationError) as error:
        report_edit(report, by=report.created_by, recommendations=[RecommendationInput(id=None, text=" ")])

    assert error.value.message_dict == {"recommendations": ["Recommendation 1 has no text."]}


HOSTILE = (
    "<p>Before</p><script>alert(1)</script>"
    "<p>Picture <img src=x onerror=alert(1)></p>"
    '<p><a href="javascript:alert(1)">Link text</a></p>'
    '<p style="background:expression(alert(1))">Styled text</p>'
    '<p onclick="alert(1)">Clicked text</p>'
)


def _assert_inert(html: str) -> None:
    lowered = html.lower()
    for dangerous in ("<script", "onerror", "onclick", "javascript:", "style=", "expression(", "<img"):
        assert dangerous not in lowered
    for text in ("Before", "Picture", "Link text", "Styled text", "Clicked text"):
        assert text in html


def test_report_save_hostile_html_stored_inert():
    report = ReportFactory()

    saved = report_edit(report, by=report.created_by, summary=HOSTILE, sections={2: HOSTILE})

    stored_summary = Report.objects.get(pk=saved.pk).summary
    stored_body = ReportSection.objects.get(report=saved, position=2).body
    _assert_inert(stored_summary)
    _assert_inert(stored_body)
    assert stored_body == (
        "<p>Before</p><p>Picture </p><p><a>Link text</a></p><p>Styled text</p><p>Clicked text</p>"
    )
    _assert_inert(str(saved.versions.first().snapshot))
