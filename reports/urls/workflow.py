from django.urls import path

from ..views import workflow

urlpatterns = [
    path("", workflow.report_list, name="report_list"),
    path("inbox/", workflow.approval_inbox, name="approval_inbox"),
    path("<int:pk>/submit/", workflow.report_submit_view, name="report_submit"),
    path("<int:pk>/approvals/<slug:role>/", workflow.approval_record_view, name="approval_record"),
    path("<int:pk>/return/", workflow.report_return_view, name="report_return"),
    path("<int:pk>/withdraw/", workflow.report_withdraw_view, name="report_withdraw"),
]
