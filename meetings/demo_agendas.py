"""Load the demo council's agendas and packs, through the meeting and report services.

`MeetingsConfig.demo_after_loader` names `load_demo`, so `council.demo` calls it once the meetings and the
reports are loaded, in the same transaction. Data: `meetings.demo_data.agendas` (templates, business,
the late item) and `meetings.demo_data.cabinet_reports` (the reports of the biggest pack).

The demo replays democratic services' year. The services date what they record, and check R1, R2 and R3,
against the clock, so each step runs with the clock set to the moment it would have happened
(time-machine, a development requirement like the demo itself):

- every body gets its agenda template;
- every meeting of the current municipal year (except the cancelled one) gets its agenda: the template's
  items, the body's business, its reports, for some bodies the minutes of their previous meeting as a PDF;
- the agenda of every meeting held, or whose R1 deadline has passed, was published on that deadline day,
  and each meeting held was marked held that evening (a held meeting is reopened for the replay);
- the next Cabinet meeting takes a dozen more reports and two long uploaded appendices: its pack runs to
  about 300 pages; an exempt report goes in Part B;
- a scrutiny board meeting gets a call-in as a late item (R2), on a supplementary agenda;
- meetings further ahead have draft agendas, some with reports not yet approved.

Loading twice on one day changes nothing: a meeting with items is not built again, a published agenda
is not published again, reports are found by title. Publishing queues pack builds; those of the meetings
to come are run once the transaction commits, so `manage.py demo` leaves their packs ready (the task
worker builds the rest); with `build_documents=False`, or inside an outer transaction that never commits
(the tests), they are left to the worker.
"""

import time as stopwatch
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction

from council.demo import DemoDataError
from council.models import Committee
from council.working_days import agenda_publication_deadline
from reports.models import Report

from .demo_agenda_items import (
    CLERK,
    READY,
    AgendaPlan,
    DemoDay,
    build,
    call_in,
    hold,
    on,
    publish,
    reopen,
)
from .demo_data import agendas as data
from .demo_data import cabinet_reports, year_words
from .demo_reports import dated, report_approve, report_draft, report_submit_for_approval
from .models import AgendaItem, AgendaPack, AgendaTemplateEntry, Meeting, PackBuild
from .services import pack_build_run
from .services.agenda_templates import (
    agenda_template_entry_add,
    agenda_template_entry_move,
    agenda_template_entry_remove,
    agenda_template_reorder,
)

# -- Templates -------------------------------------------------------------------------------------------


def _template_rows(committee: Committee) -> list[tuple]:
    return [
        (
            e.kind,
            e.standard_item if e.kind == AgendaTemplateEntry.Kind.STANDARD else e.title,
            e.title if e.kind == AgendaTemplateEntry.Kind.STANDARD else e.preamble,
        )
        for e in committee.agenda_template.order_by("position", "pk")
    ]


def _same_slot(kind: str, first: str, entry: AgendaTemplateEntry) -> bool:
    """Whether a wanted entry and an existing row hold the same place (one of each standard item and one
    place for the reports on a template)."""
    if kind != entry.kind:
        return False
    return kind == AgendaTemplateEntry.Kind.REPORTS or (
        kind == AgendaTemplateEntry.Kind.STANDARD and first == entry.standard_item
    )


def _load_templates(demo: DemoDay) -> None:
    """Each body's template, through the template services; one that differs is replaced whole."""
    for slug, wanted in data.TEMPLATES.items():
        committee = demo.committees[slug]
        if _template_rows(committee) != [tuple(entry) for entry in wanted]:
            with demo.at(on(demo.year.start_date - timedelta(weeks=8), 9)):
                _replace_template(demo, committee, wanted)


def _replace_template(demo: DemoDay, committee: Committee, wanted: list[tuple]) -> None:
    """A template is never left empty on the way (an empty one means the default order again): all but
    one of the old rows go, the new entries come in (but the one that would take the last old row's
    place), then the last old row goes, that entry comes in, and the whole is put in order."""
    # A move that goes nowhere turns the default order into rows.
    agenda_template_entry_move(committee=committee, position=1, up=True, by=demo.clerk)
    rows = list(committee.agenda_template.order_by("position", "pk"))
    for _old in rows[:-1]:
        agenda_template_entry_remove(committee=committee, position=1, by=demo.clerk)
    clash = next((n for n, (kind, first, _) in enumerate(wanted) if _same_slot(kind, first, rows[-1])), None)
    added = {}

    def add(number: int) -> None:
        kind, first, second = wanted[number]
        if kind == AgendaTemplateEntry.Kind.STANDARD:
            values = {"standard_item": first, "title": second}
        else:
            values = {"title": first, "preamble": second}
        added[number] = agenda_template_entry_add(committee=committee, kind=kind, by=demo.clerk, **values)

    for number in range(len(wanted)):
        if number != clash:
            add(number)
    agenda_template_entry_remove(committee=committee, position=1, by=demo.clerk)
    if clash is not None:
        add(clash)
    order = [added[n].pk for n in range(len(wanted))]
    agenda_template_reorder(committee=committee, entry_ids=order, by=demo.clerk)


# -- What each meeting should have -----------------------------------------------------------------------


def _plans(demo: DemoDay) -> list[AgendaPlan]:
    """Every meeting of the current year but the cancelled one, in date order, with what it should have."""
    bodies = list(demo.committees.values())
    everything = list(
        Meeting.objects.filter(committee__in=bodies)
        .exclude(status=Meeting.Status.CANCELLED)
        .select_related("committee")
        .order_by("date", "start_time")
    )
    plans = []
    next_cabinet = next(
        (
            m
            for m in everything
            if m.committee.slug == "cabinet" and m.date >= demo.today and m.is_going_ahead
        ),
        None,
    )
    for meeting in everything:
        if not demo.year.start_date <= meeting.date <= demo.year.end_date:
            continue
        deadline = agenda_publication_deadline(meeting.date, calendar=demo.calendar)
        plan = AgendaPlan(meeting=meeting)
        going_ahead = [
            m
            for m in everything
            if m.committee_id == meeting.committee_id and m.pk != meeting.pk and m.is_going_ahead
        ]
        plan.previous = next((m for m in reversed(going_ahead) if m.date < meeting.date), None)
        plan.following = next((m for m in going_ahead if m.date > meeting.date), None)
        if meeting == next_cabinet and deadline >= demo.today:
            # The biggest pack is ready now: published early, on the last working day before today.
            day = demo.calendar.add_working_days(demo.today, -1)
            plan.publish_at = on(day, 10)
        elif meeting.is_going_ahead and (meeting.date < demo.today or deadline < demo.today):
            plan.publish_at = on(deadline, 10)  # R1: on the last day allowed
        plans.append(plan)
    demo.big_meeting = next_cabinet
    return plans


def _scrutiny_plan(plans: list[AgendaPlan], slug: str, before: date) -> AgendaPlan | None:
    """The body's last meeting before `before`, if its agenda is still to be built."""
    earlier = [p for p in plans if p.meeting.committee.slug == slug and p.meeting.date < before]
    if earlier and not earlier[-1].meeting.items.exists():
        return earlier[-1]
    return None


def _call_in_plan(demo: DemoDay, plans: list[AgendaPlan]) -> AgendaPlan | None:
    """The scrutiny board meeting that takes the call-in: its next meeting whose agenda is out, with a
    working day between the agenda and today for the late item; or else its last such meeting held."""
    candidates = []
    for plan in plans:
        if plan.meeting.committee.slug != data.CALL_IN_COMMITTEE or plan.publish_at is None:
            continue
        late_day = demo.calendar.add_working_days(plan.publish_at.date(), 1)
        if late_day < demo.today and late_day < plan.meeting.date:
            candidates.append(plan)
    upcoming = [p for p in candidates if p.meeting.date >= demo.today]
    return upcoming[0] if upcoming else (candidates[-1] if candidates else None)


# -- Reports written for the agendas ---------------------------------------------------------------------


def _load_cabinet_reports(demo: DemoDay, plans: list[AgendaPlan]) -> None:
    """The big meeting's reports: drafted four weeks before its agenda (or the first agenda they go on)
    is published, submitted two weeks before, approved the week before."""
    big = next((p for p in plans if p.meeting == demo.big_meeting), None)
    if big is None or big.publish_at is None:
        return
    specs = [dated(spec, year_words(demo.year.start_date.year)) for spec in cabinet_reports.REPORTS]
    existing = set(
        Report.objects.filter(title__in=[s["title"] for s in specs]).values_list("title", flat=True)
    )
    scrutiny = {}
    for spec in specs:
        if spec.get("scrutiny") and (plan := _scrutiny_plan(plans, spec["scrutiny"], big.meeting.date)):
            scrutiny[spec["title"]] = plan
    publications = [big.publish_at] + [p.publish_at for p in scrutiny.values() if p.publish_at]
    ready = min(publications) - timedelta(days=1)
    council = next(
        (
            p.meeting
            for p in plans
            if p.meeting.committee.slug == "full-council" and p.meeting.date > big.meeting.date
        ),
        None,
    )
    for spec in specs:
        if spec["title"] in existing:
            continue
        considerations = []
        if plan := scrutiny.get(spec["title"]):
            considerations.append((plan.meeting.committee, "", plan.meeting.date))
        if spec.get("council_approval_required") and council:
            considerations.append((council.committee, "", council.date))
        with demo.at(ready - timedelta(days=28)):
            report = report_draft(
                demo.people,
                spec,
                committee=big.meeting.committee,
                meeting_date=big.meeting.date,
                considerations=considerations,
                start_year=demo.year.start_date.year,
            )
        with demo.at(ready - timedelta(days=14)):
            report_submit_for_approval(demo.people, spec, report)
        with demo.at(ready - timedelta(days=7)):
            report_approve(demo.people, spec, report)
        demo.added_reports += 1
        if plan:
            plan.extra_reports.append(report)
    for title, slug in data.PRE_DECISION_SCRUTINY.items():
        report = Report.objects.filter(title=title, status__in=READY).first()
        if report and (plan := _scrutiny_plan(plans, slug, report.meeting_date)):
            plan.extra_reports.append(report)


def _replay(demo: DemoDay, plan: AgendaPlan, call_in_plan: AgendaPlan | None) -> str:
    """Bring one meeting's agenda to what the plan wants; returns "built", "published" or ""."""
    meeting = plan.meeting
    needs_build = not meeting.items.exists()
    needs_publish = plan.publish_at is not None and not meeting.agenda_is_published
    if meeting.status == Meeting.Status.HELD and (needs_build or needs_publish):
        reopen(meeting)
    if needs_build:
        build(demo, plan)
    if needs_publish:
        publish(demo, plan)
        if plan is call_in_plan:
            call_in(demo, plan)
    if meeting.date < demo.today and meeting.status == Meeting.Status.SCHEDULED:
        hold(demo, meeting)
    return "published" if needs_publish else ("built" if needs_build else "")


# -- Packs -----------------------------------------------------------------------------------------------


def _build_packs_after_commit(build_ids: list[int], stdout) -> None:
    """Run the builds now, so the packs of the meetings to come are ready when the command returns."""

    def run():
        started = stopwatch.monotonic()
        builds = [pack_build_run(build_id=build_id) for build_id in build_ids]
        seconds = stopwatch.monotonic() - started
        packs = AgendaPack.objects.filter(meeting__pack_builds__in=builds).distinct()
        pages = sum(pack.page_count for pack in packs)
        failed = [b for b in builds if b.status == PackBuild.Status.FAILED]
        if stdout:
            stdout.write(
                f"Agenda packs built for {len(builds)} meetings: {packs.count()} PDFs, {pages} pages, "
                f"in {seconds:.1f} s."
            )
            for build in failed:
                stdout.write(f"  Pack build failed for {build.meeting}: {build.error}")

    transaction.on_commit(run)


# -- Loading ---------------------------------------------------------------------------------------------


def load_demo(*, today: date, stdout=None, build_documents: bool = True) -> dict:
    """Templates, agendas, the reports written for them, and (after commit, if `build_documents`) the
    packs of the meetings to come; the task worker builds the others."""
    if not get_user_model().objects.filter(username=CLERK).exists():
        raise DemoDataError("The demo agendas need the democratic services log-in.")
    demo = DemoDay(today)
    _load_templates(demo)
    plans = _plans(demo)
    _load_cabinet_reports(demo, plans)
    late_item_plan = _call_in_plan(demo, plans)
    done = [_replay(demo, plan, late_item_plan) for plan in plans]
    upcoming = [p.meeting for p in plans if p.publish_at and p.meeting.date >= today]
    build_ids = list(
        PackBuild.objects.filter(meeting__in=upcoming, status=PackBuild.Status.QUEUED).values_list(
            "pk", flat=True
        )
    )
    if build_ids and build_documents:
        _build_packs_after_commit(build_ids, stdout)
    published = Meeting.objects.filter(agenda_published_at__isnull=False).count()
    if stdout:
        stdout.write(
            f"Agendas loaded: {published} published, {done.count('published')} of them now; "
            f"{done.count('built')} drafts started; {demo.added_reports} reports written for them."
        )
    return {
        "agenda templates": Committee.objects.filter(agenda_template__isnull=False).distinct().count(),
        "agenda items": AgendaItem.objects.count(),
        "published agendas": published,
        "reports": Report.objects.count(),
    }
