"""The report editor pages: start a report, edit it on one page, manage its appendices."""

import base64
import hashlib
import re

import pytest
from django.contrib.staticfiles import finders
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from council.roles import Role
from reports.models import Appendix, Recommendation, Report
from reports.services import RecommendationInput, appendix_add
from tests.factories import CommitteeFactory, CouncillorFactory, UserFactory

from .factories import MEETING_DATE, ReportFactory, officer_user, pdf_upload, report_edit

pytestmark = pytest.mark.django_db

EXEMPT_WITHOUT_PARAGRAPH = "An exempt document must cite its Schedule 12A paragraph(s)."


def edit_url(report) -> str:
    return reverse("reports:report_edit", args=[report.pk])


def _field_values(bound_field):
    """What a browser would send for one field as the page shows it."""
    value = bound_field.value()
    if value is None or value is False:
        return []
    if value is True:
        return ["on"]
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return [str(value)]


def editor_data(response, **changes) -> dict:
    """The editor page's form as a browser would submit it untouched, with `changes` applied."""
    editor = response.context["editor"]
    data: dict[str, list[str]] = {}
    forms = [editor.summary, *editor.sections, editor.revision]
    for formset in (editor.recommendations, editor.background_papers, editor.considerations):
        forms += [formset.management_form, *formset.forms]
    for form in forms:
        for bound in form:
            if values := _field_values(bound):
                data[bound.html_name] = values
    for name, value in changes.items():
        data[name] = value
    return {name: value for name, value in data.items() if value is not None}


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.DOCUMENTS_ROOT = tmp_path


@pytest.fixture
def author():
    return officer_user(Role.REPORT_AUTHOR, name="Sam Writer")


@pytest.fixture
def report(author):
    return ReportFactory(by=author, title="Grass Cutting Review", committee=CommitteeFactory(name="Cabinet"))


@pytest.fixture
def author_client(client, author):
    client.force_login(author)
    return client


def test_report_create_by_author_lands_on_edit_page_with_fourteen_sections(client, author):
    committee = CommitteeFactory(name="Improving Places Select Commission")
    client.force_login(author)

    response = client.post(
        reverse("reports:report_create"),
        {"committee": committee.pk, "meeting_date": "2025-06-17", "title": "Grass Cutting Review"},
        follow=True,
    )

    report = Report.objects.get()
    assert response.redirect_chain == [(edit_url(report), 302)]
    assert (report.committee, report.meeting_date, report.title) == (
        committee,
        MEETING_DATE,
        "Grass Cutting Review",
    )
    html = response.content.decode()
    headings = re.findall(
        r'<h3 id="(?:section-\d+|recommendations)-heading" class="h5">\s*(?:<label[^>]*>)?([^<]+)', html
    )
    assert [h.strip() for h in headings] == [
        "1. Recommendations",
        "2. Background",
        "3. Key Issues",
        "4. Options considered and recommended proposal",
        "5. Consultation",
        "6. Timetable and Accountability for Implementing this Decision",
        "7. Financial and Procurement Implications",
        "8. Legal Implications",
        "9. Human Resources Implications",
        "10. Implications for Children and Young People and Vulnerable Adults",
        "11. Equalities and Human Rights Implications",
        "12. Implications for Partners and Other Directorates",
        "13. Risks and Mitigation",
        "14. Accountable Officer(s)",
    ]
    assert "Committee Name and Date of Committee Meeting" in html


def test_report_create_missing_title_refused_and_typed_values_kept(client, author):
    committee = CommitteeFactory()
    client.force_login(author)

    response = client.post(
        reverse("reports:report_create"),
        {"committee": committee.pk, "meeting_date": "2025-06-17", "title": ""},
    )

    assert response.status_code == 400
    assert Report.objects.count() == 0
    assert 'value="2025-06-17"' in response.content.decode()


@pytest.mark.parametrize("role", [Role.COUNCILLOR, Role.FINANCE_APPROVER])
def test_report_create_without_author_role_forbidden(client, role):
    client.force_login(UserFactory(roles=[role]))

    assert client.get(reverse("reports:report_create")).status_code == 403


def test_report_create_anonymous_sent_to_login(client):
    url = reverse("reports:report_create")

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={url}"


def test_report_edit_two_recommendations_with_sub_points_stored_in_order(author_client, report):
    page = author_client.get(edit_url(report))
    data = editor_data(
        page,
        **{
            "recommendations-0-text": ["That the grass cutting review be noted."],
            "recommendations-0-sub_points": ["(a) the cutting schedule;\r\n\r\n(b) the verges policy."],
            "recommendations-0-sub_point_style": ["lettered"],
            "recommendations-1-text": ["That Cabinet approve the new contract."],
            "recommendations-1-sub_points": ["• from 1 April 2026\r\n• for three years"],
            "recommendations-1-sub_point_style": ["bulleted"],
        },
    )

    response = author_client.post(edit_url(report), data, follow=True)

    assert response.redirect_chain == [(edit_url(report), 302)]
    assert "Saved. This is version 2." in response.content.decode()
    tops = list(Recommendation.objects.filter(report=report, parent=None).order_by("position"))
    assert [(r.position, r.text, r.sub_point_style) for r in tops] == [
        (1, "That the grass cutting review be noted.", "lettered"),
        (2, "That Cabinet approve the new contract.", "bulleted"),
    ]
    assert [(s.number, s.text) for s in tops[0].sub_points.order_by("position")] == [
        ("(a)", "the cutting schedule;"),
        ("(b)", "the verges policy."),
    ]
    assert [(s.number, s.text) for s in tops[1].sub_points.order_by("position")] == [
        ("•", "from 1 April 2026"),
        ("•", "for three years"),
    ]


def test_report_edit_recommendation_ids_survive_a_save(author_client, report, author):
    report = report_edit(
        report,
        by=author,
        recommendations=[
            RecommendationInput(id=None, text="That the review be noted."),
            RecommendationInput(
                id=None,
                text="That the contract be approved.",
                sub_points=[RecommendationInput(None, "for 3 years")],
            ),
        ],
    )
    before = {r.text: r.pk for r in Recommendation.objects.filter(report=report)}
    page = author_client.get(edit_url(report))
    data = editor_data(
        page, **{"recommendations-0-DELETE": ["on"], "recommendations-1-sub_points": ["for 3 years"]}
    )

    author_client.post(edit_url(report), data)

    after = {r.text: r.pk for r in Recommendation.objects.filter(report=report)}
    assert after == {
        "That the contract be approved.": before["That the contract be approved."],
        "for 3 years": before["for 3 years"],
    }
    assert Recommendation.objects.get(pk=before["That the contract be approved."]).position == 1


def test_report_edit_stale_revision_refused_keeps_typed_text_and_shows_saved(author_client, report, author):
    page = author_client.get(edit_url(report))
    colleague = officer_user(Role.DEMOCRATIC_SERVICES, name="Dana Clerk")
    report_edit(
        report, by=colleague, title="Grass Cutting and Verges Review", summary="<p>Their summary.</p>"
    )
    data = editor_data(page, title=["Review of Grass Cutting"], summary=["<p>My summary of the review.</p>"])

    response = author_client.post(edit_url(report), data)

    assert response.status_code == 409
    html = response.content.decode()
    assert "This report was changed by Dana Clerk" in html
    assert 'name="title" value="Review of Grass Cutting"' in html
    assert "&lt;p&gt;My summary of the review.&lt;/p&gt;</textarea>" in html
    assert "<p>Their summary.</p>" in html  # the saved text, shown read-only under the field
    assert '<p class="mb-0">Grass Cutting and Verges Review</p>' in html
    assert 'name="revision" value="1"' in html
    report.refresh_from_db()
    assert (report.title, report.summary, report.revision) == (
        "Grass Cutting and Verges Review",
        "<p>Their summary.</p>",
        1,
    )


def test_report_edit_after_conflict_next_save_goes_through(author_client, report, author):
    page = author_client.get(edit_url(report))
    report_edit(report, by=officer_user(Role.DEMOCRATIC_SERVICES, name="Dana Clerk"), title="Their title")
    conflicted = author_client.post(edit_url(report), editor_data(page, title=["My title"]))

    response = author_client.post(edit_url(report), editor_data(conflicted, title=["My merged title"]))

    assert response.status_code == 302
    report.refresh_from_db()
    assert (report.title, report.revision) == ("My merged title", 2)


def test_report_edit_exempt_without_paragraph_refused_and_text_kept(author_client, report):
    page = author_client.get(edit_url(report))
    data = editor_data(
        page,
        is_exempt=["on"],
        public_interest_reason=["Commercial terms are still being negotiated."],
        summary=["<p>Summary typed before the error.</p>"],
        **{"section-2-body": ["<p>Background typed before the error.</p>"]},
    )

    response = author_client.post(edit_url(report), data)

    assert response.status_code == 400
    html = response.content.decode()
    assert EXEMPT_WITHOUT_PARAGRAPH in html
    assert "Commercial terms are still being negotiated.</textarea>" in html
    assert "&lt;p&gt;Summary typed before the error.&lt;/p&gt;</textarea>" in html
    assert "&lt;p&gt;Background typed before the error.&lt;/p&gt;</textarea>" in html
    assert 'name="revision" value="0"' in html
    report.refresh_from_db()
    assert (report.is_exempt, report.summary, report.revision) == (False, "", 0)


HOSTILE_HTML = (
    '<p>Costs<script>alert("x")</script></p>'
    '<p><img src="x" onerror="alert(1)">'
    '<a href="javascript:alert(2)">click</a>'
    '<span style="width: expression(alert(3))">styled</span></p>'
)


def test_report_edit_hostile_html_in_section_stored_and_shown_inert(author_client, report):
    page = author_client.get(edit_url(report))

    author_client.post(edit_url(report), editor_data(page, **{"section-7-body": [HOSTILE_HTML]}))

    stored = report.sections.get(position=7).body
    assert stored == "<p>Costs</p><p><a>click</a>styled</p>"
    html = author_client.get(edit_url(report)).content.decode()
    assert "<script>alert" not in html
    assert "onerror" not in html
    assert "javascript:" not in html
    assert "expression(" not in html
    assert "&lt;p&gt;Costs&lt;/p&gt;" in html


def test_report_edit_hostile_html_refused_save_shown_inert(author_client, report):
    page = author_client.get(edit_url(report))
    data = editor_data(page, title=[""], **{"section-7-body": [HOSTILE_HTML]})

    response = author_client.post(edit_url(report), data)

    assert response.status_code == 400
    html = response.content.decode()
    assert "<script>alert" not in html
    assert '<img src="x" onerror' not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_report_edit_page_shows_key_decision_warning(author_client, report, author):
    report_edit(report, by=author, is_key_decision=True, on_forward_plan=False)

    html = author_client.get(edit_url(report)).content.decode()

    assert "This is a key decision but it is not on the Forward Plan" in html


@pytest.mark.parametrize("who", ["councillor", "unrelated officer", "anonymous"])
def test_report_edit_by_someone_unrelated_not_found(client, report, who):
    if who == "councillor":
        user = UserFactory(roles=[Role.COUNCILLOR])
        CouncillorFactory(user=user)
        client.force_login(user)
    elif who == "unrelated officer":
        client.force_login(officer_user(Role.REPORT_AUTHOR, name="Other Writer"))

    response = client.get(edit_url(report))

    expected = 302 if who == "anonymous" else 404
    assert response.status_code == expected
    assert client.post(edit_url(report), {"title": "Hijacked"}).status_code == expected
    report.refresh_from_db()
    assert report.title == "Grass Cutting Review"


def test_report_edit_by_director_who_may_see_it_forbidden(client, report, author):
    director = officer_user(Role.DIRECTOR, name="Marcus Feltham")
    report_edit(report, by=author, director=director.officer)
    client.force_login(director)

    assert client.get(edit_url(report)).status_code == 403


def test_report_edit_page_query_count_constant_with_recommendations(author_client, author):
    counts = []
    for n in (1, 20):
        report = ReportFactory(by=author)
        report_edit(
            report,
            by=author,
            recommendations=[
                RecommendationInput(
                    id=None, text=f"Recommendation {i}", sub_points=[RecommendationInput(None, "a")]
                )
                for i in range(n)
            ],
            background_papers=[(f"Paper {i}", "") for i in range(n)],
        )
        with CaptureQueriesContext(connection) as queries:
            response = author_client.get(edit_url(report))
        assert response.status_code == 200
        counts.append(len(queries))

    assert counts[0] == counts[1]


def appendices_url(report) -> str:
    return reverse("reports:report_appendices", args=[report.pk])


def test_appendix_upload_fake_pdf_refused_with_message(author_client, report):
    fake = SimpleUploadedFile("plan.pdf", b"<html>not a pdf</html>", content_type="application/pdf")

    response = author_client.post(
        appendices_url(report),
        {
            "action": "upload",
            "upload-label": "Appendix 1",
            "upload-title": "Site plan",
            "upload-file": fake,
        },
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert "The file is not a PDF." in html
    assert "choose the file again" in html
    assert 'value="Site plan"' in html
    assert report.appendices.count() == 0


def test_appendix_upload_pdf_listed_with_page_count(author_client, report):
    response = author_client.post(
        appendices_url(report),
        {
            "action": "upload",
            "upload-label": "Appendix A",
            "upload-title": "Site plan",
            "upload-file": pdf_upload(pages=3),
        },
        follow=True,
    )

    appendix = report.appendices.get()
    assert (appendix.label, appendix.title, appendix.kind, appendix.page_count) == (
        "Appendix A",
        "Site plan",
        Appendix.Kind.UPLOADED,
        3,
    )
    assert "Added Appendix A: Site plan." in response.content.decode()
    file_response = author_client.get(reverse("reports:appendix_file", args=[report.pk, appendix.pk]))
    assert file_response["Content-Type"] == "application/pdf"
    assert b"".join(file_response.streaming_content).startswith(b"%PDF-")
    file_response.close()


def test_appendix_written_exempt_without_paragraph_refused_and_text_kept(author_client, report):
    response = author_client.post(
        appendices_url(report),
        {
            "action": "written",
            "written-label": "Appendix 2",
            "written-title": "Tender scores",
            "written-body": "<p>Scores typed before the error.</p>",
            "written-is_exempt": "on",
            "written-public_interest_reason": "Commercially sensitive.",
        },
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert EXEMPT_WITHOUT_PARAGRAPH in html
    assert "&lt;p&gt;Scores typed before the error.&lt;/p&gt;</textarea>" in html
    assert report.appendices.count() == 0


def test_appendix_delete_removes_it(author_client, report, author):
    appendix = appendix_add(
        report=report, label="Appendix 1", title="Map", kind="written", body="<p>A</p>", by=author
    )

    response = author_client.post(
        appendices_url(report), {"action": "delete", "appendix": appendix.pk}, follow=True
    )

    assert report.appendices.count() == 0
    assert "Removed Appendix 1: Map." in response.content.decode()


def _published_with_exempt_appendix(author):
    report = ReportFactory(by=author)
    appendix = appendix_add(
        report=report,
        label="Appendix 1",
        title="Tender prices",
        kind="uploaded",
        upload=pdf_upload(pages=1),
        is_exempt=True,
        exempt_paragraphs=[3],
        public_interest_reason="Commercially sensitive.",
        by=author,
    )
    Report.objects.filter(pk=report.pk).update(status=Report.Status.PUBLISHED)
    return report, appendix


def test_appendix_file_exempt_hidden_from_public_shown_to_councillor(client, author):
    report, appendix = _published_with_exempt_appendix(author)
    url = reverse("reports:appendix_file", args=[report.pk, appendix.pk])

    assert client.get(url).status_code == 404
    client.force_login(UserFactory(roles=[Role.COUNCILLOR]))
    response = client.get(url)
    response.close()
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_appendix_file_of_draft_hidden_from_unrelated_officer(client, report, author):
    appendix = appendix_add(
        report=report,
        label="Appendix 1",
        title="Plan",
        kind="uploaded",
        upload=pdf_upload(pages=1),
        by=author,
    )
    client.force_login(officer_user(Role.REPORT_AUTHOR, name="Other Writer"))

    assert client.get(reverse("reports:appendix_file", args=[report.pk, appendix.pk])).status_code == 404


def test_report_edit_page_import_map_carries_the_csp_nonce(author_client, report):
    response = author_client.get(edit_url(report))

    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    assert f'<script type="importmap" nonce="{nonce}">' in response.content.decode()
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]


def test_report_edit_save_without_changes_makes_no_version(author_client, report):
    page = author_client.get(edit_url(report))

    response = author_client.post(edit_url(report), editor_data(page), follow=True)

    assert "Nothing had changed, so no new version was made." in response.content.decode()
    assert report.versions.count() == 1


def test_report_edit_without_javascript_plain_text_becomes_paragraphs(author_client, report):
    page = author_client.get(edit_url(report))
    typed = "The council cuts 400 verges.\r\n\r\nCosts < £5,000 & falling."

    author_client.post(edit_url(report), editor_data(page, **{"section-2-body": [typed]}))

    assert report.sections.get(position=2).body == (
        "<p>The council cuts 400 verges.</p>\n\n<p>Costs &lt; £5,000 &amp; falling.</p>"
    )


def test_csp_style_hash_matches_the_editor_core_stylesheet(settings):
    """TipTap injects its fixed core CSS as a <style>; the CSP allows exactly that text by its hash."""
    editor_js = finders.find("django_prose_editor/editor.js")
    with open(editor_js, encoding="utf-8") as file:
        source = file.read()
    css = re.search(r"`(\.ProseMirror \{\n  position: relative;\n\}[^`]*)`", source).group(1)
    digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()

    assert f"'sha256-{digest}'" in settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["style-src"]


def test_report_edit_page_labels_schedule_12a_paragraphs_in_full(author_client, report):
    html = author_client.get(edit_url(report)).content.decode()

    assert (
        "Paragraph 3: Information relating to the financial or business affairs of any particular person "
        "(including the authority holding that information)."
    ) in html
