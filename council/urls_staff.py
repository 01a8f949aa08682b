from django.urls import path

from .views import staff, staff_committees

app_name = "staff"

urlpatterns = [
    path("", staff.DashboardView.as_view(), name="dashboard"),
    path("council/", staff.CouncilProfileView.as_view(), name="council_profile"),
    path(
        "committees/<slug:slug>/members/",
        staff_committees.CommitteeStaffView.as_view(),
        name="committee_detail",
    ),
    path("<slug:register>/", staff.RegisterListView.as_view(), name="register_list"),
    path("<slug:register>/add/", staff.RegisterFormView.as_view(), name="register_add"),
    path("<slug:register>/<int:pk>/", staff.RegisterFormView.as_view(), name="register_edit"),
]
