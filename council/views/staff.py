"""The staff area: democratic services keep the organisation up to date through these pages.

One generic list / add / edit view serves every simple record (wards, parties, people…);
committees have their own page for memberships. Every write goes through a service, so it
is validated, written in one transaction and audited.
"""

from dataclasses import dataclass, field

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import TemplateView

from council import forms
from council.models import (
    ClosureDay,
    Committee,
    CoOptee,
    Councillor,
    CouncilProfile,
    Directorate,
    MunicipalYear,
    Officer,
    Party,
    Ward,
)
from council.rules import can_manage_organisation, is_staff_user
from council.selectors import audit_entries_for
from council.services import OrganisationError, organisation_delete, organisation_save


class RoleRequiredMixin(LoginRequiredMixin):
    """Anonymous users are sent to log in; a signed-in user without the role gets a 403."""

    permission = staticmethod(can_manage_organisation)

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not self.permission(request.user):
            raise PermissionDenied("Your account does not have the role this page needs.")
        return super().dispatch(request, *args, **kwargs)


class DashboardView(RoleRequiredMixin, TemplateView):
    permission = staticmethod(is_staff_user)
    template_name = "staff/dashboard.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["registers"] = [(slug, register.plural) for slug, register in REGISTERS.items()]
        return context


@dataclass(frozen=True)
class Register:
    """A kind of organisation record that staff list, add and edit with the generic pages."""

    model: type[models.Model]
    form: type
    singular: str
    plural: str
    columns: list[tuple[str, str]]  # (attribute, heading)
    select_related: list[str] = field(default_factory=list)
    deletable: bool = False


REGISTERS: dict[str, Register] = {
    "committees": Register(
        Committee, forms.CommitteeForm, "committee", "Committees",
        [("name", "Name"), ("get_kind_display", "Kind"), ("parent", "Reports to")], ["parent"],
    ),
    "councillors": Register(
        Councillor, forms.CouncillorForm, "councillor", "Councillors",
        [("full_name", "Name"), ("party", "Party"), ("ward", "Ward")], ["party", "ward"],
    ),
    "co-optees": Register(
        CoOptee, forms.CoOpteeForm, "co-opted member", "Co-opted members", [("full_name", "Name")],
    ),
    "officers": Register(
        Officer, forms.OfficerForm, "officer", "Officers",
        [("name", "Name"), ("job_title", "Job title"), ("directorate", "Directorate")], ["directorate"],
    ),
    "wards": Register(Ward, forms.WardForm, "ward", "Wards", [("name", "Name")], deletable=True),
    "parties": Register(
        Party, forms.PartyForm, "party", "Parties", [("name", "Name"), ("short_name", "Short name")],
        deletable=True,
    ),
    "directorates": Register(
        Directorate, forms.DirectorateForm, "directorate", "Directorates", [("name", "Name")], deletable=True,
    ),
    "municipal-years": Register(
        MunicipalYear, forms.MunicipalYearForm, "municipal year", "Municipal years",
        [("label", "Year"), ("start_date", "Starts"), ("end_date", "Ends")],
    ),
    "closure-days": Register(
        ClosureDay, forms.ClosureDayForm, "closure day", "Council closure days",
        [("date", "Date"), ("reason", "Reason")], deletable=True,
    ),
}  # fmt: skip


class RegisterMixin(RoleRequiredMixin):
    def dispatch(self, request, *args, **kwargs):
        self.register = REGISTERS.get(kwargs["register"])
        if self.register is None:
            raise Http404("No such list.")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["register"] = self.register
        context["register_slug"] = self.kwargs["register"]
        return context


class RegisterListView(RegisterMixin, TemplateView):
    template_name = "staff/register_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        objects = self.register.model._default_manager.select_related(*self.register.select_related)
        context["rows"] = [
            (obj, [_cell(obj, attribute) for attribute, _ in self.register.columns]) for obj in objects
        ]
        return context


def _cell(obj, attribute):
    value = getattr(obj, attribute)
    return value() if callable(value) else value


class RegisterFormView(RegisterMixin, TemplateView):
    """Add (no pk) or edit (pk) one record; the edit page also shows its history."""

    template_name = "staff/register_form.html"

    def get_object(self):
        if "pk" not in self.kwargs:
            return None
        return get_object_or_404(self.register.model, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        obj = self.object
        context["object"] = obj
        context.setdefault("form", self.register.form(instance=obj))
        context["history"] = audit_entries_for(obj) if obj else []
        return context

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        return self.render_to_response(self.get_context_data())

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        if "delete" in request.POST and self.object and self.register.deletable:
            try:
                organisation_delete(instance=self.object, by=request.user)
            except OrganisationError as error:
                messages.error(request, str(error))
                return redirect(request.path)
            messages.success(request, f"Deleted {self.object}.")
            return redirect("staff:register_list", register=self.kwargs["register"])
        form = self.register.form(request.POST, request.FILES, instance=self.object)
        if form.is_valid():
            try:
                saved = organisation_save(instance=form.save(commit=False), by=request.user)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, f"Saved {saved}.")
                if isinstance(saved, Committee):
                    return redirect("staff:committee_detail", slug=saved.slug)
                return redirect("staff:register_edit", register=self.kwargs["register"], pk=saved.pk)
        return self.render_to_response(self.get_context_data(form=form), status=400)


class CouncilProfileView(RoleRequiredMixin, TemplateView):
    template_name = "staff/council_profile.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        profile = CouncilProfile.objects.filter(pk=1).first()
        context.setdefault("form", forms.CouncilProfileForm(instance=profile))
        context["history"] = audit_entries_for(profile) if profile else []
        return context

    def post(self, request, *args, **kwargs):
        profile = CouncilProfile.objects.filter(pk=1).first()
        form = forms.CouncilProfileForm(request.POST, request.FILES, instance=profile)
        if form.is_valid():
            organisation_save(instance=form.save(commit=False), by=request.user)
            messages.success(request, "Saved the council profile.")
            return redirect(reverse("staff:council_profile"))
        return self.render_to_response(self.get_context_data(form=form), status=400)
