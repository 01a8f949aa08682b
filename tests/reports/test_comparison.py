import pytest

from reports.comparison import FieldChange, compare_snapshots, word_diff
from reports.services import RecommendationInput, report_content

from .factories import ReportFactory, report_edit

pytestmark = pytest.mark.django_db


def _two_versions():
    report = ReportFactory(title="Housing Delivery Plan")
    author = report.created_by
    report = report_edit(
        report,
        by=author,
        summary="<p>The council will build three hundred homes by 2027.</p>",
        sections={2: "<p>Demand is high.</p><p>Land is scarce.</p>"},
        recommendations=[
            RecommendationInput(id=None, text="That the plan be approved."),
            RecommendationInput(
                id=None,
                text="That officers report back on:",
                sub_points=[
                    RecommendationInput(id=None, text="sites"),
                    RecommendationInput(id=None, text="costs"),
                ],
            ),
        ],
        background_papers=[("Local Plan 2018", "")],
    )
    content = report_content(report)
    content.recommendations[1].sub_points[1].text = "funding"
    report = report_edit(
        report,
        by=author,
        summary="<p>The council will build four hundred new homes by 2027.</p>",
        sections={2: "<p>Demand is high.</p><p>Land is very scarce.</p>", 3: "<p>Viability.</p>"},
        recommendations=content.recommendations,
    )
    old, new = report.versions.order_by("number")[1:3]
    return old.snapshot, new.snapshot


def test_compare_snapshots_shows_exactly_the_words_added_and_removed():
    old, new = _two_versions()

    changes = compare_snapshots(old, new)

    assert [c.label for c in changes] == ["Summary", "Recommendations", "2. Background", "3. Key Issues"]
    summary = changes[0]
    assert (summary.removed, summary.added) == (["three"], ["four", "new"])
    assert summary.segments == [
        ("equal", "The council will build"),
        ("removed", " three"),
        ("added", " four"),
        ("equal", " hundred"),
        ("added", " new"),
        ("equal", " homes by 2027."),
    ]
    recommendations = changes[1]
    assert (recommendations.removed, recommendations.added) == (["costs"], ["funding"])
    assert "".join(text for kind, text in recommendations.segments if kind != "added") == (
        "1. That the plan be approved.\n2. That officers report back on:\n(a) sites\n(b) costs"
    )
    assert changes[2] == FieldChange(
        label="2. Background",
        removed=[],
        added=["very"],
        segments=[("equal", "Demand is high.\nLand is"), ("added", " very"), ("equal", " scarce.")],
    )
    assert (changes[3].removed, changes[3].added) == ([], ["Viability."])


def test_compare_snapshots_identical_versions_have_no_changes():
    old, _new = _two_versions()

    assert compare_snapshots(old, old) == []


def test_compare_snapshots_summary_sheet_fields_in_report_order():
    report = ReportFactory(title="Housing Delivery Plan")
    first = report.versions.get().snapshot
    report = report_edit(
        report,
        by=report.created_by,
        title="Housing Delivery Plan 2025",
        is_key_decision=True,
        background_papers=[("Local Plan 2018", "https://example.org/local-plan")],
    )

    changes = compare_snapshots(first, report.versions.first().snapshot)

    assert [(c.label, c.removed, c.added) for c in changes] == [
        ("Report title", [], ["2025"]),
        ("Key decision", ["No"], ["Yes"]),
        ("Background papers", [], ["Local Plan 2018 – https://example.org/local-plan"]),
    ]


def test_compare_snapshots_reads_html_as_plain_words():
    report = ReportFactory()
    old = report.versions.get().snapshot
    new = {**old, "summary": "<p>Costs &amp; <strong>risks</strong></p><ul><li>Roads</li><li>Parks</li></ul>"}
    old = {**old, "summary": "<p>Costs &amp; <strong>risks</strong></p><ul><li>Roads</li></ul>"}

    (change,) = compare_snapshots(old, new)

    assert (change.label, change.removed, change.added) == ("Summary", [], ["Parks"])
    assert change.segments == [("equal", "Costs & risks\nRoads"), ("added", "\nParks")]


def test_word_diff_runs_of_words():
    removed, added, segments = word_diff("one two three four", "one five six four")

    assert (removed, added) == (["two three"], ["five six"])
    assert segments == [
        ("equal", "one"),
        ("removed", " two three"),
        ("added", " five six"),
        ("equal", " four"),
    ]
