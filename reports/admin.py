from django.contrib import admin

from .models import Approval, Report, ReportVersion, SectionTemplate


@admin.register(SectionTemplate)
class SectionTemplateAdmin(admin.ModelAdmin):
    """The council's standard body sections for new reports (existing reports keep theirs)."""

    list_display = ["position", "title", "holds_recommendations", "is_active"]
    list_editable = ["title", "is_active"]
    list_display_links = ["position"]


class ApprovalInline(admin.TabularInline):
    model = Approval
    extra = 0
    can_delete = False
    readonly_fields = [f.name for f in Approval._meta.fields if f.name != "id"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    """Read-only: reports change only through the editor and the workflow, which audit every change."""

    list_display = ["title", "committee", "meeting_date", "status"]
    list_filter = ["status", "committee"]
    search_fields = ["title"]
    inlines = [ApprovalInline]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


@admin.register(ReportVersion)
class ReportVersionAdmin(admin.ModelAdmin):
    list_display = ["report", "number", "status", "created_at", "is_frozen"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False
