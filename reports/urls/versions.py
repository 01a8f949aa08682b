"""A report's version history and side-by-side comparison (issue 3, point 6)."""

from django.urls import path

from reports.views.versions import report_compare, report_versions

urlpatterns = [
    path("<int:pk>/versions/", report_versions, name="report_versions"),
    path("<int:pk>/versions/compare/", report_compare, name="report_compare"),
]
