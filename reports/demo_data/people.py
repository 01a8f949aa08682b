"""Children's, adult care and housing reports, entered by democratic services for their authors."""

from .steps import (
    AFTER_NEXT,
    ALL_WARDS,
    FINANCE,
    LAST_HELD,
    NEXT,
    NO_PROCUREMENT,
    PROCUREMENT,
    PUBLISH,
    SUBMIT_FOR_AUTHOR,
    THIRD,
    signed_off,
)

CHILDRENS_HOMES = {
    "title": "Children's Residential Care: Commissioning Local Children's Homes",
    "committee": "cabinet",
    "meeting": AFTER_NEXT,
    "created_by": "democratic",
    "key_decision": True,
    "on_forward_plan": True,
    "director": "Catherine Moorhouse",
    "authors": ["Paul Kettlewell"],
    "accountable": ["Adebayo Ogunleye"],
    "wards": ALL_WARDS,
    "summary": (
        "Thirty-one Ravensmoor children live in residential care, 22 of them more than twenty miles from "
        "home. This report proposes a contract for four small children's homes in the borough, run by a "
        "provider chosen through open competition, so that more children can stay close to school, family "
        "and friends."
    ),
    "recommendations": [
        "That Cabinet approves a tender for a provider to open and run four two-bed children's homes in "
        "Ravensmoor, on a contract of five years with an option to extend by up to three more.",
        "That Cabinet notes the Council's sufficiency duty and the placement figures in section 3.",
        "That the award of the contract be delegated to the Strategic Director of Children and Young "
        "People's Services, after consulting the Cabinet Member for Children and Families.",
    ],
    "sections": {
        "Background": [
            "The number of children in care in Ravensmoor has been stable at around 390, but more of them "
            "now need residential care, and the homes that take them are mostly in other regions.",
        ],
        "Key Issues": [
            "The average weekly cost of an out-of-area placement has risen to £6,900. Children placed far "
            "away change school more often and see their social worker less.",
            "A local contract gives the Council first call on eight beds at an agreed price.",
        ],
        "Options considered and recommended proposal": [
            "The Council could run the homes itself, buy places one at a time as now, or contract with a "
            "provider for a block of beds. A block contract is recommended: it is quicker to start than "
            "in-house homes and cheaper than spot purchasing.",
        ],
        "Consultation": [
            "The Children in Care Council helped write the specification and will sit on the evaluation "
            "panel for the questions about young people's experience.",
        ],
        "Financial and Procurement Implications": [
            "The contract is worth about £4.6m a year and is expected to cost £1.1m a year less than the "
            "same number of out-of-area placements.",
            "The services fall under the light-touch rules of the Procurement Act 2023. The tender will be "
            "advertised openly and scored 60% on quality and 40% on price.",
        ],
        "Legal Implications": [
            "Section 22G of the Children Act 1989 requires the Council to take steps to secure, so far as "
            "reasonably practicable, enough accommodation within its area to meet the needs of the "
            "children it looks after.",
        ],
        "Implications for Children and Young People and Vulnerable Adults": [
            "Children placed closer to home are more likely to stay at the same school and keep in touch "
            "with brothers, sisters and friends.",
        ],
    },
    "background_papers": [("Placement Sufficiency Strategy", "https://www.ravensmoor.example/sufficiency")],
    "story": [SUBMIT_FOR_AUTHOR, FINANCE, PROCUREMENT],
}

YOUTH_SERVICES = {
    "title": "Youth Services Review: What Young People Told Us",
    "committee": "children-and-families-select-commission",
    "meeting": LAST_HELD,
    "created_by": "democratic",
    "director": "Catherine Moorhouse",
    "authors": ["Lucy Barraclough"],
    "accountable": ["Hannah Stirling"],
    "wards": ALL_WARDS,
    "summary": (
        "Over the spring 1,150 young people aged 11 to 19 told us what they want from youth services. "
        "Most asked for somewhere safe to go in the evenings near home, and for youth workers they can "
        "talk to about mental health. The Commission is asked to comment on the findings before options "
        "for the future service are drawn up."
    ),
    "recommendations": [
        "That the Commission notes the findings of the youth services consultation.",
        (
            "That the Commission comments on the three priorities proposed for the future service:",
            [
                "evening youth clubs in the six areas with least provision;",
                "a detached youth work team for town centre and park settings;",
                "mental health drop-ins run with the school nursing service.",
            ],
        ),
    ],
    "sub_point_style": "bulleted",
    "sections": {
        "Background": [
            "The Council runs four youth centres and funds eleven voluntary youth clubs. Opening hours were "
            "cut in 2019, and two centres now open on only two evenings a week.",
        ],
        "Key Issues": [
            "Young people in Dunmarsh, Kestrel Heath and Netherwold travel furthest to reach a youth "
            "session. Girls were less likely than boys to say they felt safe at existing venues.",
        ],
        "Consultation": [
            "The survey was designed with the Youth Cabinet and run in every secondary school, the college "
            "and online. Youth workers also held 26 group conversations with young people who do not "
            "usually take part in surveys.",
        ],
        "Legal Implications": [
            "Section 507B of the Education Act 1996 requires the Council, so far as reasonably practicable, "
            "to secure enough leisure-time activities and facilities for young people's well-being.",
        ],
        "Human Resources Implications": [
            "None at this stage. Any change to youth work posts will follow the Council's organisational "
            "change policy.",
        ],
    },
    "background_papers": [("Youth services survey: full results", "")],
    "story": [
        SUBMIT_FOR_AUTHOR,
        *signed_off(procurement=NO_PROCUREMENT),
        PUBLISH,
    ],
}

FEE_UPLIFT = {
    "title": "Adult Social Care Provider Fee Uplift",
    "committee": "cabinet",
    "meeting": NEXT,
    "created_by": "democratic",
    "key_decision": True,
    "on_forward_plan": False,  # the late wage announcement left no time for 28 days' notice (R10)
    "director": "Simon Redfearn",
    "authors": ["Tom Hemingway"],
    "accountable": ["Mohammed Iqbal"],
    "wards": ALL_WARDS,
    "summary": (
        "Care homes and home care agencies face higher wage and energy costs from April. This report "
        "sets the fees the Council will pay them next year after talking to providers and studying their "
        "costs. It was not on the Forward Plan because the national wage rates were announced late."
    ),
    "recommendations": [
        (
            "That Cabinet approves the following fee increases from April:",
            [
                "home care: 6.2%, to £24.10 an hour;",
                "residential care for older people: 5.8%;",
                "nursing care for older people: 5.4%, plus the NHS-funded nursing care rate.",
            ],
        ),
        "That Cabinet notes that the increases cost £5.3m, provided for in the draft budget.",
    ],
    "sections": {
        "Background": [
            "The Council buys care from 41 care homes and 28 home care agencies for about 2,600 people. "
            "Fees are reviewed every year.",
        ],
        "Key Issues": [
            "Wages are around 70% of a home care agency's costs, so the increase in the national living "
            "wage drives most of the uplift.",
        ],
        "Consultation": [
            "Providers were invited to two workshops and to complete a cost survey; 36 did so.",
        ],
        "Financial and Procurement Implications": [
            "The uplift costs £5.3m in a full year. The draft budget includes £5.5m for it.",
        ],
        "Legal Implications": [
            "Section 5 of the Care Act 2014 requires the Council to promote a market of good-quality care "
            "and to have regard to the cost of providing it when setting fees.",
        ],
    },
    "background_papers": [("Cost of care survey results", "Commissioning Team, Ravensmoor Town Hall")],
    "story": [SUBMIT_FOR_AUTHOR, *signed_off(hr=("not applicable", "hr", "Care is bought from providers."))],
}

HOUSING_ALLOCATIONS = {
    "title": "Review of the Housing Allocations Policy",
    "committee": "cabinet",
    "meeting": THIRD,
    "created_by": "democratic",
    "director": "Simon Redfearn",
    "authors": ["Zoe Fitzgerald"],
    "accountable": ["Sarah Dunstan"],
    "wards": ALL_WARDS,
    "summary": (
        "More than 7,000 households are on the housing register, but fewer than 900 council homes become "
        "free each year. This report proposes changes to how homes are let so that those in greatest need "
        "are housed sooner."
    ),
    "recommendations": [
        "That Cabinet approves the draft allocations policy in Appendix 1 for a twelve-week consultation.",
        "That the results and a final policy be reported to Cabinet.",
    ],
    "sections": {
        "Background": [
            "The current policy was adopted in 2018. It uses four bands, and two thirds of the households "
            "on the register sit in the lowest band with little chance of being housed.",
        ],
        "Key Issues": [
            "The draft policy closes the lowest band to new applicants, gives priority to care leavers and "
            "armed forces families, and lets a share of new-build homes to local workers.",
        ],
        "Legal Implications": [
            "Part 6 of the Housing Act 1996 requires the allocation scheme to give reasonable preference to "
            "the groups it lists and the Council to consult registered providers before a major change.",
        ],
    },
    "background_papers": [
        ("Current allocations policy", "https://www.ravensmoor.example/housing/allocations")
    ],
    "story": [],  # still a draft
}

REPORTS = [CHILDRENS_HOMES, YOUTH_SERVICES, FEE_UPLIFT, HOUSING_ALLOCATIONS]
