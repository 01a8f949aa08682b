"""The demo council, Ravensmoor Borough Council: an invented borough written for Witan.

Every name, place, telephone number and sentence here is made up. Telephone numbers come from Ofcom's
ranges reserved for drama (01632 960xxx, 07700 900xxx) and addresses use the reserved `.example` domain,
so nothing here can reach a real person. `council.demo` loads it; see that module for the rules.

No date here is fixed: the demo is dated relative to the day it is loaded (`council.demo.DemoCalendar`), so
whenever it runs there is a current municipal year with current members. Memberships are given for the
"previous" and the "current" municipal year. Meetings are loaded by `meetings.demo` from `meetings.demo_data`.
"""

from datetime import time

DOMAIN = "ravensmoor.example"

COUNCIL = {
    "name": "Ravensmoor Borough Council",
    "short_name": "Ravensmoor",
    "address": "Ravensmoor Town Hall\nMarket Square\nRavensmoor\nRV1 1AA",
    "website": "https://www.ravensmoor.example",
    "email": f"democratic.services@{DOMAIN}",
    "phone": "01632 960000",
    "proper_officer_title": "Chief Executive",
    "accessibility_contact": f"web.accessibility@{DOMAIN}",
}  # accessibility_statement_prepared: 15 September in the previous municipal year (see council.demo)
# The officer who signs agendas (CouncilProfile.proper_officer), by name as in OFFICERS.
PROPER_OFFICER = "Alexandra Penrose"

WARDS = [
    "Ashgrove and Thornley",
    "Brackenhurst",
    "Castle Fold",
    "Colliers Row",
    "Dunmarsh",
    "Elderbank",
    "Fernacre",
    "Greystone Vale",
    "Harrowdene",
    "Hollin Bridge",
    "Kestrel Heath",
    "Lantern Green",
    "Millbrook Chase",
    "Netherwold",
    "Oxleigh Common",
    "Pennyfold",
    "Ravensmoor Central",
    "Rookhaven",
    "Stonecroft",
    "Tanners Cross",
]

# (name, short name)
DIRECTORATES = [
    ("Chief Executive's Office", "CEX"),
    ("Finance and Customer Services", "FCS"),
    ("Children and Young People's Services", "CYPS"),
    ("Adult Care, Housing and Public Health", "ACHPH"),
    ("Regeneration and Environment", "R&E"),
]

# (name, job title, directorate short name, last three digits of 01632 960xxx, demo log-in or "")
# E-mail addresses are first.last@ravensmoor.example.
OFFICERS = [
    ("Alexandra Penrose", "Chief Executive", "CEX", "001", ""),
    ("Rupert Ellingham", "Assistant Director of Legal Services", "CEX", "002", "legal"),
    ("Nicola Brentwood", "Head of Democratic Services", "CEX", "003", ""),
    ("Farah Siddiqui", "Senior Democratic Services Officer", "CEX", "004", "democratic"),
    ("Liam Costello", "Democratic Services Officer", "CEX", "005", ""),
    ("Joanna Treadwell", "Head of Human Resources", "CEX", "006", "hr"),
    ("Benedict Ayres", "Head of Policy, Performance and Intelligence", "CEX", "007", ""),
    ("Kirsty Marsden", "Senior Governance Adviser (Scrutiny)", "CEX", "008", ""),
    ("Graham Whitlock", "Strategic Director of Finance and Customer Services", "FCS", "011", "finance"),
    ("Elaine Rushworth", "Assistant Director of Financial Services", "FCS", "012", ""),
    ("Vikram Desai", "Head of Procurement", "FCS", "013", "procurement"),
    ("Megan Oldroyd", "Head of Customer, Information and Digital Services", "FCS", "014", ""),
    ("Christopher Daley", "Finance Manager (Children and Young People's Services)", "FCS", "015", ""),
    ("Rhys Llewellyn", "Digital Services Manager", "FCS", "016", "admin"),
    ("Catherine Moorhouse", "Strategic Director of Children and Young People's Services", "CYPS", "021", ""),
    ("Adebayo Ogunleye", "Assistant Director, Children's Social Care", "CYPS", "022", ""),
    ("Hannah Stirling", "Assistant Director, Education and Inclusion", "CYPS", "023", ""),
    ("Paul Kettlewell", "Head of Service, Looked After Children and Care Leavers", "CYPS", "024", ""),
    ("Lucy Barraclough", "Early Help Service Manager", "CYPS", "025", ""),
    ("Simon Redfearn", "Strategic Director of Adult Care, Housing and Public Health", "ACHPH", "031", ""),
    ("Dr Ruth Abernethy", "Director of Public Health", "ACHPH", "032", ""),
    ("Mohammed Iqbal", "Assistant Director, Adult Social Care", "ACHPH", "033", ""),
    ("Sarah Dunstan", "Assistant Director, Housing", "ACHPH", "034", ""),
    ("Tom Hemingway", "Head of Commissioning", "ACHPH", "035", ""),
    ("Zoe Fitzgerald", "Housing Strategy Officer", "ACHPH", "036", ""),
    ("Andrew Culshaw", "Strategic Director of Regeneration and Environment", "R&E", "041", "director"),
    ("Beverley Nunn", "Assistant Director, Planning, Regeneration and Transport", "R&E", "042", ""),
    ("Ian Wadsworth", "Assistant Director, Community Safety and Street Scene", "R&E", "043", ""),
    ("Karen Pilbeam", "Head of Licensing", "R&E", "044", ""),
    ("Neil Crabtree", "Principal Planning Officer", "R&E", "045", ""),
    ("Amy Whiteley", "Principal Officer, Waste and Street Scene", "R&E", "046", "author"),
]

# (name, short name as in "Cllr Smith (Lab)")
PARTIES = [
    ("Labour", "Lab"),
    ("Conservative", "Con"),
    ("Ravensmoor Independents", "Ind"),
]

# Terms of office (dates in `council.demo.DemoCalendar`): all forty were elected at the all-out election a year
# before the previous municipal year began and serve four years. Cllr Sedgwick resigned early in the previous
# municipal year; Cllr Cole won the Lantern Green by-election that July and serves to the end of the term.
FULL = "full term"
RESIGNED = "resigned"
BY_ELECTION = "by-election"

# (ward, title, first name, last name, party short name, term, demo log-in or "")
# Last names are unique, so the membership lists below name councillors by last name.
COUNCILLORS = [
    ("Ashgrove and Thornley", "", "Eileen", "Brannigan", "Lab", FULL, ""),
    ("Ashgrove and Thornley", "", "Tomasz", "Nowicki", "Lab", FULL, ""),
    ("Brackenhurst", "", "Geoffrey", "Pilling", "Con", FULL, ""),
    ("Brackenhurst", "", "Harriet", "Fairclough", "Con", FULL, ""),
    ("Castle Fold", "", "Amrit", "Sandhu", "Lab", FULL, ""),
    ("Castle Fold", "", "Deborah", "Kershaw", "Lab", FULL, ""),
    ("Colliers Row", "", "Samuel", "Okafor", "Lab", FULL, ""),
    ("Colliers Row", "", "Janet", "Hebden", "Lab", FULL, ""),
    ("Dunmarsh", "", "Colin", "Thwaite", "Ind", FULL, ""),
    ("Dunmarsh", "", "Rachel", "Ormerod", "Ind", FULL, ""),
    ("Elderbank", "", "Nasreen", "Akhtar", "Lab", FULL, ""),
    ("Elderbank", "", "Patrick", "Duggan", "Lab", FULL, ""),
    ("Fernacre", "", "Victoria", "Lambert", "Con", FULL, ""),
    ("Fernacre", "", "Hugh", "Pendleton", "Con", FULL, ""),
    ("Greystone Vale", "", "Andrew", "Mellor", "Lab", FULL, ""),
    ("Greystone Vale", "", "Sophie", "Chadwick", "Lab", FULL, "councillor"),
    ("Harrowdene", "Dr", "Imran", "Qureshi", "Lab", FULL, ""),
    ("Harrowdene", "", "Linda", "Wragg", "Lab", FULL, ""),
    ("Hollin Bridge", "", "Keith", "Birtwistle", "Ind", FULL, ""),
    ("Hollin Bridge", "", "Angela", "Sowerby", "Ind", FULL, ""),
    ("Kestrel Heath", "", "Fiona", "Gresley", "Con", FULL, ""),
    ("Kestrel Heath", "", "Martin", "Cawthorne", "Con", FULL, ""),
    ("Lantern Green", "", "Yusuf", "Rahman", "Lab", FULL, ""),
    ("Lantern Green", "", "Brian", "Sedgwick", "Lab", RESIGNED, ""),
    ("Lantern Green", "", "Bethany", "Cole", "Lab", BY_ELECTION, ""),
    ("Millbrook Chase", "", "Derek", "Haworth", "Con", FULL, ""),
    ("Millbrook Chase", "", "Alison", "Pryce", "Con", FULL, ""),
    ("Netherwold", "", "Grace", "Adeyemi", "Lab", FULL, ""),
    ("Netherwold", "", "Stuart", "Renshaw", "Lab", FULL, ""),
    ("Oxleigh Common", "", "Jonathan", "Farrow", "Con", FULL, ""),
    ("Oxleigh Common", "", "Clare", "Whitworth", "Ind", FULL, ""),
    ("Pennyfold", "", "Maureen", "Tattersall", "Lab", FULL, ""),
    ("Pennyfold", "", "Daniel", "Hirst", "Lab", FULL, ""),
    ("Ravensmoor Central", "", "Priya", "Mistry", "Lab", FULL, ""),
    ("Ravensmoor Central", "", "Owen", "Gallagher", "Lab", FULL, ""),
    ("Rookhaven", "", "Peter", "Lumb", "Ind", FULL, ""),
    ("Rookhaven", "", "Joanne", "Sheard", "Con", FULL, ""),
    ("Stonecroft", "", "Marcus", "Ellery", "Lab", FULL, ""),
    ("Stonecroft", "", "Helen", "Brigg", "Lab", FULL, ""),
    ("Tanners Cross", "", "Raymond", "Sutcliffe", "Con", FULL, ""),
    ("Tanners Cross", "", "Aisha", "Bello", "Lab", FULL, ""),
]

HALL = "Ravensmoor Town Hall"

# Committee fields by name; a committee has COMMITTEE_DEFAULTS unless it says otherwise. Parents (by slug) come
# before their children. Quorum: "quarter" (full council), "standard" or "fixed" (with a number).
COMMITTEE_DEFAULTS = {
    "parent": None,
    "quorum_fixed": None,
    "has_pre_briefing": False,
    "chair_title": "Chair",
    "vice_chair_title": "Vice-Chair",
    "is_active": True,
}
COMMITTEES = [
    {
        "slug": "full-council",
        "name": "Full Council",
        "short_name": "Council",
        "kind": "full_council",
        "quorum_rule": "quarter",
        "default_venue": f"{HALL}, Council Chamber",
        "default_start_time": time(14, 0),
        "purpose": "All forty councillors meet as the Council to set the budget and the policy framework.",
        "terms_of_reference": (
            "The Council approves the budget and council tax, adopts the plans that make up the policy "
            "framework, appoints the Leader and the committees at its annual meeting, and agrees the "
            "constitution. It receives reports from scrutiny and questions the Leader and Cabinet Members."
        ),
    },
    {
        "slug": "cabinet",
        "name": "Cabinet",
        "short_name": "Cabinet",
        "kind": "executive",
        "quorum_rule": "fixed",
        "quorum_fixed": 3,
        "default_venue": f"{HALL}, Committee Room 1",
        "default_start_time": time(10, 0),
        "purpose": "The Leader and Cabinet Members take the executive decisions that run the borough.",
        "terms_of_reference": (
            "Cabinet takes key decisions within the budget and policy framework, recommends the budget "
            "to Council, agrees responses to scrutiny recommendations, and publishes a forward plan of the "
            "key decisions it expects to take."
        ),
    },
    {
        "slug": "overview-and-scrutiny-management-board",
        "name": "Overview and Scrutiny Management Board",
        "short_name": "OSMB",
        "kind": "scrutiny_board",
        "quorum_rule": "standard",
        "default_venue": f"{HALL}, Committee Room 1",
        "default_start_time": time(11, 0),
        "has_pre_briefing": True,
        "purpose": "The Board leads scrutiny in Ravensmoor and looks at Cabinet decisions before they are taken.",
        "terms_of_reference": (
            "The Board sets the scrutiny work programme, shares topics among the select commissions, "
            "scrutinises items due at Cabinet, hears call-ins of executive decisions, and reviews the "
            "council's budget, performance and corporate services."
        ),
    },
    {
        "slug": "children-and-families-select-commission",
        "name": "Children and Families Select Commission",
        "short_name": "CFSC",
        "kind": "select_commission",
        "parent": "overview-and-scrutiny-management-board",
        "quorum_rule": "standard",
        "default_venue": f"{HALL}, Committee Room 2",
        "default_start_time": time(13, 30),
        "has_pre_briefing": True,
        "purpose": "The Commission checks how well the borough's schools and children's services do their job.",
        "terms_of_reference": (
            "The Commission scrutinises education, early help, children's social care and youth services, "
            "carries out in-depth reviews agreed by the Board, and reports its findings to Cabinet."
        ),
    },
    {
        "slug": "health-and-wellbeing-select-commission",
        "name": "Health and Wellbeing Select Commission",
        "short_name": "HWSC",
        "kind": "select_commission",
        "parent": "overview-and-scrutiny-management-board",
        "quorum_rule": "standard",
        "default_venue": f"{HALL}, Committee Room 2",
        "default_start_time": time(14, 0),
        "has_pre_briefing": True,
        "purpose": "The Commission looks at adult care, public health and the local NHS on residents' behalf.",
        "terms_of_reference": (
            "The Commission scrutinises adult social care, public health and housing support, exercises the "
            "council's health scrutiny powers over local NHS bodies, and responds to proposals for "
            "substantial changes to health services."
        ),
    },
    {
        "slug": "places-and-neighbourhoods-select-commission",
        "name": "Places and Neighbourhoods Select Commission",
        "short_name": "PNSC",
        "kind": "select_commission",
        "parent": "overview-and-scrutiny-management-board",
        "quorum_rule": "standard",
        "default_venue": f"{HALL}, Committee Room 3",
        "default_start_time": time(13, 30),
        "purpose": "The Commission reviews the services that shape streets, town centres and neighbourhoods.",
        "terms_of_reference": (
            "The Commission scrutinises regeneration, transport, waste and street cleaning, community "
            "safety, culture and leisure, and the council's work with neighbourhood partners."
        ),
    },
    {
        "slug": "corporate-parenting-scrutiny-panel",
        "name": "Corporate Parenting Scrutiny Panel",
        "short_name": "CPSP",
        "kind": "scrutiny_panel",
        "parent": "children-and-families-select-commission",
        "quorum_rule": "standard",
        "default_venue": f"{HALL}, Committee Room 3",
        "default_start_time": time(10, 0),
        "purpose": "The Panel holds the council to account as corporate parent of the children in its care.",
        "terms_of_reference": (
            "The Panel monitors placements, health, education and stability for children in care, hears "
            "directly from young people, and follows up inspection findings on looked-after children."
        ),
    },
    {
        "slug": "care-leavers-sub-panel",
        "name": "Care Leavers Sub-Panel",
        "short_name": "CLSP",
        "kind": "sub_panel",
        "parent": "corporate-parenting-scrutiny-panel",
        "quorum_rule": "fixed",
        "quorum_fixed": 3,
        "default_venue": f"{HALL}, Committee Room 3",
        "default_start_time": time(10, 0),
        "purpose": "The Sub-Panel follows young people leaving care into housing, training and work.",
        "terms_of_reference": (
            "The Sub-Panel examines the local offer to care leavers, pathway planning, supported "
            "accommodation and access to jobs and training, and reports to the Corporate Parenting "
            "Scrutiny Panel."
        ),
    },
    {
        "slug": "planning-board",
        "name": "Planning Board",
        "short_name": "Planning",
        "kind": "regulatory",
        "quorum_rule": "fixed",
        "quorum_fixed": 5,
        "default_venue": f"{HALL}, Council Chamber",
        "default_start_time": time(9, 30),
        "has_pre_briefing": True,
        "chair_title": "Chairman",
        "vice_chair_title": "Vice-Chairman",
        "purpose": "The Board decides the larger and more contentious planning applications in the borough.",
        "terms_of_reference": (
            "The Board determines planning applications referred to it under the scheme of delegation, "
            "hears from applicants and objectors, and agrees enforcement action where officers ask it to."
        ),
    },
    {
        "slug": "licensing-committee",
        "name": "Licensing Committee",
        "short_name": "Licensing",
        "kind": "regulatory",
        "quorum_rule": "standard",
        "default_venue": f"{HALL}, Committee Room 2",
        "default_start_time": time(10, 0),
        "purpose": "The Committee sets licensing policy and oversees taxi, alcohol and entertainment licences.",
        "terms_of_reference": (
            "The Committee recommends the statement of licensing policy, sets fees, and appoints hearing "
            "panels from its members to decide contested applications and reviews."
        ),
    },
    {
        "slug": "fly-tipping-task-and-finish-group",
        "name": "Fly-Tipping Task and Finish Group",
        "short_name": "Fly-tipping T&F",
        "kind": "task_and_finish",
        "parent": "places-and-neighbourhoods-select-commission",
        "quorum_rule": "fixed",
        "quorum_fixed": 2,
        "default_venue": f"{HALL}, Committee Room 4",
        "default_start_time": time(15, 0),
        "purpose": "A short review of why fly-tipping is rising in some wards and what would bring it down.",
        "terms_of_reference": (
            "The Group gathers evidence from officers, residents and landowners on fly-tipping hot spots, "
            "enforcement and bulky-waste collections, and reports recommendations to the Places and "
            "Neighbourhoods Select Commission."
        ),
    },
]

# Full Council is appointed whole: every sitting councillor. (Chair, Vice-Chair) in the previous and current year.
FULL_COUNCIL_CHAIRS = {
    "previous": ("Tattersall", "Hebden"),
    "current": ("Hebden", "Duggan"),
}

# committee slug: (chair, vice-chair, [members]) in the "previous" and the "current" municipal year (the years
# `council.demo.DemoCalendar` works out from the day the demo is loaded), councillors by last name.
# A councillor elected mid-year joins from the first day of their term; one who leaves, on their last day.
SEATS = {
    "previous": {
        "cabinet": ("Okafor", "Kershaw", ["Akhtar", "Mellor", "Qureshi", "Rahman", "Adeyemi", "Gallagher"]),
        "overview-and-scrutiny-management-board": (
            "Brannigan",
            "Pilling",
            ["Chadwick", "Wragg", "Ellery", "Brigg", "Hirst", "Fairclough", "Thwaite"],
        ),
        "children-and-families-select-commission": (
            "Chadwick",
            "Lambert",
            ["Nowicki", "Hirst", "Bello", "Renshaw", "Mistry", "Sheard", "Ormerod"],
        ),
        "health-and-wellbeing-select-commission": (
            "Ellery",
            "Sandhu",
            ["Brigg", "Duggan", "Hebden", "Pendleton", "Haworth", "Sowerby"],
        ),
        "places-and-neighbourhoods-select-commission": (
            "Renshaw",
            "Whitworth",
            ["Bello", "Nowicki", "Mistry", "Farrow", "Cawthorne", "Lumb"],
        ),
        "corporate-parenting-scrutiny-panel": (
            "Brigg",
            "Gresley",
            ["Chadwick", "Wragg", "Duggan", "Pryce", "Ormerod"],
        ),
        "care-leavers-sub-panel": ("Wragg", "Pryce", ["Duggan", "Chadwick", "Ormerod"]),
        "planning-board": (
            "Duggan",
            "Sutcliffe",
            ["Brannigan", "Nowicki", "Bello", "Renshaw", "Haworth", "Cawthorne", "Lumb", "Birtwistle"],
        ),
        "licensing-committee": (
            "Sandhu",
            "Sowerby",
            ["Hebden", "Mistry", "Ellery", "Fairclough", "Sheard", "Thwaite", "Sedgwick", "Cole"],
        ),
        "fly-tipping-task-and-finish-group": ("Lumb", "Bello", ["Farrow", "Nowicki"]),
    },
    "current": {
        "cabinet": ("Okafor", "Kershaw", ["Akhtar", "Mellor", "Qureshi", "Rahman", "Sandhu", "Gallagher"]),
        "overview-and-scrutiny-management-board": (
            "Brannigan",
            "Pilling",
            ["Chadwick", "Wragg", "Ellery", "Brigg", "Cole", "Fairclough", "Thwaite"],
        ),
        "children-and-families-select-commission": (
            "Chadwick",
            "Sutcliffe",
            ["Nowicki", "Hirst", "Bello", "Renshaw", "Adeyemi", "Sheard", "Ormerod"],
        ),
        "health-and-wellbeing-select-commission": (
            "Ellery",
            "Brigg",
            ["Duggan", "Mistry", "Pendleton", "Haworth", "Sowerby", "Tattersall"],
        ),
        "places-and-neighbourhoods-select-commission": (
            "Renshaw",
            "Whitworth",
            ["Bello", "Nowicki", "Hirst", "Farrow", "Cawthorne", "Lumb"],
        ),
        "corporate-parenting-scrutiny-panel": (
            "Brigg",
            "Gresley",
            ["Chadwick", "Wragg", "Duggan", "Pryce", "Ormerod"],
        ),
        "care-leavers-sub-panel": ("Wragg", "Pryce", ["Duggan", "Chadwick", "Ormerod"]),
        "planning-board": (
            "Duggan",
            "Sutcliffe",
            ["Brannigan", "Nowicki", "Bello", "Renshaw", "Haworth", "Cawthorne", "Lumb", "Birtwistle"],
        ),
        "licensing-committee": (
            "Adeyemi",
            "Sowerby",
            ["Mistry", "Ellery", "Fairclough", "Sheard", "Thwaite", "Cole", "Tattersall"],
        ),
        "fly-tipping-task-and-finish-group": ("Lumb", "Bello", ["Farrow", "Nowicki", "Cawthorne"]),
    },
}

# Mid-year changes of office: (year, committee, role, leaving councillor, successor). The leaver serves to
# 30 September and the successor from 1 October (council.demo); the current year's change is loaded once
# 1 October has come, so the demo never shows a change that has not happened yet.
MID_YEAR_CHANGES = [
    ("previous", "children-and-families-select-commission", "vice_chair", "Lambert", "Sutcliffe"),
    ("current", "health-and-wellbeing-select-commission", "vice_chair", "Brigg", "Cole"),
]

# (key, honorific, name). Co-opted members are not councillors.
CO_OPTEES = [
    ("felgate", "Mrs", "Dorothy Felgate"),
    ("quayle", "Father", "Brendan Quayle"),
    ("okoro", "Mr", "Daniel Okoro"),
    ("ashby", "Mr", "Terence Ashby"),
    ("chandran", "Dr", "Meera Chandran"),
    ("holroyd", "Mrs", "Gwen Holroyd"),
    ("brierley", "Mr", "Callum Brierley"),
]

OLDER_PEOPLE = "for items relating to older people's services"
EDUCATION = "for items relating to education"

# committee slug: [(co-optee key, representing, statutory, item scope)], the same in both years.
# Statutory (education) co-optees vote; the others take part but do not vote.
CO_OPTED_SEATS = {
    "overview-and-scrutiny-management-board": [
        ("okoro", "Parent governor representative", True, EDUCATION),
    ],
    "children-and-families-select-commission": [
        ("felgate", "Ravensmoor Diocesan Board of Education", True, ""),
        ("quayle", "Ravensmoor Catholic Education Commission", True, ""),
        ("okoro", "Parent governor representative", True, ""),
    ],
    "health-and-wellbeing-select-commission": [
        ("ashby", "Ravensmoor Older People's Forum", False, OLDER_PEOPLE),
        ("chandran", "Ravensmoor Patients' Panel", False, ""),
    ],
    "places-and-neighbourhoods-select-commission": [
        ("holroyd", "Ravensmoor Tenants' Federation", False, ""),
    ],
    "corporate-parenting-scrutiny-panel": [
        ("brierley", "Ravensmoor Children in Care Council", False, ""),
    ],
    "care-leavers-sub-panel": [
        ("brierley", "Ravensmoor Children in Care Council", False, ""),
    ],
}

# The council offices close between Christmas and New Year (council.demo names the days).
CHRISTMAS_CLOSURE = "Christmas closure"

# Demo log-ins, one per role: (username, role value). The person each is linked to is marked in OFFICERS
# or COUNCILLORS; `admin` is also a superuser.
DEMO_LOGINS = [
    ("admin", "administrator"),
    ("democratic", "democratic_services"),
    ("author", "report_author"),
    ("director", "director"),
    ("finance", "finance_approver"),
    ("legal", "legal_approver"),
    ("procurement", "procurement_approver"),
    ("hr", "hr_approver"),
    ("councillor", "councillor"),
]
