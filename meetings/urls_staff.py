from django.urls import path  # noqa: F401 (routes are added by the agenda builder)

app_name = "meetings_staff"

urlpatterns: list = []
