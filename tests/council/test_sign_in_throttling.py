"""Throttles on log-in (django-axes) and password reset (issue 8), and HEAD on the public pages."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import authenticate
from django.core import mail
from django.urls import reverse

from council.models import CouncilProfile
from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

ACCOUNT_PAUSED = (
    "Signing in is paused "
    "Too many failed sign-in attempts. For your security, signing in to this account is paused "
    "for 15 minutes. "
    "If you have forgotten your password, reset your password: you can sign in as soon as you have "
    "chosen a new one. For other help, contact democratic services."
)
ADDRESS_PAUSED = (
    "Signing in is paused "
    "Too many failed sign-in attempts from your network. For your security, signing in from your "
    "network is paused for 15 minutes. "
    "If you need to sign in sooner, contact democratic services."
)
WRONG_PASSWORD = "Please enter a correct username and password."
HOME = "203.0.113.10"
ELSEWHERE = "198.51.100.20"
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def clerk(db):
    return UserFactory(username="clerk", email="clerk@example.org")


def alert_text(response, alert_id="sign-in-paused"):
    """The words of the page's alert, as a screen reader reads them."""
    page = response.content.decode()
    found = re.search(
        rf'<div class="alert alert-danger" role="alert" id="{alert_id}">(.*?)</div>', page, re.S
    )
    assert found, f"no #{alert_id} alert on the page"
    return " ".join(re.sub(r"<[^>]+>", " ", found.group(1)).split()).replace(" .", ".").replace(" :", ":")


def log_in(client, username, password, *, address=HOME, url=None, **headers):
    return client.post(
        url or reverse("login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        **headers,
    )


def fail(client, username, times, **kwargs):
    return [log_in(client, username, "not-the-password", **kwargs).status_code for _ in range(times)]


def test_sign_in_tenth_failure_pauses_account_and_eleventh_refused_even_with_right_password(client, clerk):
    statuses = fail(client, "clerk", 9)
    tenth = log_in(client, "clerk", "not-the-password")
    eleventh = log_in(client, "clerk", TEST_PASSWORD)

    assert statuses == [200] * 9
    assert tenth.status_code == 429
    assert alert_text(tenth) == ACCOUNT_PAUSED
    assert eleventh.status_code == 429
    assert alert_text(eleventh) == ACCOUNT_PAUSED
    assert "_auth_user_id" not in client.session
    assert eleventh["Retry-After"] == "900"


def test_sign_in_paused_page_is_the_working_log_in_form_under_the_strict_csp(client, clerk):
    fail(client, "clerk", 10)

    response = log_in(client, "clerk", TEST_PASSWORD)
    page = response.content.decode()

    assert response.status_code == 429
    assert "<title>Signing in is paused – Witan</title>" in page
    assert '<a class="visually-hidden-focusable skip-link" href="#main">Skip to main content</a>' in page
    assert f'<form method="post" action="{reverse("login")}" novalidate>' in page
    assert '<input type="text" name="username" value="clerk" autocapitalize="none"' in page
    assert f'<a href="{reverse("password_reset")}">reset your password</a>' in page
    assert WRONG_PASSWORD not in page
    assert "<script" not in page
    assert "style=" not in page
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert response["Cache-Control"] == "max-age=0, no-cache, no-store, must-revalidate, private"


def test_sign_in_paused_names_democratic_services_contact_from_council_profile(client, clerk):
    CouncilProfile.objects.create(
        name="Ravensmoor", email="committees@ravensmoor.example", phone="01632 960000"
    )
    fail(client, "clerk", 10)

    response = log_in(client, "clerk", TEST_PASSWORD)

    assert alert_text(response).endswith(
        "For other help, contact democratic services at committees@ravensmoor.example or on 01632 960000."
    )
    assert '<a href="mailto:committees@ravensmoor.example">committees@ravensmoor.example</a>' in (
        response.content.decode()
    )


def test_sign_in_pause_leaves_other_accounts_and_other_addresses_alone(client, clerk):
    UserFactory(username="officer")
    fail(client, "clerk", 10)

    other_account_elsewhere = log_in(client, "officer", TEST_PASSWORD, address=ELSEWHERE)
    client.logout()
    other_account_here = log_in(client, "officer", TEST_PASSWORD)
    client.logout()
    same_account_elsewhere = log_in(client, "clerk", TEST_PASSWORD, address=ELSEWHERE)

    assert other_account_elsewhere.status_code == 302
    assert other_account_here.status_code == 302
    # The lock is on the account from the failing address: the owner signs in from elsewhere.
    assert same_account_elsewhere.status_code == 302
    assert same_account_elsewhere["Location"] == reverse("staff:dashboard")


def test_sign_in_success_before_limit_resets_count(client, clerk):
    first = fail(client, "clerk", 9)
    signed_in = log_in(client, "clerk", TEST_PASSWORD)
    client.logout()
    second = fail(client, "clerk", 9)

    assert first == [200] * 9
    assert signed_in.status_code == 302
    assert second == [200] * 9
    assert list(AccessAttempt.objects.values_list("username", "failures_since_start")) == [("clerk", 9)]


def test_admin_login_refused_after_limit(client):
    UserFactory(username="admin", is_staff=True, is_superuser=True)
    statuses = fail(client, "admin", 9, url=reverse("admin:login"))

    tenth = log_in(client, "admin", "not-the-password", url=reverse("admin:login"))
    eleventh = log_in(client, "admin", TEST_PASSWORD, url=reverse("admin:login"))

    assert statuses == [200] * 9
    assert tenth.status_code == 429
    assert eleventh.status_code == 429
    assert alert_text(eleventh) == ACCOUNT_PAUSED
    assert f'name="next" value="{reverse("admin:index")}"' in eleventh.content.decode()
    assert "_auth_user_id" not in client.session


def test_admin_login_shares_the_lock_of_the_site_log_in(client):
    UserFactory(username="admin", is_staff=True, is_superuser=True)
    fail(client, "admin", 10)

    response = log_in(client, "admin", TEST_PASSWORD, url=reverse("admin:login"))

    assert response.status_code == 429
    assert alert_text(response) == ACCOUNT_PAUSED


def test_sign_in_flood_from_one_address_across_accounts_pauses_the_address(client, clerk):
    statuses = [log_in(client, f"guess{n}", "not-the-password").status_code for n in range(50)]

    refused = log_in(client, "clerk", TEST_PASSWORD)
    elsewhere = log_in(client, "clerk", TEST_PASSWORD, address=ELSEWHERE)

    # 50 accounts with 1 failure each: no account lock, but the address's 50th failure pauses it.
    assert statuses == [200] * 49 + [429]
    assert refused.status_code == 429
    assert alert_text(refused) == ADDRESS_PAUSED
    assert elsewhere.status_code == 302


def test_sign_in_works_again_after_cool_off(client, clerk, time_machine):
    time_machine.move_to(START, tick=False)
    fail(client, "clerk", 10)

    time_machine.move_to(START + timedelta(minutes=15, seconds=1), tick=False)
    after_cool_off = log_in(client, "clerk", TEST_PASSWORD)

    assert after_cool_off.status_code == 302
    assert after_cool_off["Location"] == reverse("staff:dashboard")
    assert AccessAttempt.objects.count() == 0


def test_sign_in_attempt_while_paused_restarts_the_cool_off(client, clerk, time_machine):
    time_machine.move_to(START, tick=False)
    fail(client, "clerk", 10)

    time_machine.move_to(START + timedelta(minutes=14, seconds=59), tick=False)
    still_paused = log_in(client, "clerk", TEST_PASSWORD)
    time_machine.move_to(START + timedelta(minutes=15, seconds=1), tick=False)
    restarted = log_in(client, "clerk", TEST_PASSWORD)
    time_machine.move_to(START + timedelta(minutes=30, seconds=2), tick=False)
    after_cool_off = log_in(client, "clerk", TEST_PASSWORD)

    assert still_paused.status_code == 429
    # 15 minutes after the last refused attempt, not after the tenth failure.
    assert restarted.status_code == 429
    assert after_cool_off.status_code == 302


def test_sign_in_behind_proxy_counts_the_address_the_proxy_saw(client, clerk, settings):
    settings.WITAN_THROTTLING = {**settings.WITAN_THROTTLING, "TRUSTED_PROXY_COUNT": 1}
    # Each attempt forges a different left-hand X-Forwarded-For entry; the proxy appends the real one.
    statuses = [
        log_in(
            client,
            "clerk",
            "not-the-password",
            address="10.0.0.2",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, {HOME}",
        ).status_code
        for n in range(10)
    ]
    other_client = log_in(client, "clerk", TEST_PASSWORD, address="10.0.0.2", HTTP_X_FORWARDED_FOR=ELSEWHERE)

    assert statuses == [200] * 9 + [429]
    assert list(AccessAttempt.objects.values_list("ip_address", "failures_since_start")) == [(HOME, 10)]
    assert other_client.status_code == 302


def test_authenticate_outside_a_request_is_not_throttled(clerk):
    assert authenticate(username="clerk", password=TEST_PASSWORD) == clerk
    assert authenticate(username="clerk", password="not-the-password") is None
    assert AccessAttempt.objects.count() == 0


def ask_for_reset(client, email, *, address=HOME):
    return client.post(reverse("password_reset"), {"email": email}, REMOTE_ADDR=address)


def test_password_reset_fourth_email_for_one_address_within_an_hour_sends_nothing(
    client, clerk, time_machine
):
    time_machine.move_to(START, tick=False)
    answers = [ask_for_reset(client, "clerk@example.org") for _ in range(3)]
    time_machine.move_to(START + timedelta(minutes=59), tick=False)
    fourth = ask_for_reset(client, "Clerk@Example.org", address=ELSEWHERE)

    assert [answer.status_code for answer in answers] == [302, 302, 302]
    # The same answer as when a link is sent, so the limit tells a stranger nothing.
    assert fourth.status_code == 302
    assert fourth["Location"] == reverse("password_reset_done")
    assert len(mail.outbox) == 3
    assert [message.to for message in mail.outbox] == [["clerk@example.org"]] * 3


def test_password_reset_sends_again_an_hour_after_the_first_email(client, clerk, time_machine):
    time_machine.move_to(START, tick=False)
    ask_for_reset(client, "clerk@example.org")
    time_machine.move_to(START + timedelta(minutes=30), tick=False)
    ask_for_reset(client, "clerk@example.org")
    ask_for_reset(client, "clerk@example.org")

    time_machine.move_to(START + timedelta(minutes=60, seconds=1), tick=False)
    fourth = ask_for_reset(client, "clerk@example.org")
    fifth = ask_for_reset(client, "clerk@example.org")

    assert fourth.status_code == 302
    assert fifth.status_code == 302
    # The first email's hour is over; the two from half past still hold their places.
    assert len(mail.outbox) == 4


def test_password_reset_limit_per_email_counts_unregistered_addresses_too(client, clerk):
    answers = [ask_for_reset(client, "nobody@example.org").status_code for _ in range(4)]
    registered = ask_for_reset(client, "clerk@example.org")

    assert answers == [302, 302, 302, 302]
    assert registered.status_code == 302
    assert len(mail.outbox) == 1


def test_password_reset_from_one_client_refused_after_twenty_requests(client, clerk):
    answers = [ask_for_reset(client, f"person{n}@example.org").status_code for n in range(20)]

    refused = ask_for_reset(client, "clerk@example.org")
    elsewhere = ask_for_reset(client, "clerk@example.org", address=ELSEWHERE)

    assert answers == [302] * 20
    assert refused.status_code == 429
    assert refused["Retry-After"] == "3600"
    assert alert_text(refused, "reset-requests-paused") == (
        "Too many requests "
        "Too many password reset requests from your network. For your security, no more reset links "
        "can be asked for from your network for up to an hour. "
        "If you have already asked for a link, check your email, including any junk or spam folder: "
        "the links we sent still work. For help, contact democratic services."
    )
    assert 'name="email" value="clerk@example.org"' in refused.content.decode()
    assert elsewhere.status_code == 302
    assert len(mail.outbox) == 1


def test_password_reset_lifts_sign_in_pause(client, clerk):
    fail(client, "clerk", 10)
    ask_for_reset(client, "clerk@example.org")
    link = re.search(r"https?://[^/]+(/accounts/reset/\S+/)", mail.outbox[0].body).group(1)

    form_page = client.get(link, follow=True)
    saved = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "a-brand-new-password-77", "new_password2": "a-brand-new-password-77"},
    )
    signed_in = log_in(client, "clerk", "a-brand-new-password-77")

    assert saved.status_code == 302
    assert saved["Location"] == reverse("password_reset_complete")
    assert signed_in.status_code == 302
    assert signed_in["Location"] == reverse("staff:dashboard")


@pytest.mark.parametrize("path", ["/healthz", "/councillors/", "/accessibility/"])
def test_public_pages_answer_head(client, path):
    response = client.head(path)

    assert response.status_code == 200
    assert response.content == b""
