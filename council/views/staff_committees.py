"""The staff page of one committee: its settings, members, appointments and history."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import TemplateView

from council import forms
from council.models import Committee, Membership
from council.selectors import audit_entries_for_committee, committee_members, committee_membership_history
from council.services import OrganisationError, membership_add, membership_change_role, membership_end

from .staff import RoleRequiredMixin

FORM_CLASSES = {
    "councillor": forms.CouncillorMembershipForm,
    "co_optee": forms.CoOptedMembershipForm,
}


class CommitteeStaffView(RoleRequiredMixin, TemplateView):
    template_name = "staff/committee_detail.html"

    def dispatch(self, request, *args, **kwargs):
        self.committee = get_object_or_404(Committee.objects.select_related("parent"), slug=kwargs["slug"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            committee=self.committee,
            members=committee_members(committee=self.committee),
            history=committee_membership_history(committee=self.committee),
            audit=audit_entries_for_committee(committee=self.committee),
            role_choices=Membership.Role.choices,
        )
        context.setdefault(
            "councillor_form", forms.CouncillorMembershipForm(committee=self.committee, prefix="cllr")
        )
        context.setdefault(
            "co_optee_form", forms.CoOptedMembershipForm(committee=self.committee, prefix="coopt")
        )
        context.setdefault("end_form", forms.MembershipEndForm())
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        if action == "end":
            return self._end_membership(request)
        if action == "change_role":
            return self._change_role(request)
        if action not in FORM_CLASSES:
            messages.error(request, "Unknown action.")
            return redirect("staff:committee_detail", slug=self.committee.slug)
        prefix = "cllr" if action == "councillor" else "coopt"
        form = FORM_CLASSES[action](request.POST, committee=self.committee, prefix=prefix)
        if form.is_valid():
            try:
                membership = membership_add(membership=form.save(commit=False), by=request.user)
            except (ValidationError, OrganisationError) as error:
                form.add_error(None, error if isinstance(error, ValidationError) else str(error))
            else:
                messages.success(request, f"Added {membership.person_name} as {membership.role_title()}.")
                return redirect("staff:committee_detail", slug=self.committee.slug)
        key = "councillor_form" if action == "councillor" else "co_optee_form"
        messages.error(request, "The appointment was not saved: please correct the errors shown below.")
        return self.render_to_response(self.get_context_data(**{key: form, "open_form": action}), status=400)

    def _posted_membership(self, request) -> Membership:
        membership_id = request.POST.get("membership", "")
        if not membership_id.isdigit():
            raise Http404("No such membership.")
        return get_object_or_404(Membership, pk=int(membership_id), committee=self.committee)

    def _end_membership(self, request):
        membership = self._posted_membership(request)
        form = forms.MembershipEndForm(request.POST)
        if form.is_valid():
            try:
                membership_end(membership=membership, end_date=form.cleaned_data["end_date"], by=request.user)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            except OrganisationError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, f"Ended the membership of {membership.person_name}.")
        else:
            messages.error(request, "Give the last day of the membership as a date.")
        return redirect("staff:committee_detail", slug=self.committee.slug)

    def _change_role(self, request):
        membership = self._posted_membership(request)
        form = forms.MembershipRoleChangeForm(request.POST)
        if not form.is_valid():
            messages.error(request, "Choose the new role and the day it starts.")
            return redirect("staff:committee_detail", slug=self.committee.slug)
        try:
            successor = membership_change_role(
                membership=membership,
                role=form.cleaned_data["role"],
                from_date=form.cleaned_data["from_date"],
                by=request.user,
            )
        except ValidationError as error:
            messages.error(request, f"The role was not changed: {' '.join(error.messages)}")
        except OrganisationError as error:
            messages.error(request, f"The role was not changed: {error}")
        else:
            messages.success(
                request,
                f"{successor.person_name} is {successor.role_title()} from {successor.start_date:%-d %B %Y}.",
            )
        return redirect("staff:committee_detail", slug=self.committee.slug)
