"""Build a meeting's agenda pack to a file, for operations and benchmarking.

    python manage.py build_pack 42 --out pack.pdf [--confidential] [--supplement 1]

The id is the one in the meeting's address (/meetings/42/). The pack is built from the agenda as it
stands (published items only, unless --draft), with the same cache and renderer as the task worker;
nothing is published or stored except the cache of rendered documents.
"""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from meetings.models import AgendaPack, Meeting
from meetings.packs.build import PackBuildError, build_pack


class Command(BaseCommand):
    help = "Build a meeting's agenda pack (public, or confidential) to a PDF file."

    def add_arguments(self, parser):
        parser.add_argument("meeting_id", type=int, help="The id in the meeting's address, /meetings/<id>/.")
        parser.add_argument("--out", required=True, help="Where to write the PDF.")
        parser.add_argument("--confidential", action="store_true", help="Include Part B and exempt papers.")
        parser.add_argument("--supplement", type=int, help="Build this supplementary agenda's pack instead.")
        parser.add_argument("--draft", action="store_true", help="Include items not yet published.")

    def handle(self, *args, meeting_id, out, confidential, supplement, draft, **options):
        meeting = Meeting.objects.select_related("committee").filter(pk=meeting_id).first()
        if meeting is None:
            raise CommandError(f"There is no meeting {meeting_id}.")
        chosen = None
        if supplement is not None:
            chosen = meeting.supplements.filter(number=supplement).first()
            if chosen is None:
                raise CommandError(f"Meeting {meeting_id} has no supplementary agenda {supplement}.")
        if not draft and not meeting.agenda_is_published:
            raise CommandError(
                f"The agenda of meeting {meeting_id} is not published: add --draft to build it anyway."
            )
        variant = AgendaPack.Variant.CONFIDENTIAL if confidential else AgendaPack.Variant.PUBLIC
        started = time.perf_counter()
        try:
            built = build_pack(meeting=meeting, variant=variant, supplement=chosen, published_only=not draft)
        except PackBuildError as error:
            raise CommandError(str(error)) from error
        Path(out).write_bytes(built.assembled.pdf)
        seconds = time.perf_counter() - started
        documents = "document" if built.rendered == 1 else "documents"
        self.stdout.write(
            f"Wrote {out}: {built.assembled.page_count} pages, {len(built.assembled.pdf):,} bytes, "
            f"{built.rendered} {documents} rendered, in {seconds:.2f} s."
        )
