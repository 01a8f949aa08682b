"""The throttled doors of Django's auth views: the "signing in is paused" page and password reset.

Log-in itself stays Django's (and the admin's) view; django-axes refuses a paused log-in and calls
`sign_in_paused` (AXES_LOCKOUT_CALLABLE) for the page. Password reset limits the emails it sends.
"""

from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers

from council.throttling import (
    PASSWORD_RESET_PERIOD,
    address_sign_in_paused,
    claim_password_reset_email,
    claim_password_reset_request,
    client_ip_address,
    lift_sign_in_pause,
    sign_in_cool_off_minutes,
)

TOO_MANY_REQUESTS = 429


def sign_in_paused(request, original_response, credentials):
    """The log-in page again, with why signing in is refused and how to get help (HTTP 429).

    Used for /accounts/login/ and /admin/login/ alike; the form still works and posts to the
    site's log-in, which answers the same until the cool-off has passed."""
    username = (credentials or {}).get("username") or request.POST.get("username", "")
    next_url = request.POST.get("next") or request.GET.get("next", "")
    if not next_url and request.path == reverse("admin:login"):
        next_url = reverse("admin:index")
    minutes = sign_in_cool_off_minutes(request)
    form = AuthenticationForm(request, initial={"username": username})
    # Read from the top, where the alert says why: the field does not take the focus.
    form.fields["username"].widget.attrs.pop("autofocus", None)
    response = render(
        request,
        "registration/login.html",
        {
            "form": form,
            "next": next_url,
            "sign_in_paused": "address" if address_sign_in_paused(request) else "account",
            "pause_minutes": minutes,
        },
        status=TOO_MANY_REQUESTS,
    )
    response["Retry-After"] = str(minutes * 60)
    add_never_cache_headers(response)
    return response


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset view, sending at most PASSWORD_RESET_EMAILS_PER_HOUR emails to one address.

    Over the per-email limit the page answers exactly as when it sends, and sends nothing: the
    links already sent still work, and a different answer would tell a stranger that someone has
    been asking about that address. Over the per-client limit it says so (HTTP 429): that concerns
    the asker, not any account."""

    def form_valid(self, form):
        if not claim_password_reset_request(ip_address=client_ip_address(self.request)):
            context = self.get_context_data(form=form, reset_requests_paused=True)
            response = self.render_to_response(context, status=TOO_MANY_REQUESTS)
            response["Retry-After"] = str(int(PASSWORD_RESET_PERIOD.total_seconds()))
            return response
        if not claim_password_reset_email(email=form.cleaned_data["email"]):
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Django's view; choosing a new password also lifts a sign-in pause on the account."""

    def form_valid(self, form):
        response = super().form_valid(form)
        lift_sign_in_pause(username=form.user.get_username())
        return response
