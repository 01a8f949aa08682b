"""How each body of the demo council lays out its agenda, and the business its meetings take.

Invented wording throughout. The orders differ between bodies as real papers do (council-papers.md §2):
a select commission decides on excluding the public and on urgent items first and ends with its next
meeting; the scrutiny board has no minutes item and takes urgent items second to last; the regulatory
committees put the exclusion before their private hearings; a task and finish group keeps notes.

A template is a list of entries: `standard(item, title)` (a `meetings.models.StandardItem` value and the
wording, blank for the usual one), `heading(title, preamble)`, and `REPORTS`, the place where reports go.
"""


def standard(item: str, title: str = "") -> tuple:
    return ("standard", item, title)


def heading(title: str, preamble: str = "") -> tuple:
    return ("heading", title, preamble)


REPORTS = ("reports", "", "")

PRE_DECISION = "Pre-decision scrutiny"
FOR_DECISION = "For decision"

_SELECT_COMMISSION = [
    standard("exclusion", "Whether any part of the meeting should be held in private"),
    standard(
        "urgent_business", "Whether the Chair has agreed to take any item as urgent later in the meeting"
    ),
    standard("apologies"),
    standard("declarations"),
    standard("questions", "Questions from the public and the press"),
    standard("communications"),
    standard("previous_minutes"),
    heading(
        PRE_DECISION,
        "Reports on their way to Cabinet, referred to the Commission for comment. Members are invited to "
        "make recommendations for Cabinet to consider when it decides.",
    ),
    heading(FOR_DECISION),
    REPORTS,
    standard("next_meeting"),
]

TEMPLATES = {
    "full-council": [
        standard("apologies"),
        standard("declarations"),
        standard("previous_minutes", "Minutes of the previous meeting of the Council"),
        standard("communications", "Announcements from the Chair of the Council and the Leader"),
        standard("questions", "Petitions and questions from residents"),
        heading(
            "Business referred by Cabinet", "Recommendations of Cabinet that need the Council's decision."
        ),
        REPORTS,
        standard("urgent_business", "Business the Chair has accepted as urgent"),
        standard("exclusion", "Whether the press and public should leave the meeting for any item"),
    ],
    "cabinet": [
        standard("apologies"),
        standard("declarations"),
        standard("questions", "Questions from residents and the press"),
        standard("previous_minutes", "Minutes of the previous Cabinet meeting"),
        standard("exclusion", "Items to be taken in private, if any"),
        heading(
            "Items for decision",
            "Key decisions on this agenda were included in the Forward Plan unless the report says otherwise.",
        ),
        REPORTS,
        standard("urgent_business", "Urgent items accepted by the Leader"),
        standard("next_meeting", "Date and time of the next Cabinet meeting"),
    ],
    "overview-and-scrutiny-management-board": [
        standard("apologies"),
        standard("declarations"),
        standard("exclusion", "Whether the press and public should be excluded for any item"),
        standard("questions", "Questions from the public and the press"),
        heading(
            "Items for pre-decision scrutiny",
            "These items are due to be decided by Cabinet at its next meeting. The Board may comment on them "
            "and make recommendations to Cabinet.",
        ),
        heading("Scrutiny business"),
        REPORTS,
        standard("urgent_business", "Any item the Chair considers urgent"),
        standard("next_meeting"),
    ],
    "children-and-families-select-commission": _SELECT_COMMISSION,
    "health-and-wellbeing-select-commission": _SELECT_COMMISSION,
    "places-and-neighbourhoods-select-commission": _SELECT_COMMISSION,
    "corporate-parenting-scrutiny-panel": [
        standard(
            "exclusion", "To decide whether any item should be considered in private under Schedule 12A"
        ),
        standard("urgent_business", "Urgent items"),
        standard("apologies"),
        standard("declarations"),
        standard("questions", "Questions from the press and public"),
        standard("communications", "Matters raised by the Children in Care Council"),
        REPORTS,
        standard("previous_minutes", "Minutes of the Panel's previous meeting"),
        standard("next_meeting", "Date of the next meeting"),
    ],
    "care-leavers-sub-panel": [
        standard("apologies"),
        standard("declarations"),
        standard("previous_minutes", "Notes of the last meeting"),
        REPORTS,
        standard("next_meeting", "Date of the next meeting"),
    ],
    "planning-board": [
        standard("apologies"),
        standard("declarations", "Declarations of interest and of lobbying"),
        standard("previous_minutes"),
        heading(
            "Applications for planning permission",
            "The officer's recommendation is given with each application. Plans and comments can be seen on "
            "the Council's planning portal.",
        ),
        REPORTS,
        standard("urgent_business", "Urgent business"),
        standard("next_meeting"),
    ],
    "licensing-committee": [
        standard("apologies"),
        standard("declarations"),
        standard("previous_minutes"),
        REPORTS,
        standard("urgent_business", "Urgent business"),
        standard("exclusion", "Exclusion of the press and public for licence hearings"),
        standard("next_meeting"),
    ],
    "fly-tipping-task-and-finish-group": [
        standard("apologies", "Apologies"),
        standard("declarations"),
        standard("previous_minutes", "Notes of the previous meeting"),
        REPORTS,
        standard("next_meeting", "Next meeting"),
    ],
}

# Bodies whose packs bind the minutes of their previous meeting (an uploaded PDF until minutes are written
# in Witan). The Corporate Parenting Scrutiny Panel also receives its sub-panel's minutes for information.
MINUTES_IN_PACK = [
    "cabinet",
    "children-and-families-select-commission",
    "health-and-wellbeing-select-commission",
    "places-and-neighbourhoods-select-commission",
    "corporate-parenting-scrutiny-panel",
]
MINUTES_FOR_INFORMATION = {"corporate-parenting-scrutiny-panel": "care-leavers-sub-panel"}

# Business without papers that each body takes at every meeting, then one topic in turn per meeting:
# (title, description).
REGULAR_BUSINESS = {
    "full-council": [("Questions to the Leader and Cabinet Members", "")],
    "cabinet": [("Forward Plan of key decisions", "The key decisions expected over the next four months.")],
    "overview-and-scrutiny-management-board": [("Scrutiny work programme", "")],
    "children-and-families-select-commission": [("Work programme", "")],
    "health-and-wellbeing-select-commission": [("Work programme", "")],
    "places-and-neighbourhoods-select-commission": [("Work programme", "")],
    "corporate-parenting-scrutiny-panel": [],
    "care-leavers-sub-panel": [],
    "planning-board": [("Planning appeals decided since the last meeting", "")],
    "licensing-committee": [],
    "fly-tipping-task-and-finish-group": [],
}
TOPICS = {
    "full-council": [
        ("Notice of motion: a Ravensmoor real living wage", "Moved by the Leader of the Opposition."),
        ("Notice of motion: safer routes to school", ""),
        ("Scrutiny annual report", ""),
        ("Appointments to outside bodies", ""),
    ],
    "cabinet": [
        ("Recommendations from scrutiny", ""),
        ("Cabinet Member for Street Scene: portfolio update", ""),
        ("Cabinet Member for Children: portfolio update", ""),
    ],
    "overview-and-scrutiny-management-board": [
        ("Call-in requests received", ""),
        ("Budget scrutiny: first look at next year's pressures", ""),
        ("Complaints and compliments: half-year report", ""),
        ("Digital services: progress of the website replacement", ""),
    ],
    "children-and-families-select-commission": [
        ("School attendance and exclusions", ""),
        ("Special educational needs: waiting times for assessments", ""),
        ("Early help: the first year of the family hubs", ""),
        ("Children's social care: improvement plan update", ""),
    ],
    "health-and-wellbeing-select-commission": [
        ("Winter planning with the hospital trust", ""),
        ("Adult social care: waiting lists for assessments", ""),
        ("Public health annual report", ""),
        ("Dental services in Ravensmoor", ""),
    ],
    "places-and-neighbourhoods-select-commission": [
        ("Street cleanliness survey results", ""),
        ("Bus services: the new network", ""),
        ("Parks and green spaces strategy", ""),
        ("Selective licensing of private landlords", ""),
    ],
    "corporate-parenting-scrutiny-panel": [
        ("Looked-after children: performance report", ""),
        ("Placement sufficiency", ""),
        ("Health assessments for children in care", ""),
    ],
    "care-leavers-sub-panel": [
        ("Care leavers' local offer", ""),
        ("Care leavers in education, employment or training", ""),
        ("Accommodation for care leavers", ""),
    ],
    "planning-board": [
        (
            "RM/{y0}/0412: land off Colliers Lane, Colliers Row: 48 homes",
            "Recommendation: grant, subject to conditions.",
        ),
        (
            "RM/{y0}/0587: 14 Chapel Walk, Harrowdene: change of use to a house in multiple occupation",
            "Recommendation: refuse.",
        ),
        ("RM/{y0}/0633: Kestrel Heath Farm: solar farm and battery storage", "Recommendation: grant."),
        ("RM/{y0}/0701: former Pennyfold Working Men's Club: 12 flats", "Recommendation: grant."),
        ("RM/{y0}/0745: Stonecroft Retail Park: drive-through restaurant", "Recommendation: grant."),
        ("RM/{y0}/0802: Netherwold Quarry: extension of working hours", "Recommendation: refuse."),
    ],
    "licensing-committee": [
        ("Statement of Licensing Policy: consultation", ""),
        ("Taxi licensing: vehicle age and emissions policy", ""),
        ("Review of a premises licence: The Forge, Dunmarsh", ""),
        ("Licensing fees for next year", ""),
    ],
    "fly-tipping-task-and-finish-group": [
        ("Evidence session: housing associations", ""),
        ("Evidence session: the police and the farmers' union", ""),
        ("Site visit feedback: Tanners Cross and Rookhaven", ""),
        ("Draft findings and recommendations", ""),
    ],
}

# Bodies with a pre-briefing before their meetings: (minutes before the start, where).
PRE_BRIEFINGS = {
    "overview-and-scrutiny-management-board": (45, "Committee Room 2"),
    "children-and-families-select-commission": (60, "Committee Room 3"),
    "health-and-wellbeing-select-commission": (60, "Committee Room 3"),
    "planning-board": (30, "the Members' Room"),
}

# Reports already in the demo (`reports.demo_data`) that a select commission looks at before Cabinet.
PRE_DECISION_SCRUTINY = {
    "A New Waste and Recycling Collection Schedule": "places-and-neighbourhoods-select-commission",
}

# The late item: a call-in, which the scrutiny board must hear within ten working days, so it cannot wait
# for the next agenda. It goes out on a supplementary agenda with the chair's reason for urgency (R2).
CALL_IN_COMMITTEE = "overview-and-scrutiny-management-board"
CALL_IN_URGENCY = (
    "The decision was called in after the agenda was published. The constitution requires the Board to "
    "consider a call-in within ten working days, before its next meeting, and the decision cannot be "
    "carried out until the Board has done so."
)
CALL_IN_REPORT = {
    "title": "Call-in: Parking Charges at Hollin Bridge District Centre",
    "created_by": "democratic",
    "procurement": False,
    "director": "Andrew Culshaw",
    "authors": ["Kirsty Marsden"],
    "accountable": ["Beverley Nunn"],
    "wards": ["Hollin Bridge"],
    "summary": (
        "Five members have called in the Cabinet Member's decision to introduce charges at the two car parks "
        "in Hollin Bridge District Centre. The Board is asked to decide whether to release the decision or "
        "refer it back to the Cabinet Member with its reasons."
    ),
    "recommendations": [
        "That the Board considers the reasons for the call-in and the Cabinet Member's response.",
        "That the Board either releases the decision or refers it back to the Cabinet Member with its reasons.",
    ],
    "sections": {
        "Background": [
            "The Cabinet Member for Transport decided to introduce a charge of £1 for up to three hours, to fund "
            "the repair of the car parks. The decision notice was published and five members called it in "
            "within the call-in period.",
        ],
        "Key Issues": [
            "The members say that traders were not consulted and that free parking is what keeps the district "
            "centre alive. The Cabinet Member's response is that traders were written to and that the charge "
            "is the lowest in the borough.",
        ],
        "Legal Implications": [
            "Under the constitution the decision cannot be carried out while the call-in is considered. If the "
            "Board refers it back, the Cabinet Member must reconsider it before it can take effect.",
        ],
        "Human Resources Implications": ["No implications for staff."],
    },
    "background_papers": [
        ("Decision notice and call-in request", "Democratic Services, Ravensmoor Town Hall")
    ],
    "appendices": [],
}

# Minutes, as the clerk writes them up (council-papers.md §4), with invented wording.
MINUTES_WORDING = {
    "no_declarations": "There were no declarations of interest.",
    "declaration": (
        "Councillor {name} declared a non-registrable interest in Minute No. {number} ({title}) as a governor "
        "of a school in the borough, and took part in the discussion."
    ),
    "no_questions": "No questions had been received from members of the public or the press.",
    "previous_minutes": (
        "Resolved:- That the minutes of the meeting held on {date} be confirmed as an accurate record and "
        "signed by the Chair."
    ),
    "item": "{body} considered {title}, presented by officers, and asked questions about it.",
    "item_resolved": [
        "That the report be noted.",
        "That an update be brought to a future meeting.",
    ],
    "discussed": "{body} discussed “{title}” with the officers present.",
    "other_resolved": "Resolved:- That the update be noted.",
    "minutes_noted": "Resolved:- That the minutes be noted.",
    "next_meeting": "Resolved:- That the next meeting be held on {date} at {time}.",
}
