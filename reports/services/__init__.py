"""Every write to a report: editing, appendices and the approval workflow.

Views call these; each checks the report's state, writes in one transaction, records an audit
entry and refuses with `ReportError` (a message for the user).
"""

from .appendices import appendix_add, appendix_delete
from .body import RecommendationInput
from .editing import ReportConflict, ReportContent, report_content, report_create, report_save
from .exemption import report_exempt_for_agenda
from .workflow import (
    ReportError,
    approval_record,
    approval_round_start,
    approvals_outstanding,
    report_deadline,
    report_publish,
    report_return,
    report_submit,
    report_withdraw,
)

__all__ = [
    "RecommendationInput",
    "ReportConflict",
    "ReportContent",
    "ReportError",
    "appendix_add",
    "appendix_delete",
    "approval_record",
    "approval_round_start",
    "approvals_outstanding",
    "report_content",
    "report_create",
    "report_deadline",
    "report_exempt_for_agenda",
    "report_publish",
    "report_return",
    "report_save",
    "report_submit",
    "report_withdraw",
]
