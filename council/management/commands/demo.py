"""`manage.py demo`: load the Ravensmoor demo council, dated relative to today, and print the demo log-ins."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from council.demo import demo_logins, load_demo


class Command(BaseCommand):
    help = "Load (or refresh) the invented Ravensmoor Borough Council demo data and the demo log-ins."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load even though DEBUG is off. Never use this on a production database.",
        )
        parser.add_argument(
            "--no-documents",
            action="store_true",
            help="Do not build the agenda packs now; the task worker builds them when it next runs.",
        )

    def handle(self, *args, force: bool = False, no_documents: bool = False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "Refusing to load demo data because DEBUG is off, so this may be a production database. "
                "Run with DEBUG=1, or pass --force if you are sure this database is only for testing."
            )
        counts = load_demo(today=timezone.localdate(), stdout=self.stdout, build_documents=not no_documents)
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS("Demo council loaded:"))
        for label, count in counts.items():
            self.stdout.write(f"  {label:<18} {count:>5}")
        rows = [("Username", "Password", "Role"), *demo_logins()]
        widths = [max(len(row[column]) for row in rows) for column in range(3)]
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS("Demo log-ins:"))
        for number, row in enumerate(rows):
            cells = "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
            self.stdout.write(f"  {cells}".rstrip())
            if number == 0:
                self.stdout.write("  " + "  ".join("-" * width for width in widths))
