from django.urls import path

from .views import public as views

app_name = "meetings"

urlpatterns = [
    path("<int:pk>/", views.meeting_detail, name="meeting_detail"),
]
