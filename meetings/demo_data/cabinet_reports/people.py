"""Reports on children's and adults' services, housing and health."""

from reports.demo_data.steps import ALL_WARDS

from .. import tables
from .common import NO_HR

HOMELESSNESS = {
    "title": "Homelessness and Rough Sleeping Strategy {y1}-{y6}",
    "created_by": "democratic",
    "key_decision": True,
    "on_forward_plan": True,
    "director": "Simon Redfearn",
    "authors": ["Zoe Fitzgerald"],
    "accountable": ["Sarah Dunstan"],
    "wards": ALL_WARDS,
    "summary": (
        "Homelessness in Ravensmoor has risen by a third in three years, and 214 households are in temporary "
        "accommodation, 61 of them in bed and breakfast. The new strategy aims to prevent homelessness "
        "earlier, end the use of bed and breakfast for families and end rough sleeping by 2030."
    ),
    "recommendations": [
        "That Cabinet adopts the Homelessness and Rough Sleeping Strategy {y1}-{y6}.",
        "That Cabinet approves the purchase of up to 40 homes for use as temporary accommodation, funded "
        "from the capital programme.",
        "That Cabinet notes the action plan and that progress will be reported each year.",
    ],
    "sections": {
        "Background": [
            "The Homelessness Act 2002 requires the Council to review homelessness in its area and publish a "
            "strategy at least every five years.",
            "The review found that the main causes of homelessness are the end of private tenancies, family "
            "breakdown and domestic abuse. Private rents have risen faster than local housing allowance.",
        ],
        "Key Issues": [
            "Bed and breakfast costs the Council £2.2m a year and is unsuitable for families. Buying homes to "
            "use as temporary accommodation costs less over ten years and gives families a settled place to "
            "live while their case is resolved.",
            "Prevention works best when it starts early. The strategy moves housing advisers into the family "
            "hubs and the Job Centre, and gives them a fund to clear rent arrears where that keeps a tenancy.",
            "Eleven people were sleeping rough on the night of the last count. Each has a named worker and an "
            "offer of accommodation.",
        ],
        "Options considered and recommended proposal": [
            "Leasing homes from private landlords was considered but the market offers too few at the rates "
            "the Council can pay. Buying homes is recommended.",
        ],
        "Consultation": [
            "People who have been homeless, housing associations, the voluntary sector and health services "
            "helped to write the strategy.",
        ],
        "Financial and Procurement Implications": [
            "Buying 40 homes costs about £7.6m. The saving on bed and breakfast pays the borrowing costs.",
        ],
        "Legal Implications": [
            "Part 7 of the Housing Act 1996 sets out the Council's duties to homeless people. Bed and breakfast "
            "may be used for families for no more than six weeks.",
        ],
        "Human Resources Implications": ["Three housing adviser posts move to the family hubs."],
        "Implications for Children and Young People and Vulnerable Adults": [
            "Families with children and care leavers are among those most affected. Care leavers have priority "
            "for the new supported housing.",
        ],
        "Equalities and Human Rights Implications": [
            "An equality analysis found that women fleeing domestic abuse, disabled people and young people are "
            "over-represented among homeless households. The actions respond to each group.",
        ],
        "Implications for Partners and Other Directorates": [
            "Housing associations have agreed to offer a share of their lettings to homeless households.",
        ],
    },
    "background_papers": [("Homelessness review", "Housing Services, Ravensmoor Town Hall")],
    "appendices": [
        {
            "label": "Appendix 1",
            "title": "Strategy action plan",
            "body": tables.html_table(
                ["Priority", "Action", "Lead", "By"],
                [
                    (
                        "Prevention",
                        "Housing advisers in every family hub",
                        "Housing Options Manager",
                        "June {y1}",
                    ),
                    (
                        "Prevention",
                        "Tenancy sustainment fund for rent arrears",
                        "Housing Options Manager",
                        "April {y1}",
                    ),
                    (
                        "Prevention",
                        "Early warning from landlords of notices to quit",
                        "Private Sector Housing",
                        "September {y1}",
                    ),
                    (
                        "Prevention",
                        "Housing advice for prison leavers before release",
                        "Housing Options Manager",
                        "March {y2}",
                    ),
                    (
                        "Temporary accommodation",
                        "Buy 40 homes for temporary accommodation",
                        "Assistant Director, Housing",
                        "March {y3}",
                    ),
                    (
                        "Temporary accommodation",
                        "No family in bed and breakfast beyond six weeks",
                        "Assistant Director, Housing",
                        "December {y1}",
                    ),
                    (
                        "Temporary accommodation",
                        "Support worker for every family in temporary accommodation",
                        "Housing Options Manager",
                        "June {y1}",
                    ),
                    (
                        "Rough sleeping",
                        "Assertive outreach seven days a week",
                        "Rough Sleeping Coordinator",
                        "April {y1}",
                    ),
                    (
                        "Rough sleeping",
                        "Housing First for 20 people",
                        "Rough Sleeping Coordinator",
                        "March {y3}",
                    ),
                    (
                        "Rough sleeping",
                        "Winter night shelter replaced by year-round hub",
                        "Rough Sleeping Coordinator",
                        "October {y2}",
                    ),
                    (
                        "Young people",
                        "Joint assessments with children's services for 16 and 17-year-olds",
                        "Head of Service, Looked After Children",
                        "April {y1}",
                    ),
                    (
                        "Young people",
                        "Supported lodgings scheme for care leavers",
                        "Head of Commissioning",
                        "September {y2}",
                    ),
                    (
                        "Domestic abuse",
                        "Sanctuary scheme for survivors who want to stay at home",
                        "Community Safety",
                        "June {y1}",
                    ),
                    (
                        "Health",
                        "Mental health worker in the housing team",
                        "Director of Public Health",
                        "December {y1}",
                    ),
                ],
            ),
        },
        {
            "label": "Appendix 2",
            "title": "Homelessness review: the figures",
            "body": tables.homelessness_figures(),
        },
    ],
}


SCHOOL_TRANSPORT = {
    "title": "Home to School Transport Policy {next_fy}",
    "created_by": "democratic",
    "key_decision": True,
    "on_forward_plan": True,
    "director": "Catherine Moorhouse",
    "authors": ["Hannah Stirling"],
    "accountable": ["Hannah Stirling"],
    "wards": ALL_WARDS,
    "summary": (
        "Home to school transport costs £9.4m a year, £0.8m more than its budget. This report proposes a "
        "revised policy for next year that keeps every statutory entitlement, offers personal travel budgets "
        "to more families of children with special educational needs, and ends free transport for pupils "
        "over 16 who are not entitled to it by law, with protection for those already travelling."
    ),
    "recommendations": [
        "That Cabinet approves the Home to School Transport Policy for {next_fy}.",
        "That pupils over 16 who already receive transport keep it until they finish their course.",
        "That a hardship fund of £50,000 be set up for families on low incomes with pupils over 16.",
    ],
    "sections": {
        "Background": [
            "The Council must arrange free transport for children of compulsory school age who live beyond the "
            "statutory walking distance from their nearest suitable school, or who cannot walk because of their "
            "special educational needs or disability.",
            "Transport for pupils over 16 is discretionary. Ravensmoor is one of few councils that still offers "
            "it free of charge.",
        ],
        "Key Issues": [
            "The number of children with an education, health and care plan who need transport has doubled in "
            "six years, and taxi fares have risen sharply.",
            "A personal travel budget lets a family make its own arrangements, often at lower cost and with "
            "more flexibility. 84 families use one now; the policy aims for 250.",
        ],
        "Consultation": [
            "A six-week consultation drew 1,130 responses. Parents of pupils over 16 opposed the change; the "
            "protection in recommendation 2 and the hardship fund respond to their concerns.",
        ],
        "Financial and Procurement Implications": [
            "The changes save about £0.6m a year once fully in place. Taxi contracts will be retendered on a "
            "dynamic purchasing system.",
        ],
        "Legal Implications": [
            "Sections 508A to 509AD of the Education Act 1996 set the Council's duties. The policy must be "
            "published by 31 May for the following school year.",
        ],
        "Human Resources Implications": [NO_HR],
        "Implications for Children and Young People and Vulnerable Adults": [
            "Every statutory entitlement is kept. Children with complex needs keep a passenger assistant.",
        ],
        "Equalities and Human Rights Implications": [
            "The equality analysis found a possible effect on disabled young people over 16, which the "
            "protection and the hardship fund reduce.",
        ],
    },
    "background_papers": [("Consultation responses: home to school transport", "")],
    "appendices": [
        {
            "label": "Appendix 1",
            "title": "Who is entitled to transport",
            "body": tables.html_table(
                ["Pupil", "Entitled if", "Under the policy"],
                [
                    (
                        "Aged 5 to 7",
                        "Lives 2 miles or more from the nearest suitable school",
                        "Free bus pass",
                    ),
                    (
                        "Aged 8 to 16",
                        "Lives 3 miles or more from the nearest suitable school",
                        "Free bus pass",
                    ),
                    (
                        "Aged 8 to 16, low income",
                        "Lives 2 to 6 miles from one of the three nearest suitable schools",
                        "Free bus pass",
                    ),
                    (
                        "Aged 11 to 16, low income",
                        "Attends the nearest school of the family's religion within 15 miles",
                        "Free bus pass",
                    ),
                    (
                        "Any age, special needs",
                        "Cannot reasonably walk because of their needs",
                        "Taxi, minibus or personal travel budget",
                    ),
                    ("Any age", "The route is not safe to walk, accompanied", "Free bus pass or taxi"),
                    (
                        "Over 16",
                        "Not entitled by law",
                        "Contribution of £650 a year; hardship fund for low incomes",
                    ),
                    (
                        "Over 16, special needs",
                        "Assessed as needing transport to attend",
                        "Taxi or personal travel budget",
                    ),
                ],
            ),
        },
        {
            "label": "Appendix 2",
            "title": "Consultation: what people told us",
            "body": tables.html_table(
                ["Theme", "Responses", "What we heard", "Our response"],
                [
                    (
                        "Charging for pupils over 16",
                        "612",
                        "Families on low incomes could not afford it",
                        "Hardship fund and protection for those already travelling",
                    ),
                    (
                        "Personal travel budgets",
                        "284",
                        "Welcome, if the budget covers the real cost",
                        "Budgets set by distance and reviewed each year",
                    ),
                    (
                        "Independent travel training",
                        "171",
                        "Some parents worried about safety",
                        "Training is voluntary and agreed with the school",
                    ),
                    (
                        "Passenger assistants",
                        "133",
                        "Must stay for children with complex needs",
                        "Kept wherever the assessment says they are needed",
                    ),
                    (
                        "Pick-up points",
                        "118",
                        "Longer walks to a pick-up point in winter",
                        "No pick-up point more than a mile from home",
                    ),
                    (
                        "Taxi sharing",
                        "97",
                        "Long journeys when taxis are shared",
                        "Journeys limited to 75 minutes each way",
                    ),
                    ("Appeals", "64", "The process is slow", "Decisions within 20 working days"),
                    (
                        "Other",
                        "151",
                        "Communication, timing of changes",
                        "Letters to every family by the end of March",
                    ),
                ],
            ),
        },
    ],
}


GP_ACCESS_RESPONSE = {
    "title": "Access to GP Appointments: Response to the Scrutiny Review",
    "created_by": "democratic",
    "procurement": False,
    "director": "Simon Redfearn",
    "authors": ["Dr Ruth Abernethy"],
    "accountable": ["Dr Ruth Abernethy"],
    "wards": ALL_WARDS,
    "summary": (
        "The Health and Wellbeing Select Commission reviewed how easily residents can see a GP and made eight "
        "recommendations. This report sets out the proposed response: six are accepted, one is accepted in "
        "part and one is for the local NHS to answer."
    ),
    "recommendations": [
        "That Cabinet agrees the response to the Select Commission's recommendations in Appendix 1.",
        "That the response be sent to the Commission and to the integrated care board.",
    ],
    "sections": {
        "Background": [
            "The Commission heard from residents, GP practices, the integrated care board and the patients' "
            "watchdog over four months. Its report was received by Cabinet in September.",
        ],
        "Key Issues": [
            "Most of the recommendations are for the NHS, which the Council can influence but not direct. "
            "The response says what the Council will do itself and what it will ask of its partners.",
        ],
        "Legal Implications": [
            "Section 9FE of the Local Government Act 2000 requires the executive to respond to a scrutiny "
            "report within two months, saying what action it proposes to take.",
        ],
        "Human Resources Implications": [NO_HR],
        "Implications for Partners and Other Directorates": [
            "The integrated care board has seen the response and will reply separately on recommendation 8.",
        ],
    },
    "background_papers": [
        ("Access to GP appointments: report of the Health and Wellbeing Select Commission", "")
    ],
    "appendices": [
        {
            "label": "Appendix 1",
            "title": "Recommendations and response",
            "body": tables.html_table(
                ["Recommendation", "Response", "Action", "Lead", "By"],
                [
                    (
                        "1. Publish a simple guide to booking appointments",
                        "Accepted",
                        "Guide in print and online, in five languages",
                        "Director of Public Health",
                        "March {y1}",
                    ),
                    (
                        "2. Help residents without internet access to use online booking",
                        "Accepted",
                        "Digital champions in libraries",
                        "Head of Customer, Information and Digital Services",
                        "April {y1}",
                    ),
                    (
                        "3. Include GP capacity in planning for new housing",
                        "Accepted",
                        "Health contributions sought through section 106",
                        "Assistant Director, Planning",
                        "Ongoing",
                    ),
                    (
                        "4. Report waiting times by practice to the Commission",
                        "Accepted",
                        "Six-monthly report from the integrated care board",
                        "Director of Public Health",
                        "June {y1}",
                    ),
                    (
                        "5. Promote the community pharmacy service",
                        "Accepted",
                        "Campaign with the local pharmaceutical committee",
                        "Director of Public Health",
                        "January {y1}",
                    ),
                    (
                        "6. Support recruitment of GPs to the borough",
                        "Accepted in part",
                        "Housing offer for key workers; the Council cannot fund posts",
                        "Assistant Director, Housing",
                        "September {y1}",
                    ),
                    (
                        "7. Consider transport to the extended access hubs",
                        "Accepted",
                        "Bus routes reviewed with the operators",
                        "Assistant Director, Planning",
                        "July {y1}",
                    ),
                    (
                        "8. Open a walk-in centre in the town centre",
                        "For the NHS",
                        "Referred to the integrated care board",
                        "Integrated care board",
                        "-",
                    ),
                ],
            ),
        },
    ],
}

REPORTS = [HOMELESSNESS, SCHOOL_TRANSPORT, GP_ACCESS_RESPONSE]
