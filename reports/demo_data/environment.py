"""Regeneration and Environment reports, drafted by the demo report author (Amy Whiteley's log-in)."""

from .steps import (
    AFTER_NEXT,
    ALL_WARDS,
    FINANCE,
    LAST_HELD,
    LEGAL,
    NEXT,
    NO_HR,
    NO_PROCUREMENT,
    PUBLISH,
    SUBMIT,
    SUBMIT_FOR_AUTHOR,
    THIRD,
    signed_off,
)

WASTE_COLLECTIONS = {
    "title": "A New Waste and Recycling Collection Schedule",
    "committee": "cabinet",
    "meeting": NEXT,
    "created_by": "author",
    "key_decision": True,
    "on_forward_plan": True,
    "director": "Andrew Culshaw",
    "authors": ["Amy Whiteley"],
    "accountable": ["Ian Wadsworth"],
    "wards": ALL_WARDS,
    "summary": (
        "Ravensmoor's bin rounds were last redrawn in 2011. Since then the borough has grown by some 4,800 "
        "homes and the law now requires a weekly food waste collection. This report proposes new rounds, a "
        "weekly food caddy service and a move to three-weekly collection of general waste from June."
    ),
    "recommendations": [
        "That Cabinet approves the new collection schedule set out in Appendix 1, to start in June.",
        (
            "That Cabinet approves a weekly food waste collection for every household, with:",
            [
                "a kitchen caddy and an outdoor caddy delivered free to each home;",
                "a supply of liners for the first year.",
            ],
        ),
        "That the Strategic Director of Regeneration and Environment be authorised to agree the final "
        "round boundaries with the Cabinet Member for Street Scene.",
    ],
    "sections": {
        "Background": [
            "The Council collects waste and recycling from around 118,000 homes on 46 rounds. The rounds "
            "have been patched rather than redrawn as new estates were built, so some crews now finish "
            "late while others have spare time.",
            "From this year every collection authority in England must collect food waste separately from "
            "households each week. Ravensmoor does not yet do so.",
        ],
        "Key Issues": [
            "Redrawing the rounds with routing software saves an estimated 6,200 vehicle miles a year and "
            "lets the food waste service start without adding more than six vehicles.",
            "Moving general waste to a three-weekly collection is the biggest change for residents. Homes "
            "of five or more people, and those with medical waste, could ask for extra capacity.",
        ],
        "Options considered and recommended proposal": [
            "Option 1, keeping fortnightly general waste and adding food waste on new rounds, would need "
            "eleven more vehicles. Option 2, the recommended option, pays for the food service from the "
            "savings of a three-weekly cycle. Option 3, a commercial contract, was ruled out on cost.",
        ],
        "Consultation": [
            "2,340 residents answered the summer survey; 61% said they would use a weekly food caddy. The "
            "Places and Neighbourhoods Select Commission looked at the proposals before this meeting.",
        ],
        "Financial and Procurement Implications": [
            "The six vehicles and the caddies cost £1.9m, funded from the government's new burdens grant "
            "and the vehicle replacement reserve. The service then saves about £410,000 a year.",
            "Vehicles will be bought through a national framework after a mini-competition.",
        ],
        "Legal Implications": [
            "The Council is the waste collection authority under the Environmental Protection Act 1990 and "
            "may specify the containers residents use and how often they are emptied.",
        ],
        "Human Resources Implications": [
            "All 138 crew members keep their jobs. New rotas will be agreed with the trade unions; the move "
            "from a four-day to a five-day week for some crews is a change to their terms.",
        ],
        "Risks and Mitigation": [
            "The main risk is missed collections in the first weeks. Crews will run the new rounds for two "
            "weeks before the change, and the contact centre will have extra staff.",
        ],
    },
    "background_papers": [
        ("Waste and recycling survey results", "https://www.ravensmoor.example/consultations/waste-2026"),
        ("Round review modelling report", "Waste and Street Scene, Hollin Bridge Depot"),
    ],
    # Four versions: drafted, corrected, approved, then changed after approval and approved again.
    "story": [
        (
            "edit",
            "author",
            "Added the survey results and the vehicle numbers",
            {
                "sections": {
                    "Key Issues": [
                        "Redrawing the rounds with routing software saves an estimated 6,200 vehicle miles a "
                        "year and lets the food waste service start with six extra vehicles rather than "
                        "eleven.",
                        "Moving general waste to a three-weekly collection is the biggest change for "
                        "residents. Homes of five or more people, and those with medical waste, could ask "
                        "for extra capacity.",
                    ],
                },
            },
        ),
        SUBMIT,
        *signed_off(),
        (
            "edit",
            "author",
            "Start date moved to July after the vehicle order slipped",
            {
                "summary": (
                    "Ravensmoor's bin rounds were last redrawn in 2011. Since then the borough has grown by "
                    "some 4,800 homes and the law now requires a weekly food waste collection. This report "
                    "proposes new rounds, a weekly food caddy service and a move to three-weekly collection "
                    "of general waste from July."
                ),
                "recommendations": {
                    1: "That Cabinet approves the new collection schedule set out in Appendix 1, to start "
                    "in July.",
                },
            },
        ),
        *signed_off(),
    ],
}

FLY_TIPPING = {
    "title": "Tackling Fly-Tipping: Findings of the Task and Finish Group",
    "committee": "places-and-neighbourhoods-select-commission",
    "meeting": LAST_HELD,
    "created_by": "democratic",
    "director": "Andrew Culshaw",
    "authors": ["Kirsty Marsden", "Ian Wadsworth"],
    "accountable": ["Ian Wadsworth"],
    "wards": ["Colliers Row", "Hollin Bridge", "Rookhaven", "Tanners Cross"],
    "summary": (
        "Reported fly-tips rose by a third in two years, most of them in four wards. The Task and Finish "
        "Group took evidence from officers, residents, landowners and a neighbouring council. It "
        "recommends firmer enforcement, cheaper bulky-waste collections and better use of cameras."
    ),
    "recommendations": [
        "That the Commission endorses the Group's findings and forwards its recommendations to Cabinet.",
        (
            "That Cabinet be asked to:",
            [
                "issue fixed penalty notices for fly-tipping at the highest level the law allows, with a "
                "reduced amount for early payment;",
                "cut the charge for a bulky-waste collection of up to three items to £15;",
                "move the mobile camera units each month to the sites with the most reports.",
            ],
        ),
        "That officers report progress to the Commission in twelve months.",
    ],
    "sections": {
        "Background": [
            "The Commission set up the Group after residents of Colliers Row raised fly-tipping in back "
            "alleys at a ward surgery. The Group met five times and visited three hot spots.",
        ],
        "Key Issues": [
            "Half of all fly-tips are household items: mattresses, sofas and bags of garden waste. Many "
            "come from residents who cannot afford, or do not know about, the bulky-waste service.",
            "Enforcement has been uneven. 212 fixed penalty notices were issued last year, but 40% went "
            "unpaid and only nine cases reached court.",
        ],
        "Consultation": [
            "The Group heard from 14 residents, two housing associations, the farmers' union and the "
            "neighbouring council's enforcement team, and read 160 responses to an online call for "
            "evidence.",
        ],
        "Financial and Procurement Implications": [
            "The lower bulky-waste charge costs about £38,000 a year in lost income, which the Group "
            "expects to be offset by fewer clearances. Cabinet will consider the costs when it responds.",
        ],
        "Legal Implications": [
            "Fly-tipping is an offence under section 33 of the Environmental Protection Act 1990. Section "
            "33ZA lets the Council offer a fixed penalty instead of prosecution.",
        ],
        "Implications for Partners and Other Directorates": [
            "Housing associations and the police are asked to share intelligence and to join monthly "
            "hot-spot meetings.",
        ],
    },
    "background_papers": [
        ("Fly-Tipping Task and Finish Group: scope and terms of reference", ""),
        ("Call for evidence responses (summary)", "Democratic Services, Ravensmoor Town Hall"),
    ],
    "story": [SUBMIT_FOR_AUTHOR, *signed_off(procurement=NO_PROCUREMENT, hr=NO_HR), PUBLISH],
}

LEISURE_CENTRE = {
    "title": "Millbrook Chase Leisure Centre Refurbishment",
    "committee": "cabinet",
    "meeting": THIRD,
    "created_by": "author",
    "key_decision": True,
    "on_forward_plan": True,
    "director": "Andrew Culshaw",
    "authors": ["Beverley Nunn"],
    "accountable": ["Beverley Nunn"],
    "wards": ["Millbrook Chase", "Oxleigh Common"],
    "summary": (
        "Millbrook Chase Leisure Centre opened in 1984. Its pool plant is failing and it uses more energy "
        "than any other council building. This report seeks approval to refurbish the centre over 14 "
        "months, keeping the gym and sports hall open throughout."
    ),
    "recommendations": [
        "That Cabinet approves the refurbishment of Millbrook Chase Leisure Centre at a cost of up to £6.4m.",
        "That Cabinet approves the procurement of a design and build contractor.",
    ],
    "sections": {
        "Background": [
            "The centre has a 25-metre pool, a learner pool, a sports hall and a gym, and had 310,000 visits "
            "last year. The pool was closed for 23 days last year because of plant failures.",
        ],
        "Options considered and recommended proposal": [
            "Closing the centre and building a new one on the same site would cost about £19m. A "
            "refurbishment with air-source heat pumps and solar panels keeps the building in use for at "
            "least 25 years and is recommended.",
        ],
        "Financial and Procurement Implications": [
            "To be completed once the cost consultant's report is received.",
        ],
    },
    "background_papers": [("Leisure facilities condition survey", "")],
    "story": [],  # still a draft
}

AIR_QUALITY = {
    "title": "Air Quality Action Plan",
    "committee": "cabinet",
    "meeting": AFTER_NEXT,
    "created_by": "author",
    "director": "Andrew Culshaw",
    "authors": ["Ian Wadsworth", "Dr Ruth Abernethy"],
    "accountable": ["Ian Wadsworth"],
    "wards": ["Ravensmoor Central", "Castle Fold", "Tanners Cross"],
    "summary": (
        "Nitrogen dioxide levels on the inner ring road have exceeded the national objective for three "
        "years in a row. The Council must publish an action plan for the Air Quality Management Area. "
        "The draft plan has 18 measures, led by changes to traffic signals and to the bus fleet."
    ),
    "recommendations": [
        "That Cabinet approves the draft Air Quality Action Plan for public consultation.",
        "That the final plan be brought back to Cabinet with the consultation results.",
    ],
    "sections": {
        "Background": [
            "The Council declared an Air Quality Management Area along the inner ring road and Castle "
            "Street in 2024, after monitoring showed annual average nitrogen dioxide above the objective.",
        ],
        "Key Issues": [
            "About 2,900 people live inside the area. Most of the pollution comes from queuing traffic at "
            "four junctions and from older buses.",
        ],
        "Options considered and recommended proposal": [
            "A charging clean air zone was considered and rejected: modelling shows the objective can be "
            "met within three years by the measures in the plan, at much lower cost to residents.",
        ],
        "Legal Implications": [
            "Part IV of the Environment Act 1995 requires the Council to prepare an action plan for each "
            "Air Quality Management Area and to consult on it.",
        ],
    },
    "background_papers": [("Annual air quality status report", "https://www.ravensmoor.example/air-quality")],
    "story": [
        SUBMIT,
        FINANCE,
        (
            "return",
            "legal",
            "Please set out the consultation the Act requires and who the statutory consultees are.",
        ),
    ],
}

LAND_DISPOSAL = {
    "title": "Disposal of Land at the Former Tanners Cross Depot",
    "committee": "cabinet",
    "meeting": AFTER_NEXT,
    "created_by": "author",
    "key_decision": True,
    "on_forward_plan": True,
    "director": "Andrew Culshaw",
    "authors": ["Beverley Nunn"],
    "accountable": ["Beverley Nunn"],
    "wards": ["Tanners Cross"],
    "exempt": {
        "paragraphs": [3],
        "reason": (
            "The report sets out the bids received and the Council's valuation of the site. Publishing them "
            "before contracts are exchanged would weaken the Council's negotiating position and could "
            "reduce the price it obtains, so the public interest in keeping them exempt outweighs the "
            "public interest in disclosure."
        ),
    },
    "summary": (
        "The former Tanners Cross depot has been empty since the waste fleet moved to Hollin Bridge. After "
        "marketing the site, officers recommend selling it to the highest bidder for a housing scheme "
        "that includes affordable homes."
    ),
    "recommendations": [
        "That Cabinet approves the sale of the former Tanners Cross depot to the preferred bidder named "
        "in the report, on the terms set out in section 4.",
        "That the Assistant Director of Legal Services be authorised to complete the sale.",
    ],
    "sections": {
        "Background": [
            "The 1.6-hectare site was declared surplus last year. It was marketed for eight weeks and "
            "attracted five bids.",
        ],
        "Key Issues": [
            "The preferred bid is the highest received and is not conditional on grant funding. The bidder "
            "proposes 64 homes, of which 16 would be affordable.",
        ],
        "Financial and Procurement Implications": [
            "The capital receipt will be used to fund the capital programme. The site currently costs "
            "about £45,000 a year to secure and insure.",
        ],
        "Legal Implications": [
            "Section 123 of the Local Government Act 1972 requires the Council to obtain the best "
            "consideration reasonably obtainable. The independent valuer's report confirms that the "
            "preferred bid meets that test.",
        ],
    },
    "background_papers": [("Surplus property declaration", "Property Services, Ravensmoor Town Hall")],
    "story": [
        SUBMIT,
        FINANCE,
        LEGAL,
        ("not applicable", "procurement", "A sale of land: the Council is not buying goods or services."),
    ],
}

REPORTS = [WASTE_COLLECTIONS, FLY_TIPPING, LEISURE_CENTRE, AIR_QUALITY, LAND_DISPOSAL]
