from .approvals import Approval
from .body import Appendix, Recommendation, ReportSection
from .report import (
    SCHEDULE_12A_PARAGRAPHS,
    BackgroundPaper,
    Consideration,
    Report,
    validate_exempt_paragraphs,
)
from .sections import SectionTemplate
from .versions import ReportVersion

__all__ = [
    "SCHEDULE_12A_PARAGRAPHS",
    "Appendix",
    "Approval",
    "BackgroundPaper",
    "Consideration",
    "Recommendation",
    "Report",
    "ReportSection",
    "ReportVersion",
    "SectionTemplate",
    "validate_exempt_paragraphs",
]
