"""A committee's agenda template: the standard items, headings and place for the reports that its new
meetings start from. Meetings already called keep their agendas."""

import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import TemplateView

from council.models import Committee

from ..forms import AgendaTemplateEntryForm, add_service_errors
from ..rules import can_manage_agendas
from ..services import agenda_template
from ..services.agenda_templates import (
    agenda_template_entry_add,
    agenda_template_entry_move,
    agenda_template_entry_remove,
    agenda_template_reorder,
)
from .staff import AgendaManagerMixin


class AgendaTemplateView(AgendaManagerMixin, TemplateView):
    template_name = "meetings/staff/agenda_template.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and can_manage_agendas(request.user):
            self.committee = get_object_or_404(Committee, slug=kwargs["slug"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        entries = agenda_template(self.committee)
        context.update(
            committee=self.committee,
            entries=entries,
            is_default=not entries or entries[0].pk is None,
        )
        context.setdefault("form", AgendaTemplateEntryForm(prefix="entry"))
        return context

    def post(self, request, *args, **kwargs):
        if request.content_type == "application/json":
            return self._reorder(request)
        action = request.POST.get("action")
        if action in ("up", "down", "remove"):
            position = request.POST.get("position", "")
            if position.isdigit():
                if action == "remove":
                    agenda_template_entry_remove(
                        committee=self.committee, position=int(position), by=request.user
                    )
                    messages.success(request, "Removed the entry from the template.")
                else:
                    agenda_template_entry_move(
                        committee=self.committee, position=int(position), up=action == "up", by=request.user
                    )
                    messages.success(request, f"Moved the entry {action}.")
            return redirect("meetings_staff:agenda_template", slug=self.committee.slug)
        form = AgendaTemplateEntryForm(request.POST, prefix="entry")
        if form.is_valid():
            try:
                entry = agenda_template_entry_add(
                    committee=self.committee, by=request.user, **form.cleaned_data
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, f"Added “{entry}” to the template.")
                return redirect("meetings_staff:agenda_template", slug=self.committee.slug)
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def _reorder(self, request):
        try:
            ids = [int(pk) for pk in json.loads(request.body)["items"]]
            agenda_template_reorder(committee=self.committee, entry_ids=ids, by=request.user)
        except (ValueError, KeyError, TypeError):
            return JsonResponse({"error": "The new order could not be read: reload the page."}, status=400)
        except ValidationError as error:
            return JsonResponse({"error": " ".join(error.messages)}, status=400)
        return JsonResponse({"message": "Saved the order of the template."})
