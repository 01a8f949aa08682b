"""A dozen reports for the demo council, Ravensmoor Borough Council, in every state of the workflow.

Every sentence here was written for Witan: the borough, its people and its figures are invented. `reports.demo`
loads them through the report services, acting as the demo log-ins, so each report has a realistic version
history and audit trail. A report is a dict:

- title, committee (slug) and meeting (`steps.NEXT`, `AFTER_NEXT`, `THIRD` or `LAST_HELD`: which of the
  committee's meetings it goes to, counted from the day the demo is loaded);
- created_by (a demo log-in: the author drafts Regeneration and Environment reports, democratic services
  enter the others for their authors); director, authors and accountable (officers by name);
- wards (`steps.ALL_WARDS` or ward names), key_decision, on_forward_plan, council_approval_required,
  considered_by (committee slugs), exempt ({"paragraphs": [Schedule 12A], "reason": public interest});
- summary, recommendations (text, or (text, [sub-points])), sub_point_style, sections (body section title:
  [paragraphs]), background_papers ([(title, where)]);
- story: what happens after it is created (`steps` explains the steps).
"""

from . import environment, people, resources

REPORTS = [*environment.REPORTS, *people.REPORTS, *resources.REPORTS]
