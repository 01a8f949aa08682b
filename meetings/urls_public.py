from django.urls import path

from .views import public as views

urlpatterns = [
    path("", views.home, name="home"),
    path("committees/", views.committee_list, name="committee_list"),
    path("committees/<slug:slug>/", views.committee_detail, name="committee_detail"),
]
