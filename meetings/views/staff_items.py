"""Changes to one agenda item (its wording, Part A or Part B, its reports, its place) and the order
of a part, which drag and drop sends as a whole."""

import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.generic import View

from ..agenda import numbered_agenda
from ..forms import AttachReportForm, ItemDocumentForm, ItemEditForm, PartBForm, add_service_errors
from ..models import AgendaItem, AgendaItemReport, Part
from ..services import (
    AgendaError,
    agenda_item_document_set,
    agenda_item_move,
    agenda_item_remove,
    agenda_item_set_part,
    agenda_item_update,
    agenda_reorder,
    agenda_report_attach,
    agenda_report_detach,
)
from .staff import MeetingMixin
from .staff_builder import builder_url, render_builder
from .staff_reads import minutes_meetings, report_choices


class ItemMixin(MeetingMixin):
    """A page or action about one item of the meeting, `self.item` (withdrawn items are gone)."""

    def dispatch(self, request, *args, **kwargs):
        self.item = None
        return super().dispatch(request, *args, **kwargs)

    def get_item(self) -> AgendaItem:
        if self.item is None:
            self.item = get_object_or_404(
                AgendaItem.objects.select_related("meeting__committee", "supplement"),
                pk=self.kwargs["item_pk"],
                meeting=self.meeting,
                is_withdrawn=False,
            )
        return self.item


def _edit_form(item: AgendaItem, data=None) -> ItemEditForm:
    initial = {"title": item.title, "description": item.description, "urgency_reason": item.urgency_reason}
    return ItemEditForm(data, initial=initial, is_heading=item.kind == AgendaItem.Kind.HEADING, prefix="item")


def render_item(
    request, item: AgendaItem, *, status: int = 200, error: str = "", **forms
) -> TemplateResponse:
    meeting = item.meeting
    number = next((e.number for e in numbered_agenda(meeting.items.all()) if e.item.pk == item.pk), None)
    links = list(item.report_links.select_related("report__committee", "version"))
    takes_reports = item.kind == AgendaItem.Kind.REPORTS and not item.is_published
    context = {
        "meeting": meeting,
        "item": item,
        "number": number,
        "links": links,
        "error": error,
        "can_detach": takes_reports and len(links) > 1,
        "edit_form": forms.get("edit_form") or _edit_form(item),
        "part_form": forms.get("part_form") or PartBForm(prefix="part"),
        "document_form": (
            forms.get("document_form")
            or ItemDocumentForm(meetings=minutes_meetings(meeting), prefix="document")
            if item.kind != AgendaItem.Kind.HEADING
            else None
        ),
        "attach_form": (
            forms.get("attach_form") or AttachReportForm(reports=report_choices(meeting), prefix="attach")
            if takes_reports
            else None
        ),
    }
    return TemplateResponse(request, "meetings/staff/agenda_item.html", context, status=status)


class ItemView(ItemMixin, View):
    """The item's page: change its wording and urgency reason, its part, its reports."""

    def get(self, request, *args, **kwargs):
        return render_item(request, self.get_item())

    def post(self, request, *args, **kwargs):
        item = self.get_item()
        form = _edit_form(item, request.POST)
        if form.is_valid():
            try:
                agenda_item_update(item=item, by=request.user, **form.cleaned_data)
            except (ValidationError, AgendaError) as error:
                add_service_errors(form, error)
            else:
                messages.success(request, f"Saved “{form.cleaned_data['title']}”.")
                return redirect(builder_url(self.meeting, f"item-{item.pk}"))
        return render_item(request, item, status=400, edit_form=form)


class ItemPartView(ItemMixin, View):
    """R4: into Part B citing Schedule 12A paragraphs, or back to Part A."""

    def post(self, request, *args, **kwargs):
        item = self.get_item()
        part = Part.A if request.POST.get("part") == Part.A else Part.B
        form, paragraphs = None, []
        if part == Part.B and item.kind != AgendaItem.Kind.HEADING:
            form = PartBForm(request.POST, prefix="part")
            if not form.is_valid():
                return render_item(request, item, status=400, part_form=form)
            paragraphs = form.cleaned_data["exempt_paragraphs"]
        try:
            agenda_item_set_part(item=item, part=part, exempt_paragraphs=paragraphs, by=request.user)
        except (ValidationError, AgendaError) as error:
            if form is None:
                return render_item(request, item, status=400, error=" ".join(_messages(error)))
            add_service_errors(form, error)
            return render_item(request, item, status=400, part_form=form)
        messages.success(request, f"“{item.title}” is now in {Part(part).label}.")
        return redirect(builder_url(self.meeting, f"item-{item.pk}"))


def _messages(error) -> list[str]:
    return error.messages if isinstance(error, ValidationError) else [str(error)]


class ItemReportAttachView(ItemMixin, View):
    def post(self, request, *args, **kwargs):
        item = self.get_item()
        form = AttachReportForm(request.POST, reports=report_choices(self.meeting), prefix="attach")
        if form.is_valid():
            try:
                agenda_report_attach(item=item, report=form.cleaned_data["chosen_report"], by=request.user)
            except (ValidationError, AgendaError) as error:
                add_service_errors(form, error)
            else:
                messages.success(request, f"Attached “{form.cleaned_data['chosen_report'].title}”.")
                return redirect(builder_url(self.meeting, f"item-{item.pk}"))
        return render_item(request, item, status=400, attach_form=form)


class ItemDocumentView(ItemMixin, View):
    """Bind a PDF to the item (the previous meeting's minutes on its standard item), replacing any."""

    def post(self, request, *args, **kwargs):
        item = self.get_item()
        form = ItemDocumentForm(
            request.POST, request.FILES, meetings=minutes_meetings(self.meeting), prefix="document"
        )
        if form.is_valid():
            try:
                agenda_item_document_set(
                    item=item,
                    document=form.cleaned_data["document"],
                    minutes_of=form.cleaned_data["minutes_of"],
                    by=request.user,
                )
            except (ValidationError, AgendaError) as error:
                add_service_errors(form, error)
            else:
                messages.success(request, f"Attached the document to “{item.title}”.")
                return redirect(builder_url(self.meeting, f"item-{item.pk}"))
        return render_item(request, item, status=400, document_form=form)


class ItemReportDetachView(ItemMixin, View):
    def post(self, request, *args, link_pk, **kwargs):
        item = self.get_item()
        link = get_object_or_404(
            AgendaItemReport.objects.select_related("report", "item__meeting"), pk=link_pk, item=item
        )
        try:
            agenda_report_detach(link=link, by=request.user)
        except AgendaError as error:
            return render_item(request, item, status=400, error=str(error))
        messages.success(request, f"Took “{link.report.title}” off the item.")
        return redirect("meetings_staff:agenda_item", pk=self.meeting.pk, item_pk=item.pk)


class ItemMoveView(ItemMixin, View):
    """The button alternative to dragging (WCAG 2.5.7): one place up or down within its part."""

    def post(self, request, *args, **kwargs):
        item = self.get_item()
        direction = request.POST.get("direction")
        if direction not in ("up", "down"):
            raise Http404("Move an item up or down.")
        try:
            agenda_item_move(item=item, up=direction == "up", by=request.user)
        except AgendaError as error:
            return render_builder(request, self.meeting, status=400, error=str(error))
        messages.success(request, f"Moved “{item.title}” {direction}.")
        return redirect(builder_url(self.meeting, f"item-{item.pk}"))


class ItemRemoveView(ItemMixin, View):
    """A draft item is deleted; a published one is withdrawn and the meeting page lists it."""

    def post(self, request, *args, **kwargs):
        item = self.get_item()
        try:
            agenda_item_remove(item=item, by=request.user)
        except AgendaError as error:
            return render_builder(request, self.meeting, status=400, error=str(error))
        done = "Withdrew" if item.is_published else "Removed"
        messages.success(request, f"{done} “{item.title}”.")
        return redirect("meetings_staff:agenda_builder", pk=self.meeting.pk)


class AgendaReorderView(MeetingMixin, View):
    """A part's items in a new order: JSON `{"part": "A", "items": [ids]}` from drag and drop (answered
    in JSON), or a form with `part` and repeated `items`. Withdrawn items are not on the page and
    not in the list."""

    def post(self, request, *args, **kwargs):
        wants_json = request.content_type == "application/json"
        try:
            part, ids = self._posted_order(request, wants_json)
            agenda_reorder(meeting=self.meeting, part=part, item_ids=ids, by=request.user)
        except (AgendaError, ValueError) as error:
            if wants_json:
                return JsonResponse({"error": str(error)}, status=400)
            return render_builder(request, self.meeting, status=400, error=str(error))
        message = f"Saved the order of {Part(part).label}."
        if wants_json:
            return JsonResponse({"message": message})
        messages.success(request, message)
        return redirect("meetings_staff:agenda_builder", pk=self.meeting.pk)

    @staticmethod
    def _posted_order(request, wants_json: bool) -> tuple[str, list[int]]:
        if wants_json:
            try:
                data = json.loads(request.body)
                part, raw = data["part"], data["items"]
            except (ValueError, KeyError, TypeError) as error:
                raise ValueError("The new order could not be read: reload the page and try again.") from error
        else:
            part, raw = request.POST.get("part"), request.POST.getlist("items")
        if part not in Part.values or not isinstance(raw, list):
            raise ValueError("The new order could not be read: reload the page and try again.")
        try:
            return part, [int(pk) for pk in raw]
        except (TypeError, ValueError) as error:
            raise ValueError("The new order could not be read: reload the page and try again.") from error
