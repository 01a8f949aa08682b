"""Throttles on the doors that take a password or send one: log-in and password reset.

Log-in is locked by django-axes (settings: AXES_* and WITAN_THROTTLING). Its database handler keeps
one row of failures per username, address and browser, so the lock holds across processes; this
module adds the second, higher limit for one address across many accounts, which axes cannot
express (it has one failure limit for every lockout parameter).

Password-reset emails are limited over Django's cache: a shared cache in production (CACHE_URL),
otherwise the limit holds per process only.
"""

import ipaddress
from datetime import timedelta

from axes.backends import AxesStandaloneBackend
from axes.handlers.database import AxesDatabaseHandler
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.core.cache import cache
from django.db.models import Sum
from django.http import HttpRequest
from django.utils.crypto import salted_hmac

PASSWORD_RESET_PERIOD = timedelta(hours=1)


def client_ip_address(request: HttpRequest) -> str | None:
    """The address a request came from, as both throttles count it (AXES_CLIENT_IP_CALLABLE).

    Each trusted reverse proxy appends the address it was reached from to X-Forwarded-For, so
    behind TRUSTED_PROXY_COUNT of them the client is that many entries from the right; anything
    further left was sent by the client and may be forged. With no proxy, or a header shorter
    than the proxies would make, it is the connection's own address."""
    proxies = settings.WITAN_THROTTLING["TRUSTED_PROXY_COUNT"]
    if proxies:
        hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        hops = [hop for hop in hops if hop]
        if len(hops) >= proxies:
            try:
                return str(ipaddress.ip_address(hops[-proxies]))
            except ValueError:
                pass  # not an address: the proxy is misconfigured; fall back to the connection
    return request.META.get("REMOTE_ADDR")


def sign_in_cool_off(request: HttpRequest | None = None) -> timedelta:
    """How long signing in stays paused after the last failed attempt (AXES_COOLOFF_TIME)."""
    return timedelta(minutes=settings.WITAN_THROTTLING["SIGN_IN_COOL_OFF_MINUTES"])


def sign_in_cool_off_minutes(request: HttpRequest) -> int:
    return int(get_cool_off(request).total_seconds() // 60)


def address_sign_in_failures(request: HttpRequest) -> int:
    """Failed log-ins from the request's address, across all accounts, within the cool-off."""
    since = request.axes_attempt_time - get_cool_off(request)
    return (
        AccessAttempt.objects.filter(ip_address=request.axes_ip_address, attempt_time__gte=since).aggregate(
            total=Sum("failures_since_start")
        )["total"]
        or 0
    )


def address_sign_in_paused(request: HttpRequest) -> bool:
    return address_sign_in_failures(request) >= settings.WITAN_THROTTLING["SIGN_IN_ADDRESS_FAILURE_LIMIT"]


class SignInAttemptHandler(AxesDatabaseHandler):
    """Axes' database handler, with a second limit on one address across all accounts.

    Axes compares one count with AXES_FAILURE_LIMIT; the account's count (username and address)
    is that count, and an address over its own, higher limit counts as having reached it."""

    def get_failures(self, request, credentials=None) -> int:
        account_failures = super().get_failures(request, credentials)
        if address_sign_in_paused(request):
            return max(account_failures, get_failure_limit(request, credentials))
        return account_failures


class SignInLockBackend(AxesStandaloneBackend):
    """Refuses a locked-out log-in before any password is checked (first in AUTHENTICATION_BACKENDS).

    `authenticate()` called outside a request (the test client's `login()`, management commands)
    has no client to count, so it passes through to the next backend instead of failing."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)


def _claim_hourly_slot(*, scope: str, key: str, limit: int) -> bool:
    """Claim one of `limit` slots, each held for an hour; False when all are held.

    Every slot is its own cache entry, taken with the atomic `cache.add` and expiring an hour after
    it was taken, so at most `limit` claims succeed in any hour, in every process that shares the
    cache. Keys are keyed hashes: the cache never holds an email address or a client address."""
    digest = salted_hmac(f"witan.throttling.{scope}", key).hexdigest()
    slots = [f"witan:throttle:{scope}:{digest}:{slot}" for slot in range(limit)]
    held = cache.get_many(slots)
    timeout = int(PASSWORD_RESET_PERIOD.total_seconds())
    return any(slot not in held and cache.add(slot, 1, timeout=timeout) for slot in slots)


def claim_password_reset_request(*, ip_address: str | None) -> bool:
    """True if the client address may ask for another reset (PASSWORD_RESET_REQUESTS_PER_ADDRESS_PER_HOUR)."""
    return _claim_hourly_slot(
        scope="reset-address",
        key=ip_address or "unknown",
        limit=settings.WITAN_THROTTLING["PASSWORD_RESET_REQUESTS_PER_ADDRESS_PER_HOUR"],
    )


def claim_password_reset_email(*, email: str) -> bool:
    """True if another reset email may go to `email` (PASSWORD_RESET_EMAILS_PER_HOUR).

    Counted for every address asked about, registered or not, so the limit says nothing about
    which addresses have accounts. Compared case-insensitively, as Django finds the accounts."""
    return _claim_hourly_slot(
        scope="reset-email",
        key=email.strip().casefold(),
        limit=settings.WITAN_THROTTLING["PASSWORD_RESET_EMAILS_PER_HOUR"],
    )


def lift_sign_in_pause(*, username: str) -> int:
    """Forget the failed log-ins for an account, from every address (after a password reset:
    whoever chose the new password holds the account's mailbox). Returns the rows removed."""
    return AxesProxyHandler.reset_attempts(username=username)
