from django.urls import path

from .views import public as views

app_name = "meetings"

urlpatterns = [
    path("<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path("<int:pk>/pack.pdf", views.pack, name="pack"),
    path("<int:pk>/pack-confidential.pdf", views.pack_confidential, name="pack_confidential"),
    path("<int:pk>/supplements/<int:number>/pack.pdf", views.supplement_pack, name="supplement_pack"),
    path(
        "<int:pk>/supplements/<int:number>/pack-confidential.pdf",
        views.supplement_pack_confidential,
        name="supplement_pack_confidential",
    ),
    path("<int:pk>/items/<int:item_pk>/document.pdf", views.item_document, name="item_document"),
]
