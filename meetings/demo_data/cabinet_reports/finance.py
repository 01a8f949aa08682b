"""Finance and corporate reports, entered by democratic services for their authors."""

from reports.demo_data.steps import ALL_WARDS

from .. import tables
from .common import NO_HR, OSMB

CAPITAL_PROGRAMME = {
    "title": "Capital Programme {this_fy} to {fy3}: Mid-Year Update",
    "created_by": "democratic",
    "key_decision": True,
    "on_forward_plan": True,
    "council_approval_required": True,
    "director": "Graham Whitlock",
    "authors": ["Elaine Rushworth"],
    "accountable": ["Elaine Rushworth"],
    "wards": ALL_WARDS,
    "summary": (
        "The capital programme for this year stands at £74.2m across 412 schemes, against £61.8m forecast at "
        "the end of the first quarter. This report explains the changes, asks Cabinet to add eleven schemes "
        "and to move £9.6m of spending into later years, and recommends the revised four-year programme to "
        "Council. Appendix 1 lists every scheme with its budget, forecast and funding."
    ),
    "recommendations": [
        "That Cabinet notes the forecast capital spending of £74.2m this year.",
        "That Cabinet approves the addition of the eleven schemes in section 3, funded as set out there.",
        "That Cabinet approves moving £9.6m of spending from this year into {next_fy} and {fy2}.",
        "That Cabinet recommends the revised capital programme in Appendix 1 to Council.",
    ],
    "sections": {
        "Background": [
            "Council approved a four-year capital programme of £212m in February. It pays for new school "
            "places, highway maintenance, the renewal of council buildings and the regeneration schemes in "
            "the town centre, and is funded by government grants, capital receipts, developer contributions "
            "and borrowing.",
            "Cabinet receives an update at the middle of each year and can add schemes funded by grant or by "
            "contributions from third parties. Council must approve any increase funded by borrowing.",
        ],
        "Key Issues": [
            "Spending is behind profile on the larger construction schemes. The new special school at "
            "Greystone Vale has been delayed by ground conditions, and the Castle Street bridge works cannot "
            "start until the rail operator's possession in the spring. £9.6m is therefore moved into later "
            "years without any change to the total cost of those schemes.",
            "Building costs have risen by about 6% since the programme was set. Contingencies have absorbed "
            "most of the increase; the schemes where they have not are listed in Appendix 1 with their "
            "forecast variance, and officers are reviewing their scope.",
            "Eleven schemes are added, worth £4.3m in all. Most are funded by government grant for school "
            "buildings and for walking and cycling, and by section 106 contributions from housing "
            "developments at Kestrel Heath and Dunmarsh.",
        ],
        "Options considered and recommended proposal": [
            "Cabinet could keep the spending profile as set in February, but that would show a large "
            "underspend at the year end and tie up borrowing approvals the Council does not need this year. "
            "Reprofiling is recommended.",
        ],
        "Consultation": [
            "Directorates have reviewed every scheme with the capital finance team. The Overview and Scrutiny "
            "Management Board will consider the programme as part of its scrutiny of the budget.",
        ],
        "Timetable and Accountability for Implementing this Decision": [
            "The revised programme goes to Council at its next meeting. Scheme managers report progress each "
            "month to the Capital Programme Board, chaired by the Strategic Director of Finance and Customer "
            "Services.",
        ],
        "Financial and Procurement Implications": [
            "The revised programme needs no more borrowing than Council approved in February. The capital "
            "financing costs in the revenue budget fall by £0.4m this year because borrowing is taken later.",
            "Each scheme is procured through the Council's contract procedure rules; schemes above the "
            "public procurement threshold use national frameworks or open tenders.",
        ],
        "Legal Implications": [
            "The Local Government Act 2003 and the Prudential Code require the Council to keep its capital "
            "spending affordable, prudent and sustainable. The prudential indicators are reported separately "
            "in the treasury management review on this agenda.",
        ],
        "Human Resources Implications": [NO_HR],
        "Risks and Mitigation": [
            "Further building cost increases are the main risk. The programme keeps a corporate contingency of "
            "£2m, and no scheme can start until its tender price is within its approved budget.",
        ],
    },
    "background_papers": [
        ("Budget and Council Tax report to Council, February", ""),
        ("Capital Strategy", "https://www.ravensmoor.example/budget/capital-strategy"),
    ],
    "appendices": [
        {
            "label": "Appendix 1",
            "title": "Capital programme schedule by scheme",
            "upload": ("capital_programme", 80),
        },
        {
            "label": "Appendix 2",
            "title": "Schemes added and moved between years",
            "body": tables.capital_changes(),
        },
    ],
}


TREASURY = {
    "title": "Treasury Management Mid-Year Review",
    "created_by": "democratic",
    "procurement": False,
    "director": "Graham Whitlock",
    "authors": ["Elaine Rushworth"],
    "accountable": ["Elaine Rushworth"],
    "wards": ALL_WARDS,
    "scrutiny": OSMB,
    "summary": (
        "The Council borrowed no new money in the first half of the year and kept its investments within the "
        "limits Council set. Interest rates have fallen slightly; the Council's average borrowing rate is 3.6% "
        "and its investments earned 4.4%. All prudential indicators were met."
    ),
    "recommendations": [
        "That Cabinet notes the treasury management activity in the first half of the year.",
        "That Cabinet notes that all prudential indicators in Appendix 1 were met.",
    ],
    "sections": {
        "Background": [
            "Treasury management is the management of the Council's cash, borrowing and investments. The CIPFA "
            "Code of Practice requires a strategy before the year starts, a review at mid-year and a report "
            "after the year end.",
        ],
        "Key Issues": [
            "External borrowing was £468m at 30 September, all of it at fixed rates. The Council continues to "
            "use its own cash balances instead of borrowing, which saves interest while rates stay above the "
            "return on its investments.",
            "Investments averaged £46m, held with the government's Debt Management Office, money market funds "
            "and other local authorities. No investment was made with a bank rated below the limit in the "
            "strategy.",
        ],
        "Financial and Procurement Implications": [
            "Net interest costs are forecast to be £0.3m under budget this year.",
        ],
        "Legal Implications": [
            "The Local Government Act 2003 and the regulations made under it require the Council to have "
            "regard to the CIPFA Prudential Code and the Treasury Management Code.",
        ],
        "Human Resources Implications": [NO_HR],
        "Risks and Mitigation": [
            "Holding less cash than debt leaves the Council exposed if interest rates rise sharply when it "
            "needs to borrow. The position is reviewed each month with the Council's treasury advisers.",
        ],
    },
    "background_papers": [("Treasury Management Strategy", "")],
    "appendices": [
        {
            "label": "Appendix 1",
            "title": "Prudential and treasury indicators",
            "body": tables.prudential_indicators() + tables.borrowing_maturity(),
        },
        {
            "label": "Appendix 2",
            "title": "Loans outstanding at 30 September",
            "body": tables.loans(),
        },
    ],
}


FEES_AND_CHARGES = {
    "title": "Fees and Charges {next_fy}",
    "created_by": "democratic",
    "director": "Graham Whitlock",
    "authors": ["Christopher Daley"],
    "accountable": ["Elaine Rushworth"],
    "wards": ALL_WARDS,
    "scrutiny": OSMB,
    "summary": (
        "The Council charges for about 400 services, from burials to pitch hire. This report proposes the "
        "charges for next year, mostly rising by 5%, in line with costs. Some charges are frozen to protect "
        "residents on low incomes, and the bulky-waste charge falls as the Fly-Tipping Task and Finish Group "
        "recommended. The full schedule is in Appendix 1."
    ),
    "recommendations": [
        "That Cabinet approves the fees and charges in Appendix 1, to take effect on 1 April.",
        "That the charges for allotments and for the garden waste service are frozen for a year.",
        "That the Strategic Director of Finance and Customer Services be authorised to set charges for new "
        "services during the year.",
    ],
    "sections": {
        "Background": [
            "Fees and charges bring in £38m a year and help to keep council tax down. The charging policy asks "
            "services to recover their full cost unless Cabinet decides to subsidise a service.",
        ],
        "Key Issues": [
            "Pay and energy costs rose by about 5% this year. The proposals raise most discretionary charges "
            "by that amount, rounded to the nearest 10p or pound.",
            "Charges set by law, such as planning fees and some licences, are shown in Appendix 1 for "
            "completeness. The Council cannot change them.",
            "A few charges rise by more because their cost has risen faster: cremation, because of the new "
            "abatement equipment, and commercial waste, because of the landfill tax.",
        ],
        "Options considered and recommended proposal": [
            "Freezing all charges would cost £1.9m, which would have to be found from other services. Raising "
            "them all by 10% would bring in more but would deter use of services such as room hire.",
        ],
        "Consultation": [
            "Allotment associations and sports clubs were told of the proposals in October. The Overview and "
            "Scrutiny Management Board considered the proposals before this meeting.",
        ],
        "Financial and Procurement Implications": [
            "The proposals bring in about £1.4m more next year, which is built into the draft budget.",
        ],
        "Legal Implications": [
            "Section 93 of the Local Government Act 2003 allows the Council to charge for discretionary "
            "services, but not to make a profit from them taking one year with another.",
        ],
        "Human Resources Implications": [NO_HR],
        "Equalities and Human Rights Implications": [
            "Concessions for residents on benefits continue for leisure, room hire and pest control.",
        ],
    },
    "background_papers": [("Charging Policy", "Financial Services, Ravensmoor Town Hall")],
    "appendices": [
        {"label": "Appendix 1", "title": "Schedule of fees and charges", "body": tables.fees_and_charges()},
    ],
}


PERFORMANCE = {
    "title": "Council Plan Performance Report: Quarter 2",
    "created_by": "democratic",
    "procurement": False,
    "director": "Graham Whitlock",
    "authors": ["Benedict Ayres"],
    "accountable": ["Benedict Ayres"],
    "wards": ALL_WARDS,
    "summary": (
        "Of the 36 measures in the Council Plan, 22 are on target, 8 are close to target and 6 are off "
        "target at the end of the second quarter. This report explains the measures that are off target "
        "and what is being done about them."
    ),
    "recommendations": [
        "That Cabinet notes the performance at the end of the second quarter in Appendix 1.",
        "That Cabinet asks the Strategic Directors to report on the six measures off target in the next "
        "quarterly report.",
    ],
    "sections": {
        "Background": [
            "The Council Plan sets out six priorities and the measures by which residents can judge progress. "
            "Cabinet receives a report each quarter and the Overview and Scrutiny Management Board reviews it.",
        ],
        "Key Issues": [
            "Education, health and care plans are taking longer than 20 weeks to issue because requests have "
            "risen by a fifth. Two more educational psychologists have been recruited and a backlog plan is "
            "in place.",
            "The number of households in temporary accommodation has risen for the fourth quarter in a row. "
            "The homelessness strategy on this agenda sets out how the Council will respond.",
            "Sickness absence has risen to 10.4 days per employee, mostly because of long-term absence. HR "
            "has started a programme of support for managers.",
        ],
        "Human Resources Implications": ["Sickness absence is covered in the key issues above."],
        "Implications for Children and Young People and Vulnerable Adults": [
            "Several measures concern children and vulnerable adults. Their performance is discussed in detail "
            "at the Children and Families and the Health and Wellbeing Select Commissions.",
        ],
    },
    "background_papers": [("Council Plan", "https://www.ravensmoor.example/council-plan")],
    "appendices": [
        {
            "label": "Appendix 1",
            "title": "Performance against the Council Plan measures",
            "body": tables.performance_indicators(),
        },
        {
            "label": "Appendix 2",
            "title": "Selected measures by ward",
            "body": tables.performance_by_ward(),
        },
    ],
}


SUPPORT_FUND = {
    "title": "Household Support Fund: Allocation of the Winter Grant",
    "created_by": "democratic",
    "director": "Graham Whitlock",
    "authors": ["Megan Oldroyd"],
    "accountable": ["Megan Oldroyd"],
    "wards": ALL_WARDS,
    "summary": (
        "The government has given the Council £1.52m to help households with the cost of food, energy and "
        "water this winter. This report proposes how to spend it: vouchers for families with children on free "
        "school meals, an application scheme for others in need, and grants to food banks and warm spaces."
    ),
    "recommendations": [
        "That Cabinet approves the allocation of the Household Support Fund set out in section 4 and "
        "Appendix 1.",
        "That the Strategic Director of Finance and Customer Services be authorised to move money between "
        "the parts of the scheme to make sure the grant is spent by 31 March.",
    ],
    "sections": {
        "Background": [
            "This is the ninth round of the fund. The grant must be spent by 31 March and the Council must "
            "report to the government on who it helped.",
        ],
        "Key Issues": [
            "Vouchers in the school holidays reach the families most in need quickly and at low cost. The "
            "application scheme catches pensioners and working households who do not get free school meals.",
            "Community partners, such as food banks and warm spaces, are funded by ward according to the "
            "number of eligible households, as shown in Appendix 1.",
        ],
        "Financial and Procurement Implications": [
            "The scheme is funded entirely by the grant. Administration costs are limited to 5%. Vouchers "
            "are bought through the existing supermarket voucher contract.",
        ],
        "Legal Implications": [
            "The grant is paid under section 31 of the Local Government Act 2003, with conditions the Council "
            "must meet.",
        ],
        "Human Resources Implications": [NO_HR],
        "Implications for Children and Young People and Vulnerable Adults": [
            "About 11,800 children will receive holiday vouchers.",
        ],
    },
    "background_papers": [("Household Support Fund grant determination and guidance", "")],
    "appendices": [
        {
            "label": "Appendix 1",
            "title": "Allocations to community partners by ward",
            "body": tables.support_fund_allocations(),
        },
        {
            "label": "Appendix 2",
            "title": "Rules of the application scheme",
            "body": tables.paragraphs(
                [
                    "Who can apply: any household in Ravensmoor that cannot afford food, energy or water this "
                    "winter, whether or not it receives benefits. One award per household.",
                    "How to apply: online, by telephone, or with help at a library or family hub. A partner "
                    "organisation may apply for a household with its consent.",
                    "What we look at: the household's income after housing costs, its size, and any sudden "
                    "change, such as a job loss, bereavement or illness. We do not ask for bank statements "
                    "unless the application leaves us unsure.",
                    "Awards: up to £150 for a single person, £250 for a couple and £100 more for each child, "
                    "paid as a supermarket or fuel voucher, or straight to an energy or water supplier.",
                    "Decisions: within ten working days. A household that disagrees may ask for the decision to "
                    "be looked at again by a senior officer.",
                    "Fairness: applications are decided in the order received; the scheme closes when the money "
                    "is spent or on 28 February, whichever comes first.",
                ]
            ),
        },
    ],
}

REPORTS = [CAPITAL_PROGRAMME, TREASURY, FEES_AND_CHARGES, PERFORMANCE, SUPPORT_FUND]
