"""A report's versions (/reports/<id>/versions/) and two compared side by side (issue 3, point 6)."""

from dataclasses import replace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.timezone import localtime
from lxml import html

from council.roles import Role
from reports.models import ReportVersion
from reports.services import report_content, report_publish, report_save
from tests.factories import UserFactory

from .factories import ReportFactory, approvers, officer_user, report_approved

pytestmark = pytest.mark.django_db

# Written for these tests: a fictional council's swimming pool report.
MARCH = "<p>The pool reopens in March after the new roof is fitted.</p>"
JUNE = "<p>The pool reopens in June after the new roof and solar panels are fitted.</p>"
BACKGROUND = "<p>The pool closed in January when roof tiles fell into the changing rooms.</p>"


def versions_url(report) -> str:
    return reverse("reports:report_versions", args=[report.pk])


def compare_url(report, query: str) -> str:
    return f"{reverse('reports:report_compare', args=[report.pk])}?{query}"


def page(response) -> html.HtmlElement:
    return html.fromstring(response.content.decode())


def version_rows(response) -> list[list[str]]:
    rows = page(response).xpath("//main//table/tbody/tr")
    return [[" ".join(cell.text_content().split()) for cell in row.xpath("th|td")] for row in rows]


def changed_rows(response) -> list[dict]:
    """Each changed field: its label, the column headers' cells' words, and the <del>/<ins> runs."""
    rows = []
    for row in page(response).xpath("//main//table/tbody/tr"):
        old, new = row.xpath("td")
        rows.append(
            {
                "label": row.xpath("th")[0].text_content(),
                "old": " ".join(old.text_content().split()),
                "new": " ".join(new.text_content().split()),
                "removed": [d.text_content() for d in old.xpath(".//del")],
                "added": [i.text_content() for i in new.xpath(".//ins")],
                "added_in_old": old.xpath(".//ins"),
                "removed_in_new": new.xpath(".//del"),
            }
        )
    return rows


def saved(report, *, by, note: str, **changes):
    """The report saved with `changes` and a version note, as the editor saves it."""
    content = replace(report_content(report), **changes)
    return report_save(report=report, content=content, expected_revision=report.revision, by=by, note=note)


@pytest.fixture
def author():
    return officer_user(Role.REPORT_AUTHOR, name="Sam Writer")


@pytest.fixture
def pool_report(author):
    """Three versions: created, first draft (March), second thoughts (June, and a background)."""
    report = ReportFactory(by=author, title="Ravensholme Pool Roof")
    report = saved(report, by=author, summary=MARCH, note="First draft")
    return saved(
        report, by=author, summary=JUNE, sections={2: BACKGROUND}, note="Solar panels added to the scheme"
    )


def test_versions_list_shows_each_version_newest_first(client, author, pool_report):
    client.force_login(author)

    response = client.get(versions_url(pool_report))

    assert response.status_code == 200
    saved = localtime(ReportVersion.objects.get(report=pool_report, number=1).created_at)
    rows = version_rows(response)
    assert [row[0] for row in rows] == ["Version 3", "Version 2", "Version 1"]
    assert [row[2:] for row in rows] == [
        ["Sam Writer", "Draft", "Solar panels added to the scheme", "No"],
        ["Sam Writer", "Draft", "First draft", "No"],
        ["Sam Writer", "Draft", "Created", "No"],
    ]
    assert rows[2][1] == f"{saved:%-d %b %Y, %H:%M}"
    form = page(response).xpath("//form[@method='get']")[0]
    assert form.get("action") == reverse("reports:report_compare", args=[pool_report.pk])
    assert form.xpath(".//select[@name='a']/option[@selected]/@value") == ["2"]
    assert form.xpath(".//select[@name='b']/option[@selected]/@value") == ["3"]


def test_compare_shows_removed_and_added_words_side_by_side(client, author, pool_report):
    client.force_login(author)

    response = client.get(compare_url(pool_report, "a=2&b=3"))

    assert response.status_code == 200
    headers = [" ".join(th.text_content().split()) for th in page(response).xpath("//main//table/thead//th")]
    assert headers == ["Field", "Version 2", "Version 3"]
    rows = changed_rows(response)
    assert [row["label"] for row in rows] == ["Summary", "2. Background"]
    summary, background = rows
    assert summary["removed"] == ["removed: March", "removed: is"]
    assert summary["added"] == ["added: June", "added: and solar panels are"]
    assert summary["old"] == "The pool reopens in removed: March after the new roof removed: is fitted."
    assert summary["new"] == (
        "The pool reopens in added: June after the new roof added: and solar panels are fitted."
    )
    assert background["removed"] == []
    assert background["added"] == [
        "added: The pool closed in January when roof tiles fell into the changing rooms."
    ]
    # Not colour alone: removed words only in the old column, added only in the new one.
    assert not any(row["added_in_old"] or row["removed_in_new"] for row in rows)
    # The hidden words are there for screen readers, the marks for everyone else.
    assert page(response).xpath("//del/span[@class='visually-hidden']/text()") == ["removed: ", "removed: "]


def test_compare_puts_the_older_version_on_the_left_whatever_the_order(client, author, pool_report):
    client.force_login(author)

    response = client.get(compare_url(pool_report, "a=3&b=2"))

    assert changed_rows(response)[0]["removed"] == ["removed: March", "removed: is"]


def test_draft_versions_are_not_found_for_the_public(client, pool_report):
    assert client.get(versions_url(pool_report)).status_code == 404
    assert client.get(compare_url(pool_report, "a=1&b=2")).status_code == 404


def test_draft_versions_are_not_found_for_a_councillor(client, pool_report):
    client.force_login(UserFactory(roles=[Role.COUNCILLOR]))

    assert client.get(versions_url(pool_report)).status_code == 404


@pytest.fixture
def published_report():
    """Published: version 1 (created) is a working draft, version 2 was frozen at publication."""
    report = report_approved()
    clerk = UserFactory(username="clerk", roles=[Role.DEMOCRATIC_SERVICES])
    return report_publish(report=report, by=clerk)


def test_published_report_public_see_only_the_frozen_version(client, published_report):
    response = client.get(versions_url(published_report))

    assert response.status_code == 200
    assert [row[0] for row in version_rows(response)] == ["Version 2"]
    assert version_rows(response)[0][3:] == ["Published", "–", "Yes, published"]
    assert "These are the versions published with the agenda. Drafts are not published." in (
        response.content.decode()
    )
    assert page(response).xpath("//form[@method='get']") == []  # one version: nothing to compare


def test_published_report_public_cannot_compare_a_draft_version(client, published_report):
    response = client.get(compare_url(published_report, "a=1&b=2"))

    assert response.status_code == 400
    assert (
        "There is no version 1 of this report that you can see. Choose from the versions listed."
        in response.content.decode()
    )


@pytest.mark.parametrize("who", ["author", "clerk", "finance approver"])
def test_published_report_those_who_worked_on_it_see_every_version(client, published_report, who):
    users = {
        "author": lambda: published_report.created_by,
        "clerk": lambda: UserFactory(username="clerk"),
        "finance approver": lambda: approvers()["finance"],
    }
    client.force_login(users[who]())

    response = client.get(versions_url(published_report))

    assert [row[0] for row in version_rows(response)] == ["Version 2", "Version 1"]


def test_published_report_a_councillor_not_involved_sees_only_the_frozen_version(client, published_report):
    client.force_login(UserFactory(roles=[Role.COUNCILLOR]))

    response = client.get(versions_url(published_report))

    assert [row[0] for row in version_rows(response)] == ["Version 2"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "Choose two versions to compare."),
        ("a=2", "Choose two versions to compare."),
        (
            "a=two&b=3",
            "There is no version two of this report that you can see. Choose from the versions listed.",
        ),
        (
            "a=99&b=3",
            "There is no version 99 of this report that you can see. Choose from the versions listed.",
        ),
        (
            "a=-1&b=3",
            "There is no version -1 of this report that you can see. Choose from the versions listed.",
        ),
        ("a=3&b=3", "Choose two different versions to compare."),
    ],
)
def test_compare_with_bad_version_numbers_says_what_is_wrong(client, author, pool_report, query, message):
    client.force_login(author)

    response = client.get(compare_url(pool_report, query))

    assert response.status_code == 400
    alert = page(response).xpath("//div[@role='alert']")[0]
    assert [li.text_content() for li in alert.xpath(".//li")] == [message]
    assert "These versions cannot be compared" in alert.text_content()


def test_compare_of_identical_versions_says_nothing_changed(client, author, pool_report):
    version = ReportVersion.objects.get(report=pool_report, number=3)
    ReportVersion.objects.create(report=pool_report, number=4, snapshot=version.snapshot, status="draft")
    client.force_login(author)

    response = client.get(compare_url(pool_report, "a=3&b=4"))

    assert response.status_code == 200
    assert "The two versions say the same: nothing was removed or added." in response.content.decode()


def test_compare_hides_exempt_appendix_text_from_the_public(client, published_report):
    """R4: an exempt appendix's words never reach someone who may not see exempt material."""
    frozen = ReportVersion.objects.get(report=published_report, is_frozen=True)
    appendix = {
        "id": 1,
        "label": "Appendix 1",
        "title": "Valuation",
        "kind": "written",
        "body": "<p>The site is worth £2.1m.</p>",
        "file": "",
        "page_count": None,
        "sha256": "",
        "is_exempt": True,
        "exempt_paragraphs": [3],
    }
    changed = {**frozen.snapshot, "appendices": [appendix]}
    ReportVersion.objects.create(
        report=published_report, number=3, snapshot=changed, status="published", is_frozen=True
    )

    public = client.get(compare_url(published_report, "a=2&b=3"))
    client.force_login(UserFactory(roles=[Role.COUNCILLOR]))
    councillor = client.get(compare_url(published_report, "a=2&b=3"))

    assert public.status_code == councillor.status_code == 200
    assert "£2.1m" not in public.content.decode()
    assert "£2.1m" in councillor.content.decode()
    assert [row["label"] for row in changed_rows(public)] == ["List of appendices included"]


def _versions_added(report, count: int) -> None:
    """`count` more versions of the report, each a copy of the latest with a longer summary."""
    latest = ReportVersion.objects.filter(report=report).order_by("-number").first()
    ReportVersion.objects.bulk_create(
        ReportVersion(
            report=report,
            number=latest.number + n,
            snapshot={**latest.snapshot, "summary": f"<p>Revised {n} times.</p>"},
            status="draft",
            created_by=report.created_by,
            note=f"Revision {n}",
        )
        for n in range(1, count + 1)
    )


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_versions_list_query_count_does_not_grow_with_versions(client, author):
    one = ReportFactory(by=author)
    twenty = ReportFactory(by=author)
    _versions_added(twenty, 19)
    client.force_login(author)
    _queries(client, versions_url(one))  # the session and the user's roles, once

    assert ReportVersion.objects.filter(report=twenty).count() == 20
    assert _queries(client, versions_url(one)) == _queries(client, versions_url(twenty))


def test_compare_query_count_does_not_grow_with_versions(client, author):
    two = ReportFactory(by=author)
    _versions_added(two, 1)
    twenty = ReportFactory(by=author)
    _versions_added(twenty, 19)
    client.force_login(author)
    _queries(client, compare_url(two, "a=1&b=2"))

    assert _queries(client, compare_url(two, "a=1&b=2")) == _queries(client, compare_url(twenty, "a=1&b=20"))
