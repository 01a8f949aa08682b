from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from .views import public, sign_in

urlpatterns = [
    # The home page and committee pages show meetings, so the meetings app serves them.
    path("", include("meetings.urls_public")),
    path("meetings/", include("meetings.urls")),
    path("councillors/", public.councillor_list, name="councillor_list"),
    path("councillors/<slug:slug>/", public.councillor_detail, name="councillor_detail"),
    path("accessibility/", public.accessibility_statement, name="accessibility"),
    path("healthz", public.healthz, name="healthz"),
    path("reports/", include("reports.urls")),
    path("staff/meetings/", include("meetings.urls_staff")),
    path("staff/", include("council.urls_staff")),
    # Password reset is throttled (council/views/sign_in.py); log-in is locked by django-axes.
    path("accounts/password_reset/", sign_in.PasswordResetView.as_view(), name="password_reset"),
    path(
        "accounts/reset/<uidb64>/<token>/",
        sign_in.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
