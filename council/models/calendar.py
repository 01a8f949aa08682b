"""Days the council's offices are closed, on top of weekends and bank holidays."""

from django.db import models


class ClosureDay(models.Model):
    """A council closure day (e.g. the Christmas shutdown) that is not a working day."""

    date = models.DateField(unique=True)
    reason = models.CharField(max_length=200, help_text="e.g. “Christmas closure”.")

    class Meta:
        ordering = ["date"]

    def __str__(self):
        return f"{self.date:%-d %B %Y}: {self.reason}"
