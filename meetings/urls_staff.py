from django.urls import path

from .views import staff, staff_builder, staff_items, staff_templates

app_name = "meetings_staff"

urlpatterns = [
    path("", staff.MeetingListView.as_view(), name="meeting_list"),
    path("call/", staff.MeetingCallView.as_view(), name="meeting_call"),
    path("calendar/", staff.MeetingCalendarView.as_view(), name="meeting_calendar"),
    path("templates/<slug:slug>/", staff_templates.AgendaTemplateView.as_view(), name="agenda_template"),
    path("<int:pk>/", staff_builder.AgendaBuilderView.as_view(), name="agenda_builder"),
    path("<int:pk>/details/", staff_builder.MeetingDetailsView.as_view(), name="meeting_details"),
    path("<int:pk>/status/", staff_builder.MeetingStatusView.as_view(), name="meeting_status"),
    path("<int:pk>/publish/", staff_builder.AgendaPublishView.as_view(), name="agenda_publish"),
    path(
        "<int:pk>/supplements/publish/",
        staff_builder.SupplementaryAgendaPublishView.as_view(),
        name="supplementary_agenda_publish",
    ),
    path("<int:pk>/packs/rebuild/", staff_builder.PackRebuildView.as_view(), name="pack_rebuild"),
    path("<int:pk>/packs/status/", staff_builder.BuildStatusView.as_view(), name="build_status"),
    path("<int:pk>/reorder/", staff_items.AgendaReorderView.as_view(), name="agenda_reorder"),
    path("<int:pk>/items/add/<slug:kind>/", staff_builder.ItemAddView.as_view(), name="agenda_item_add"),
    path("<int:pk>/items/<int:item_pk>/", staff_items.ItemView.as_view(), name="agenda_item"),
    path("<int:pk>/items/<int:item_pk>/part/", staff_items.ItemPartView.as_view(), name="agenda_item_part"),
    path("<int:pk>/items/<int:item_pk>/move/", staff_items.ItemMoveView.as_view(), name="agenda_item_move"),
    path(
        "<int:pk>/items/<int:item_pk>/document/",
        staff_items.ItemDocumentView.as_view(),
        name="agenda_item_document",
    ),
    path(
        "<int:pk>/items/<int:item_pk>/remove/",
        staff_items.ItemRemoveView.as_view(),
        name="agenda_item_remove",
    ),
    path(
        "<int:pk>/items/<int:item_pk>/reports/",
        staff_items.ItemReportAttachView.as_view(),
        name="agenda_report_attach",
    ),
    path(
        "<int:pk>/items/<int:item_pk>/reports/<int:link_pk>/remove/",
        staff_items.ItemReportDetachView.as_view(),
        name="agenda_report_detach",
    ),
]
