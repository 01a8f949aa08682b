"""The staff side of meetings: the list of meetings, calling a meeting, and a committee's calendar.

The agenda builder is in `staff_builder` (the page and its publication actions) and `staff_items`
(changes to one item); a committee's agenda template in `staff_templates`. Every write goes through
a service in `meetings.services`; a refusal re-renders the form with the error and answers 400.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import TemplateView

from council.models import Committee
from council.selectors import today
from council.views.staff import RoleRequiredMixin

from ..forms import MeetingCalendarForm, MeetingCallForm, add_service_errors
from ..models import Meeting
from ..rules import can_manage_agendas
from ..services import AgendaError, meeting_create, meetings_create_for_dates
from .staff_reads import meeting_rows, meetings_for_staff

MEETINGS_PER_PAGE = 50


class AgendaManagerMixin(RoleRequiredMixin):
    """Democratic services (and administrators): anonymous users log in, others get a 403."""

    permission = staticmethod(can_manage_agendas)


class MeetingMixin(AgendaManagerMixin):
    """A page about one meeting, `self.meeting`, from the `pk` in its address."""

    def dispatch(self, request, *args, **kwargs):
        # The role is checked first, so nobody without it learns which meetings exist.
        if request.user.is_authenticated and can_manage_agendas(request.user):
            self.meeting = get_object_or_404(
                Meeting.objects.select_related("committee", "agenda_published_by"), pk=kwargs["pk"]
            )
        return super().dispatch(request, *args, **kwargs)


class MeetingListView(AgendaManagerMixin, TemplateView):
    """Upcoming (or past) meetings with their agenda state, R1 deadline and pack build."""

    template_name = "meetings/staff/meeting_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        on = today()
        past = self.request.GET.get("when") == "past"
        slug = self.request.GET.get("committee", "")
        committees = list(Committee.objects.filter(is_active=True).order_by("name"))
        committee = next((c for c in committees if c.slug == slug), None)
        page = Paginator(
            meetings_for_staff(committee=committee, past=past, today=on), MEETINGS_PER_PAGE
        ).get_page(self.request.GET.get("page"))
        context.update(
            past=past,
            committees=committees,
            committee=committee,
            page=page,
            rows=meeting_rows(page.object_list, today=on),
            today=on,
        )
        return context


class MeetingCallView(AgendaManagerMixin, TemplateView):
    """Call one meeting; its agenda starts from the committee's template."""

    template_name = "meetings/staff/meeting_call.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        initial = {}
        if committee := Committee.objects.filter(slug=self.request.GET.get("committee", "")).first():
            initial.update(
                committee=committee, start_time=committee.default_start_time, venue=committee.default_venue
            )
        context.setdefault("form", MeetingCallForm(initial=initial))
        return context

    def post(self, request, *args, **kwargs):
        form = MeetingCallForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                meeting = meeting_create(
                    committee=data["committee"],
                    date=data["date"],
                    start_time=data["start_time"],
                    venue=data["venue"],
                    kind=data["kind"],
                    pre_briefing_note=data["pre_briefing_note"],
                    by=request.user,
                )
            except (ValidationError, AgendaError) as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request, f"Called the meeting of {meeting.committee.name} on {meeting.date:%A %-d %B %Y}."
                )
                return redirect("meetings_staff:agenda_builder", pk=meeting.pk)
        return self.render_to_response(self.get_context_data(form=form), status=400)


class MeetingCalendarView(AgendaManagerMixin, TemplateView):
    """A committee's meetings for the year in one go: every date or none."""

    template_name = "meetings/staff/meeting_calendar.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", MeetingCalendarForm())
        return context

    def post(self, request, *args, **kwargs):
        form = MeetingCalendarForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                meetings = meetings_create_for_dates(
                    committee=data["committee"],
                    dates=data["dates"],
                    start_time=data["start_time"],
                    venue=data["venue"],
                    by=request.user,
                )
            except (ValidationError, AgendaError) as error:
                add_service_errors(form, error)
            else:
                committee = data["committee"]
                messages.success(request, f"Called {len(meetings)} meetings of {committee.name}.")
                return redirect(f"{reverse('meetings_staff:meeting_list')}?committee={committee.slug}")
        return self.render_to_response(self.get_context_data(form=form), status=400)
