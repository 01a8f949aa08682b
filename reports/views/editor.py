"""Writing a report: start one, edit the whole report on one page, and manage its appendices.

Every write goes through `reports.services`. A refused save never loses what was typed: the page
is shown again with the author's text in the fields (400), and after a conflicting save (409)
with what the other editor saved beside each field that differs (issue 3, point 7).
"""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.text import slugify
from django.views.generic import FormView, TemplateView
from js_asset import Media

from council.audience import Audience
from council.downloads import document_response
from council.views.staff import RoleRequiredMixin

from ..forms import ReportCreateForm, ReportEditorForms, UploadedAppendixForm, WrittenAppendixForm
from ..models import Appendix, Report
from ..rules import can_create_report, can_edit_report
from ..selectors import report_for_display, reports_visible_to
from ..services import (
    ReportConflict,
    ReportError,
    appendix_add,
    appendix_delete,
    report_content,
    report_create,
    report_save,
)
from ..visibility import appendix_is_shown_to, audience_for_report


def media_with_nonce(request, media) -> Media:
    """The rich-text editor's assets, with the CSP nonce its inline import map needs."""
    return Media.from_media(media, nonce=request.csp_nonce)


def _form_errors_from(form, error: ValidationError | ReportError) -> None:
    if isinstance(error, ValidationError) and hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error.messages if isinstance(error, ValidationError) else str(error))


class ReportCreateView(RoleRequiredMixin, FormView):
    """Start a report: the meeting it goes to and its title; everything else on the edit page."""

    permission = staticmethod(can_create_report)
    template_name = "reports/report_create.html"
    form_class = ReportCreateForm

    def form_valid(self, form):
        try:
            report = report_create(**form.cleaned_data, by=self.request.user)
        except (ValidationError, ReportError) as error:
            _form_errors_from(form, error)
            return self.form_invalid(form)
        messages.success(self.request, "Report started. Fill in the Summary Sheet and the body, then save.")
        return redirect("reports:report_edit", pk=report.pk)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class ReportEditorMixin(LoginRequiredMixin):
    """The report, if this user may edit it: 404 if they may not even see it, 403 if only see it."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.report = self.get_report()
        if not can_edit_report(request.user, self.report):
            raise PermissionDenied(
                "You cannot edit this report: only its authors, colleagues it is shared with and "
                "democratic services can, and only until it is published or withdrawn."
            )
        return super().dispatch(request, *args, **kwargs)

    def get_report(self) -> Report:
        visible = reports_visible_to(self.request.user)
        return get_object_or_404(report_for_display(visible), pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["report"] = self.report
        return context


class ReportEditView(ReportEditorMixin, TemplateView):
    template_name = "reports/report_form.html"

    def get(self, request, *args, **kwargs):
        editor = ReportEditorForms(report=self.report, content=report_content(self.report))
        return self.render_to_response(self.get_context_data(editor=editor))

    def post(self, request, *args, **kwargs):
        editor = ReportEditorForms(report=self.report, content=report_content(self.report), data=request.POST)
        if not editor.is_valid():
            return self.render_to_response(self.get_context_data(editor=editor), status=400)
        expected = editor.expected_revision
        try:
            report = report_save(
                report=self.report,
                content=editor.cleaned_content(),
                expected_revision=expected,
                by=request.user,
            )
        except ReportConflict as conflict:
            self.report = self.get_report()  # as the other editor left it
            editor.show_saved(report_content(self.report), revision=conflict.current_revision)
            return self.render_to_response(
                self.get_context_data(editor=editor, conflict=conflict), status=409
            )
        except (ValidationError, ReportError) as error:
            # Nothing was written; the service may have changed the object in memory, so re-read it.
            self.report = self.get_report()
            editor.add_service_error(error)
            return self.render_to_response(self.get_context_data(editor=editor), status=400)
        if report.revision == expected:
            messages.info(request, "Nothing had changed, so no new version was made.")
        else:
            version = report.versions.order_by("-number").values_list("number", flat=True).first()
            messages.success(request, f"Saved. This is version {version}.")
        return redirect("reports:report_edit", pk=report.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["editor_media"] = media_with_nonce(self.request, kwargs["editor"].media)
        context["appendices"] = self.report.appendices.all()
        return context


class ReportAppendicesView(ReportEditorMixin, TemplateView):
    """List, add (written or uploaded PDF) and remove a report's appendices."""

    template_name = "reports/appendices.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        next_label = f"Appendix {len(self.report.appendices.all()) + 1}"
        written = kwargs.get("written_form")
        if written is None:
            written = WrittenAppendixForm(prefix="written", initial={"label": next_label})
        uploaded = kwargs.get("upload_form")
        if uploaded is None:
            uploaded = UploadedAppendixForm(prefix="upload", initial={"label": next_label})
        context.update(
            appendices=self.report.appendices.all(),
            written_form=written,
            upload_form=uploaded,
            editor_media=media_with_nonce(self.request, written.media),
        )
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        if action == "delete":
            return self._delete(request)
        if action == "written":
            form = WrittenAppendixForm(request.POST, prefix="written")
            kind, context_name = Appendix.Kind.WRITTEN, "written_form"
        elif action == "upload":
            form = UploadedAppendixForm(request.POST, request.FILES, prefix="upload")
            kind, context_name = Appendix.Kind.UPLOADED, "upload_form"
        else:
            messages.error(request, "Choose whether to write or upload an appendix.")
            return redirect("reports:report_appendices", pk=self.report.pk)
        if form.is_valid():
            data = form.cleaned_data
            try:
                appendix = appendix_add(
                    report=self.report,
                    label=data["label"],
                    title=data["title"],
                    kind=kind,
                    body=data.get("body", ""),
                    upload=data.get("file"),
                    is_exempt=data["is_exempt"],
                    exempt_paragraphs=data["exempt_paragraphs"],
                    public_interest_reason=data["public_interest_reason"],
                    by=request.user,
                )
            except (ValidationError, ReportError) as error:
                self.report = self.get_report()
                _form_errors_from(form, error)
            else:
                messages.success(request, f"Added {appendix.label}: {appendix.title}.")
                return redirect("reports:report_appendices", pk=self.report.pk)
        return self.render_to_response(self.get_context_data(**{context_name: form}), status=400)

    def _delete(self, request):
        try:
            appendix = self.report.appendices.get(pk=int(request.POST.get("appendix", "")))
        except (ValueError, Appendix.DoesNotExist) as error:
            raise Http404("No such appendix.") from error
        try:
            appendix_delete(appendix=appendix, by=request.user)
        except ReportError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, f"Removed {appendix.label}: {appendix.title}.")
        return redirect("reports:report_appendices", pk=self.report.pk)


def appendix_file(request, pk: int, appendix_pk: int):
    """An uploaded appendix PDF, to whoever may see the report; an exempt one only as
    `reports.visibility` allows (R4). Anyone else gets a 404, as if there were none."""
    report = get_object_or_404(reports_visible_to(request.user), pk=pk)
    appendix = get_object_or_404(
        report.appendices.filter(kind=Appendix.Kind.UPLOADED).exclude(file=""), pk=appendix_pk
    )
    if not appendix_is_shown_to(appendix, report=report, audience=audience_for_report(request.user, report)):
        raise Http404("No such appendix.")
    public = report.status == Report.Status.PUBLISHED and appendix_is_shown_to(
        appendix, report=report, audience=Audience.PUBLIC
    )
    return document_response(
        request,
        file=appendix.file,
        filename=f"{slugify(appendix.label) or 'appendix'}.pdf",
        sha256=appendix.sha256,
        private=not public,  # drafts and exempt papers never sit in a cache
        what=f"{appendix.label} of this report",
        back_url=report.get_absolute_url(),
        back_label="the report",
    )
