from django.contrib import admin

from .models import Meeting


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["committee", "date", "start_time", "status"]
    list_filter = ["committee", "status"]
    date_hierarchy = "date"
