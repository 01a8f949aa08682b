"""The reports for the demo's biggest agenda: the next Cabinet meeting, whose pack runs to about 300 pages.

Invented for Witan: the borough, its people and every figure are made up. `meetings.demo_reports` writes
them through the report services, as democratic services or the report author would, and has each one
approved, so they can go on the agenda. A report is a dict like those of `reports.demo_data`, with:

- `appendices`: written ones (`body`: rich text) and uploaded PDFs (`upload`: which schedule
  `meetings.demo_documents` prints, and how many pages);
- `scrutiny`: a scrutiny body that looks at the report at its last meeting before Cabinet
  (pre-decision scrutiny), which the Summary Sheet lists under "Consideration by…";
- `part_b`: the Schedule 12A paragraphs under which the agenda takes the item in private;
- years as `{this_fy}` ("2026/27"), `{next_fy}`, `{fy2}`, `{fy3}` and `{y0}` ("2026") to `{y7}`, counted from the
  municipal year of the meeting (`meetings.demo_data.year_words`), so the papers never date;
- `procurement`: False when the Head of Procurement's approval is not applicable (HR's is not applicable
  when the report says it has no implications for staff).
"""

from . import finance, people, places
from .common import NO_HR, NO_PROCUREMENT

# In agenda order: the finance reports first, as Cabinet takes the budget business early; the exempt one last.
REPORTS = [*finance.REPORTS, *places.REPORTS[:-1], *people.REPORTS, places.REPORTS[-1]]

__all__ = ["NO_HR", "NO_PROCUREMENT", "REPORTS"]
