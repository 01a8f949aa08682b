"""The report's permanent addresses: /reports/<id>/ (HTML) and /reports/<id>/pdf/ (PDF)."""

from django.urls import path

from reports.views.output import report_detail, report_pdf

urlpatterns = [
    path("<int:pk>/", report_detail, name="report_detail"),
    path("<int:pk>/pdf/", report_pdf, name="report_pdf"),
]
