"""Writing a report: start it, edit it on one page, and manage its appendices."""

from django.urls import path

from reports.views import editor

urlpatterns = [
    path("new/", editor.ReportCreateView.as_view(), name="report_create"),
    path("<int:pk>/edit/", editor.ReportEditView.as_view(), name="report_edit"),
    path("<int:pk>/appendices/", editor.ReportAppendicesView.as_view(), name="report_appendices"),
    path(
        "<int:pk>/appendices/<int:appendix_pk>/file/",
        editor.appendix_file,
        name="appendix_file",
    ),
]
