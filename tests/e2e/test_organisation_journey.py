"""Issue: foundation. The public read about committees and councillors; democratic services
appoint a co-opted member and the public page shows it."""

import io
import re

import pytest
from django.core.management import call_command
from django.utils import timezone

from council.models import Committee, Membership
from council.selectors import municipal_year_for

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo_council(settings):
    call_command("demo", force=True, no_documents=True, stdout=io.StringIO())
    return settings.WITAN["DEMO_PASSWORD"]


def test_public_pages_and_co_opted_member_journey(checked_page, demo_council):
    page = checked_page.page
    committee = Committee.objects.filter(kind=Committee.Kind.SELECT_COMMISSION).order_by("name").first()
    year = municipal_year_for(timezone.localdate())

    checked_page.goto("/")
    assert page.get_by_role("heading", level=1).inner_text() == "Meetings, agendas and decisions"

    checked_page.goto("/committees/")
    page.get_by_role("link", name=committee.name, exact=True).click()
    page.wait_for_url(f"**/committees/{committee.slug}/")
    checked_page.check()
    chair = Membership.objects.filter(committee=committee, role="chair", municipal_year=year).first()
    assert page.get_by_role("row", name=re.compile(re.escape(chair.councillor.full_name))).count() >= 1

    page.get_by_role("link", name=str(chair.councillor)).first.click()
    page.wait_for_url(f"**/councillors/{chair.councillor.slug}/")
    checked_page.check()
    assert page.get_by_role("heading", level=1).inner_text() == str(chair.councillor)
    assert page.get_by_role("row", name=re.compile(re.escape(committee.name))).first.is_visible()

    checked_page.goto("/councillors/")
    checked_page.goto("/accessibility/")

    # Democratic services log in and add a co-opted member.
    checked_page.goto("/accounts/login/")
    page.get_by_label("Username").fill("democratic")
    page.get_by_label("Password").fill(demo_council)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/staff/")
    checked_page.check()

    checked_page.goto(f"/staff/committees/{committee.slug}/members/")
    form = page.locator("form", has=page.get_by_role("button", name="Add co-opted member"))
    form.get_by_label("Honorific").fill("Dr")
    form.get_by_label("Name of a new co-opted member").fill("Nadia Quarrie")
    form.get_by_label("Organisation represented").fill("Ravensmoor Youth Parliament")
    form.get_by_label("Start date").fill(timezone.localdate().isoformat())
    form.get_by_role("button", name="Add co-opted member").click()
    page.wait_for_url(f"**/staff/committees/{committee.slug}/members/")
    checked_page.check()
    assert page.get_by_role("status").inner_text().strip() == "Added Dr Nadia Quarrie as Co-opted member."

    # A bad date keeps what was typed and says what is wrong.
    form = page.locator("form", has=page.get_by_role("button", name="Add co-opted member"))
    form.get_by_label("Name of a new co-opted member").fill("Owen Tarrant")
    form.get_by_label("Start date").fill(timezone.localdate().isoformat())
    form.get_by_label("End date").fill("2000-01-01")
    form.get_by_role("button", name="Add co-opted member").click()
    checked_page.check()
    assert page.get_by_text("The end date cannot be before the start date.").is_visible()
    assert page.get_by_label("Name of a new co-opted member").input_value() == "Owen Tarrant"

    checked_page.goto(f"/committees/{committee.slug}/")
    row = page.get_by_role("row", name=re.compile("Dr Nadia Quarrie"))
    assert row.get_by_role("cell").all_inner_texts() == [
        "Co-opted member, non-voting",
        "Ravensmoor Youth Parliament",
    ]
    assert Membership.objects.filter(co_optee__name="Owen Tarrant").count() == 0
