from .audit import AuditEntry
from .calendar import ClosureDay
from .committees import Committee, Membership, MunicipalYear
from .organisation import CouncilProfile, Directorate, Party, Ward
from .people import CoOptee, Councillor, Officer

__all__ = [
    "AuditEntry",
    "ClosureDay",
    "CoOptee",
    "Committee",
    "CouncilProfile",
    "Councillor",
    "Directorate",
    "Membership",
    "MunicipalYear",
    "Officer",
    "Party",
    "Ward",
]
