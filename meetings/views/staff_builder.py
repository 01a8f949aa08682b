"""The agenda builder: one meeting's details, its R1 deadline, what is missing, its items by part,
publication (and supplementary agendas), its status, and the pack build.

Each form on the page posts to its own address; a refusal renders the builder again with that form's
errors (or the refusal in an alert) and answers 400, so nothing the clerk typed is lost.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.generic import View

from council.selectors import today

from ..forms import (
    HeadingAddForm,
    MeetingDetailsForm,
    MeetingStatusForm,
    MinutesAddForm,
    OtherItemAddForm,
    ReportItemAddForm,
    StandardItemAddForm,
    add_service_errors,
)
from ..models import AgendaItem, Meeting
from ..services import (
    AgendaError,
    agenda_item_add,
    agenda_publish,
    meeting_set_status,
    meeting_update,
    pack_build_queue,
    supplementary_agenda_publish,
)
from .staff import MeetingMixin
from .staff_reads import agenda_builder_page, current_packs, latest_build, minutes_meetings, report_choices

TEMPLATE = "meetings/staff/agenda_builder.html"

# The add-item forms, in the order the page shows them: (kind in the address, heading, form class).
ADD_FORMS = {
    "report": ("Add a report", ReportItemAddForm),
    "standard": ("Add a standard item", StandardItemAddForm),
    "heading": ("Add a section heading", HeadingAddForm),
    "minutes": ("Add minutes for information", MinutesAddForm),
    "other": ("Add other business", OtherItemAddForm),
}


def _add_form(kind: str, meeting: Meeting, reports, data=None, files=None):
    form_class = ADD_FORMS[kind][1]
    extra = {}
    if form_class is ReportItemAddForm:
        extra["reports"] = reports
    if form_class is MinutesAddForm:
        extra["meetings"] = minutes_meetings(meeting)
    return form_class(data, files, prefix=kind, **extra)


def builder_url(meeting: Meeting, anchor: str = "") -> str:
    url = reverse("meetings_staff:agenda_builder", args=[meeting.pk])
    return f"{url}#{anchor}" if anchor else url


def build_status_context(meeting: Meeting) -> dict:
    """What the build panel shows; the partial is served alone for the page to poll."""
    return {"meeting": meeting, "build": latest_build(meeting), "packs": current_packs(meeting)}


def render_builder(
    request, meeting: Meeting, *, status: int = 200, error: str = "", **forms
) -> TemplateResponse:
    on = today()
    reports = report_choices(meeting)
    add_forms = [
        {
            "kind": kind,
            "heading": heading,
            "form": forms.get(f"{kind}_form") or _add_form(kind, meeting, reports),
        }
        for kind, (heading, _) in ADD_FORMS.items()
    ]
    context = {
        "meeting": meeting,
        "page": agenda_builder_page(meeting, today=on),
        "today": on,
        "error": error,
        "form_errors": bool(forms),
        "add_forms": add_forms,
        "details_form": forms.get("details_form") or MeetingDetailsForm(instance=meeting, prefix="details"),
        "status_form": forms.get("status_form") or MeetingStatusForm(meeting=meeting, prefix="status"),
        **build_status_context(meeting),
    }
    return TemplateResponse(request, TEMPLATE, context, status=status)


class AgendaBuilderView(MeetingMixin, View):
    def get(self, request, *args, **kwargs):
        return render_builder(request, self.meeting)


class BuildStatusView(MeetingMixin, View):
    """The build panel alone: the builder polls it every 2 seconds while a build runs."""

    def get(self, request, *args, **kwargs):
        return TemplateResponse(request, f"{TEMPLATE}#build-status", build_status_context(self.meeting))


class MeetingDetailsView(MeetingMixin, View):
    def post(self, request, *args, **kwargs):
        copy = Meeting.objects.get(pk=self.meeting.pk)  # the form writes what was typed onto it
        form = MeetingDetailsForm(request.POST, instance=copy, prefix="details")
        if form.is_valid():
            try:
                meeting_update(meeting=self.meeting, by=request.user, **form.cleaned_data)
            except (ValidationError, AgendaError) as error:
                add_service_errors(form, error)
            else:
                messages.success(request, "Saved the meeting's details.")
                return redirect("meetings_staff:agenda_builder", pk=self.meeting.pk)
        return render_builder(request, self.meeting, status=400, details_form=form)


class ItemAddView(MeetingMixin, View):
    """Add an item of one kind. R2: a late item needs the chair's reason for urgency, which the
    service asks for on the `urgency_reason` field."""

    def post(self, request, *args, kind, **kwargs):
        if kind not in ADD_FORMS:
            raise Http404("No such kind of item.")
        form = _add_form(kind, self.meeting, report_choices(self.meeting), request.POST, request.FILES)
        if form.is_valid():
            try:
                item = agenda_item_add(
                    meeting=self.meeting, by=request.user, **_item_values(kind, form.cleaned_data)
                )
            except (ValidationError, AgendaError) as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _added_message(self.meeting, item))
                return redirect(builder_url(self.meeting, f"item-{item.pk}"))
        return render_builder(request, self.meeting, status=400, **{f"{kind}_form": form})


def _item_values(kind: str, data: dict) -> dict:
    if kind == "report":
        return {
            "kind": AgendaItem.Kind.REPORTS,
            "reports": [data["chosen_report"]],
            "title": data["title"],
            "urgency_reason": data["urgency_reason"],
        }
    if kind == "standard":
        return {
            "kind": AgendaItem.Kind.STANDARD,
            "standard_item": data["standard_item"],
            "title": data["title"],
        }
    if kind == "heading":
        return {"kind": AgendaItem.Kind.HEADING, "title": data["title"], "description": data["description"]}
    values = {"title": data["title"], "document": data["document"], "urgency_reason": data["urgency_reason"]}
    if kind == "minutes":
        return {"kind": AgendaItem.Kind.MINUTES, "minutes_of": data["minutes_of"], **values}
    return {"kind": AgendaItem.Kind.OTHER, "description": data["description"], **values}


def _added_message(meeting: Meeting, item: AgendaItem) -> str:
    if meeting.agenda_is_published:
        return f"Added “{item.title}”: it goes out with the next supplementary agenda."
    return f"Added “{item.title}”."


class AgendaPublishView(MeetingMixin, View):
    """R1: refused after the deadline unless each late item carries the chair's reason (R2)."""

    def post(self, request, *args, **kwargs):
        try:
            agenda_publish(meeting=self.meeting, by=request.user)
        except AgendaError as error:
            return render_builder(request, self.meeting, status=400, error=str(error))
        messages.success(request, "The agenda is published. The packs are being built.")
        return redirect("meetings_staff:agenda_builder", pk=self.meeting.pk)


class SupplementaryAgendaPublishView(MeetingMixin, View):
    def post(self, request, *args, **kwargs):
        try:
            supplement = supplementary_agenda_publish(meeting=self.meeting, by=request.user)
        except AgendaError as error:
            return render_builder(request, self.meeting, status=400, error=str(error))
        messages.success(request, f"{supplement} is published. The packs are being rebuilt.")
        return redirect("meetings_staff:agenda_builder", pk=self.meeting.pk)


class PackRebuildView(MeetingMixin, View):
    def post(self, request, *args, **kwargs):
        if not self.meeting.agenda_is_published:
            return render_builder(
                request, self.meeting, status=400, error="The packs are built when the agenda is published."
            )
        pack_build_queue(
            meeting=self.meeting, by=request.user, reason="Rebuild asked for by democratic services"
        )
        messages.success(request, "The packs are being rebuilt; the current ones stay available until then.")
        return redirect(builder_url(self.meeting, "build-status"))


class MeetingStatusView(MeetingMixin, View):
    """Postpone or cancel with the reason, or reinstate."""

    def post(self, request, *args, **kwargs):
        form = MeetingStatusForm(request.POST, meeting=self.meeting, prefix="status")
        if form.is_valid():
            try:
                meeting = meeting_set_status(
                    meeting=self.meeting,
                    status=form.cleaned_data["status"],
                    reason=form.cleaned_data["reason"],
                    by=request.user,
                )
            except (ValidationError, AgendaError) as error:
                add_service_errors(form, error)
            else:
                messages.success(request, f"The meeting is {meeting.get_status_display().lower()}.")
                return redirect("meetings_staff:agenda_builder", pk=self.meeting.pk)
        return render_builder(request, self.meeting, status=400, status_form=form)
