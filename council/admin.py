from django.contrib import admin

from .models import (
    AuditEntry,
    ClosureDay,
    Committee,
    CoOptee,
    Councillor,
    CouncilProfile,
    Directorate,
    Membership,
    MunicipalYear,
    Officer,
    Party,
    Ward,
)


@admin.register(Ward, Directorate, Party)
class NamedAdmin(admin.ModelAdmin):
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Councillor)
class CouncillorAdmin(admin.ModelAdmin):
    list_display = ["last_name", "first_name", "party", "ward"]
    list_filter = ["party", "ward"]
    search_fields = ["first_name", "last_name"]
    list_select_related = ["party", "ward"]


@admin.register(Officer)
class OfficerAdmin(admin.ModelAdmin):
    list_display = ["name", "job_title", "directorate", "is_active"]
    list_filter = ["directorate", "is_active"]
    search_fields = ["name", "job_title"]


@admin.register(CoOptee)
class CoOpteeAdmin(admin.ModelAdmin):
    search_fields = ["name"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["councillor", "co_optee"]


@admin.register(Committee)
class CommitteeAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "parent", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "short_name"]
    inlines = [MembershipInline]


admin.site.register([CouncilProfile, MunicipalYear, ClosureDay])


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["at", "actor_name", "action", "object_repr"]
    list_filter = ["action", "content_type"]
    readonly_fields = [f.name for f in AuditEntry._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
