"""Issue: foundation. Staff forms are accessible, refuse bad input clearly, and keep what was typed."""

import pytest

from council.models import Committee
from council.roles import Role
from tests.factories import TEST_PASSWORD, CommitteeFactory, CouncillorFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _log_in(checked_page, username):
    page = checked_page.page
    checked_page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Log in").click()


def test_staff_registers_and_duplicate_slug_error(checked_page):
    UserFactory(username="clerk", roles=[Role.DEMOCRATIC_SERVICES])
    CommitteeFactory(name="Planning Board", slug="planning-board")
    CouncillorFactory()
    page = checked_page.page
    _log_in(checked_page, "clerk")
    page.wait_for_url("**/staff/")
    checked_page.check()

    for register in ("committees", "councillors", "officers", "wards", "closure-days", "municipal-years"):
        checked_page.goto(f"/staff/{register}/")
        checked_page.goto(f"/staff/{register}/add/")
    checked_page.goto("/staff/council/")
    checked_page.goto("/accounts/password_change/")

    checked_page.goto("/staff/committees/add/")
    page.get_by_label("Name").first.fill("Planning Board (Strategic)")
    page.get_by_label("Web address").fill("planning-board")
    page.get_by_label("Kind").select_option("regulatory")
    page.get_by_role("button", name="Save").click()
    checked_page.check()

    assert (
        page.get_by_role("alert").first.inner_text()
        == "Nothing has been saved: please correct the errors shown below."
    )
    assert page.get_by_text("Another record already uses this web address.").is_visible()
    assert page.get_by_label("Name").first.input_value() == "Planning Board (Strategic)"
    assert Committee.objects.count() == 1


def test_forbidden_page_for_councillor_is_accessible(checked_page):
    UserFactory(username="cllr", roles=[Role.COUNCILLOR])
    page = checked_page.page
    _log_in(checked_page, "cllr")
    page.wait_for_load_state()

    response = page.goto(checked_page.base_url + "/staff/wards/")

    assert response.status == 403
    checked_page.check()
    assert page.get_by_role("heading", level=1).inner_text() == "You cannot open this page"
