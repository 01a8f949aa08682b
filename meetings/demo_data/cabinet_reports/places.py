"""Regeneration and Environment reports, most drafted by the demo report author."""

from reports.demo_data.steps import ALL_WARDS

from .. import tables
from .common import NO_HR

ASSET_REVIEW = {
    "title": "Corporate Property Review and Asset Disposal Programme",
    "created_by": "author",
    "key_decision": True,
    "on_forward_plan": True,
    "director": "Andrew Culshaw",
    "authors": ["Beverley Nunn"],
    "accountable": ["Beverley Nunn"],
    "wards": ALL_WARDS,
    "summary": (
        "The Council owns about 1,900 pieces of land and property, from the Town Hall to grazing land and "
        "garage sites. A review of the whole estate has found 64 assets that cost more to keep than they "
        "bring in and serve no service need. This report asks Cabinet to approve a three-year programme to "
        "sell or transfer them. Appendix 1 is the register of every asset the review looked at."
    ),
    "recommendations": [
        "That Cabinet notes the findings of the property review and the asset register in Appendix 1.",
        "That Cabinet declares the 64 assets listed in section 4 surplus to the Council's needs.",
        "That Cabinet approves a programme of disposals and community asset transfers over three years.",
    ],
    "sections": {
        "Background": [
            "The Council's estate has grown over a century, through the old urban district councils, the "
            "county council's schools and farms, and land bought for roads that were never built. Much of it "
            "is still in use, but some is kept only because no one has decided what to do with it.",
            "Running the estate costs £11.6m a year in repairs, energy, insurance, security and rates. "
            "The backlog of repairs is estimated at £38m.",
        ],
        "Key Issues": [
            "Every asset has been scored on its condition, its running cost, the income it earns and the "
            "service need for it. 64 assets scored low on all four. They include eleven garage sites, nine "
            "small parcels of grazing land, six former offices and depots, and a number of small shops.",
            "Some of these assets matter to local people even though the Council has no use for them. Before "
            "any is sold, ward members will be consulted and community groups can ask for a transfer.",
            "Selling all 64 would bring in an estimated £7.8m over three years and save about £640,000 a year "
            "in running costs.",
        ],
        "Options considered and recommended proposal": [
            "Keeping the assets would leave the running costs and the repairs backlog where they are. Selling "
            "them all at auction would be quickest but would leave no room for community transfers or for "
            "housing schemes on the larger sites. A planned programme is recommended.",
        ],
        "Consultation": [
            "Every directorate has confirmed that it has no service need for the 64 assets. Ward members have "
            "been sent the list for their wards.",
        ],
        "Financial and Procurement Implications": [
            "Capital receipts will fund the capital programme and reduce the need to borrow. Disposal costs "
            "of about 2% of receipts can be met from the receipts themselves.",
            "Agents will be appointed from the Council's property services framework.",
        ],
        "Legal Implications": [
            "Section 123 of the Local Government Act 1972 requires the Council to obtain the best consideration "
            "reasonably obtainable when it disposes of land, unless the general disposal consent applies. "
            "Disposals of open space must be advertised and objections considered first.",
        ],
        "Human Resources Implications": [NO_HR],
        "Equalities and Human Rights Implications": [
            "An equality screening has been done. Where an asset is used by a community group, the effect on "
            "the people it serves will be assessed before any decision to sell.",
        ],
        "Risks and Mitigation": [
            "Receipts depend on the property market. The programme is phased so that no sale is forced in a "
            "weak market.",
        ],
    },
    "background_papers": [("Asset Management Plan", "Property Services, Ravensmoor Town Hall")],
    "appendices": [
        {
            "label": "Appendix 1",
            "title": "Register of land and property assets",
            "upload": ("asset_register", 76),
        },
        {
            "label": "Appendix 2",
            "title": "Assets proposed for disposal",
            "body": tables.disposals(),
        },
    ],
}


TOWN_CENTRE = {
    "title": "Ravensmoor Town Centre Masterplan: Draft for Consultation",
    "created_by": "author",
    "procurement": False,
    "key_decision": True,
    "on_forward_plan": True,
    "director": "Andrew Culshaw",
    "authors": ["Beverley Nunn", "Neil Crabtree"],
    "accountable": ["Beverley Nunn"],
    "wards": ["Ravensmoor Central", "Castle Fold"],
    "summary": (
        "Ravensmoor town centre has lost two department stores and a fifth of its shops in ten years, but "
        "more people now live there and its market is busier than ever. The draft masterplan sets out how "
        "the centre could change over fifteen years: more homes, a new square by the market, better routes "
        "from the station and a smaller, stronger shopping core. Cabinet is asked to approve it for "
        "consultation."
    ),
    "recommendations": [
        "That Cabinet approves the draft masterplan in Appendix 1 for eight weeks of public consultation.",
        "That the results of the consultation and a final masterplan be reported to Cabinet.",
    ],
    "sections": {
        "Background": [
            "The town centre grew around the market charter of 1281, the canal and then the railway. Its "
            "Victorian streets are a conservation area. The shopping centre built in 1974 now has 31 empty "
            "units.",
            "Last year the Council bought the former Hartley's store, which closed two years before, so that the largest "
            "building on the high street would not stand empty.",
        ],
        "Key Issues": [
            "Footfall has recovered to 88% of its level before the pandemic, but spending has moved to food, "
            "drink and services. Shops cluster around the market and the station; the streets between them "
            "have the most empty units.",
            "There is demand for homes in the centre, especially for older people and for young people "
            "renting. The masterplan identifies sites for about 900 homes, most of them on car parks and "
            "empty upper floors.",
            "The route from the station to the market crosses the inner ring road at a junction that people "
            "on foot find hard to use. The masterplan proposes to narrow the road and add a surface crossing.",
        ],
        "Options considered and recommended proposal": [
            "Doing nothing would leave the shopping centre to decline further. Demolishing it entirely was "
            "considered but costs more than the Council can fund. The draft proposes a partial "
            "redevelopment, keeping the lower mall and replacing the upper deck with homes.",
        ],
        "Consultation": [
            "The draft was shaped by workshops with traders, residents, the business improvement district and "
            "young people in the spring. Consultation will include events in the market hall and an online "
            "survey.",
        ],
        "Timetable and Accountability for Implementing this Decision": [
            "Consultation runs for eight weeks from January. The final masterplan would come to Cabinet in the "
            "summer and then be adopted as a supplementary planning document.",
        ],
        "Financial and Procurement Implications": [
            "Consultation costs of £25,000 are met from the regeneration budget. The masterplan itself commits "
            "no spending; each project would need its own business case.",
        ],
        "Legal Implications": [
            "To carry weight in planning decisions the masterplan must be adopted as a supplementary planning "
            "document, following the consultation the planning regulations require.",
        ],
        "Human Resources Implications": [NO_HR],
        "Equalities and Human Rights Implications": [
            "The draft has been checked against the needs of disabled people, older people and families with "
            "young children, in particular the step-free routes and the seating and toilets in the new square.",
        ],
        "Implications for Partners and Other Directorates": [
            "The bus operators, the rail operator and the business improvement district have helped to prepare "
            "the draft and will be asked to comment on it.",
        ],
        "Risks and Mitigation": [
            "The plan depends on private investment. Its early projects are on land the Council owns, so that "
            "the Council can start change without waiting for the market.",
        ],
    },
    "background_papers": [
        ("Town centre health check", "https://www.ravensmoor.example/town-centre"),
        ("Engagement workshops: summary of views", "Regeneration, Ravensmoor Town Hall"),
    ],
    "appendices": [
        {
            "label": "Appendix 1",
            "title": "Draft Town Centre Masterplan (summary for consultation)",
            "body": tables.paragraphs(
                [
                    "Our vision: by 2042 Ravensmoor town centre is a place where people live, meet and trade, "
                    "with the market at its heart, green streets, and quick, safe routes to the station.",
                    "Market Quarter. The market hall is restored and opens onto a new square on the site of "
                    "the Kiln Street car park. The square has trees, seating, space for events and a covered "
                    "area for the outdoor market. Buildings around it have shops and cafés on the ground floor "
                    "and homes above.",
                    "Station Gateway. The walk from the station is marked by a new pedestrian crossing of the "
                    "ring road at Station Road, wider pavements and a cycle hub. The former goods yard is "
                    "developed for offices and homes.",
                    "High Street. The shopping core is concentrated between the market and Church Street. "
                    "Empty upper floors are brought back into use as homes, helped by a grant scheme for "
                    "owners. Shop fronts in the conservation area are repaired.",
                    "Moor Gate. The upper deck of the 1974 shopping centre is replaced by about 250 homes "
                    "around a courtyard; the lower mall stays open with a new entrance from the square.",
                    "Canal Side. The towpath is resurfaced and lit, and the warehouses beside the basin are "
                    "converted to workspace and homes. A footbridge links the basin to Millbrook Chase.",
                    "Castle Fold Edge. The surface car parks north of the castle become a neighbourhood of "
                    "family homes with a small park, replacing parking with a multi-storey car park on the "
                    "ring road.",
                    "Movement. Through traffic is kept on the ring road; streets inside it give priority to "
                    "walking, cycling and buses. Blue Badge parking stays close to the shops.",
                    "Greening. Every street in the plan gains trees or planters; new buildings use sustainable "
                    "drainage, and the canal basin is cleaned.",
                    "Delivery. The Council will lead the early projects on its own land: the square, the "
                    "crossing and the Hartley's building. Later phases depend on partners and on funding "
                    "bids.",
                ]
            )
            + tables.html_table(
                ["Project", "Lead", "Indicative cost", "Phase"],
                [
                    ("Market Square and market hall restoration", "Council", "£14.0m", "1 ({y1}-{y4})"),
                    (
                        "Station Road crossing and public realm",
                        "Council and highways",
                        "£3.2m",
                        "1 ({y1}-{y4})",
                    ),
                    ("Hartley's building: homes and workspace", "Council", "£18.5m", "1 ({y1}-{y4})"),
                    ("Upper floors grant scheme", "Council and owners", "£1.5m", "1 ({y1}-{y4})"),
                    ("Moor Gate redevelopment", "Owner and developer", "£42m", "2 (2030-2035)"),
                    ("Canal basin and footbridge", "Canal trust and Council", "£6.8m", "2 (2030-2035)"),
                    ("Castle Fold Edge homes and car park", "Developer", "£55m", "3 (2035-2042)"),
                ],
            ),
        },
        {
            "label": "Appendix 2",
            "title": "Development sites in the masterplan area",
            "body": tables.development_sites(),
        },
    ],
}


FLOOD_RISK = {
    "title": "Local Flood Risk Management Strategy {y1}-{y7}",
    "created_by": "author",
    "director": "Andrew Culshaw",
    "authors": ["Ian Wadsworth"],
    "accountable": ["Ian Wadsworth"],
    "wards": ALL_WARDS,
    "summary": (
        "As lead local flood authority the Council must have a strategy for managing flooding from surface "
        "water, groundwater and small watercourses. The new strategy follows the floods of last winter, "
        "when 212 homes flooded. It sets out an action plan for every ward, listed in Appendix 1."
    ),
    "recommendations": [
        "That Cabinet adopts the Local Flood Risk Management Strategy.",
        "That Cabinet approves the ward action plans in Appendix 1, funded as set out in section 7.",
        "That progress is reported to the Places and Neighbourhoods Select Commission each year.",
    ],
    "sections": {
        "Background": [
            "The Flood and Water Management Act 2010 made the Council responsible for local flood risk. The "
            "first strategy was adopted in 2014. Since then rainfall has become heavier and more frequent.",
            "Last winter two storms flooded 212 homes and 38 businesses, mostly from surface water. The "
            "Council's section 19 investigation found that blocked culverts and overwhelmed drains were the "
            "main causes.",
        ],
        "Key Issues": [
            "About 5,900 homes are at risk of surface water flooding in a severe storm. Appendix 1 shows the "
            "numbers for each ward.",
            "Property flood resilience, such as flood doors and non-return valves, is the quickest way to "
            "protect homes where a larger scheme is not possible. The strategy offers it to the 400 homes at "
            "highest risk.",
        ],
        "Consultation": [
            "The Environment Agency, the water company, the internal drainage board and parish councils were "
            "consulted, and 640 residents answered the public survey. Most wanted faster clearing of drains "
            "and better warnings.",
        ],
        "Financial and Procurement Implications": [
            "The action plans cost £6.1m over six years, of which £3.8m is expected from national flood "
            "defence grant and £1.2m is already in the capital programme.",
        ],
        "Legal Implications": [
            "Section 9 of the Flood and Water Management Act 2010 requires the strategy, and requires it to be "
            "consistent with the national strategy.",
        ],
        "Human Resources Implications": [NO_HR],
        "Risks and Mitigation": [
            "Grant funding is competitive. Schemes are ranked so that the Council can bid for those that score "
            "best against the national rules.",
        ],
    },
    "background_papers": [("Section 19 flood investigation report", "")],
    "appendices": [
        {
            "label": "Appendix 1",
            "title": "Ward flood risk and action plans",
            "body": tables.properties_at_risk() + tables.flood_action_plan(),
        },
    ],
}


MONITORING = {
    "title": "Authority Monitoring Report: Local Plan Progress",
    "created_by": "author",
    "procurement": False,
    "director": "Andrew Culshaw",
    "authors": ["Neil Crabtree"],
    "accountable": ["Beverley Nunn"],
    "wards": ALL_WARDS,
    "summary": (
        "The Local Plan aims for 11,600 new homes and 80 hectares of employment land by 2035. Last year 452 "
        "homes were completed, 118 of them affordable, and the borough has a 5.4-year supply of land for "
        "housing. This report asks Cabinet to note the monitoring report before it is published."
    ),
    "recommendations": [
        "That Cabinet notes the Authority Monitoring Report and its housing and employment land figures.",
        "That the report be published on the Council's website.",
    ],
    "sections": {
        "Background": [
            "The Council must publish a report each year on how its planning policies are working and on "
            "progress with the Local Plan. It also shows whether the borough has five years' supply of land "
            "for new homes, which the government requires.",
        ],
        "Key Issues": [
            "Completions fell short of the plan's annual figure of 580 homes, mainly because two large sites at "
            "Kestrel Heath started later than expected. Both are now building, and the supply of permitted "
            "homes is the highest it has been.",
            "Take-up of employment land was strong at Moor Park, where the last two plots were sold. The "
            "Council needs to find more land for small industrial units in the review of the plan.",
        ],
        "Legal Implications": [
            "Regulation 34 of the Town and Country Planning (Local Planning) (England) Regulations 2012 sets "
            "out what the monitoring report must contain.",
        ],
        "Human Resources Implications": [NO_HR],
    },
    "background_papers": [("Ravensmoor Local Plan", "https://www.ravensmoor.example/local-plan")],
    "appendices": [
        {
            "label": "Appendix 1",
            "title": "Housing sites with planning permission",
            "body": tables.housing_sites(),
        },
        {"label": "Appendix 2", "title": "Employment land", "body": tables.employment_land()},
    ],
}


STREET_LIGHTING = {
    "title": "LED Street Lighting: The Final Phase",
    "created_by": "author",
    "director": "Andrew Culshaw",
    "authors": ["Amy Whiteley"],
    "accountable": ["Ian Wadsworth"],
    "wards": ALL_WARDS,
    "summary": (
        "Four in five of the borough's 24,000 street lights now use LED lanterns, which use about half the "
        "energy. The final phase replaces the remaining 4,700 lights, mostly on estate roads, over one year."
    ),
    "recommendations": [
        "That Cabinet approves the final phase of the LED street lighting programme at a cost of £3.1m.",
        "That the Strategic Director of Regeneration and Environment be authorised to award the contract.",
    ],
    "sections": {
        "Background": [
            "The programme began in 2019. Each phase has cut the Council's energy bill and its carbon emissions, "
            "and fewer lights fail.",
        ],
        "Key Issues": [
            "The remaining lights are the oldest, and 900 of their columns need replacing too. The streets "
            "and the work planned on each are listed in Appendix 1.",
        ],
        "Financial and Procurement Implications": [
            "The cost is met from borrowing, repaid from the energy savings of about £310,000 a year. The "
            "contract will be awarded through the regional highways framework.",
        ],
        "Legal Implications": [
            "The Council is the highway authority and may light its roads under the Highways Act 1980.",
        ],
        "Human Resources Implications": [NO_HR],
    },
    "background_papers": [("Street lighting asset survey", "Highways, Hollin Bridge Depot")],
    "appendices": [
        {"label": "Appendix 1", "title": "Streets in the final phase", "body": tables.lighting_streets()},
    ],
}


MARKET_HALL = {
    "title": "Ravensmoor Market Hall: Leases of the Outer Units",
    "created_by": "author",
    "procurement": False,
    "director": "Andrew Culshaw",
    "authors": ["Beverley Nunn"],
    "accountable": ["Beverley Nunn"],
    "wards": ["Ravensmoor Central"],
    "part_b": [3],
    "exempt": {
        "paragraphs": [3],
        "reason": (
            "The report names the traders bidding for the units and the rents they have offered. Publishing "
            "them while leases are negotiated would damage the traders' business interests and the Council's "
            "position, so the public interest in keeping it exempt outweighs the public interest in disclosure."
        ),
    },
    "summary": (
        "Six of the eight units facing the street outside the Market Hall fell vacant this year. After "
        "marketing them, officers recommend letting five of them to the bidders named in the report, on the "
        "rents and terms set out there, and keeping one for a pop-up space for new traders."
    ),
    "recommendations": [
        "That Cabinet approves leases of units 2 to 6 to the bidders and on the terms set out in section 3.",
        "That unit 8 be kept as a short-term space for new market traders for two years.",
    ],
    "sections": {
        "Background": [
            "The outer units were let on leases that ended this year. The units were marketed for ten weeks and "
            "attracted fourteen bids.",
        ],
        "Key Issues": [
            "The recommended bids offer the best mix of rent and of uses that bring people to the market. The "
            "highest bid for unit 4 is not recommended because its use would compete directly with traders "
            "inside the hall.",
        ],
        "Financial and Procurement Implications": [
            "The leases bring in £86,500 a year, £9,000 more than the previous rents.",
        ],
        "Legal Implications": [
            "The leases are for ten years and are within the Council's powers under section 123 of the Local "
            "Government Act 1972. The Council's valuer confirms that the terms are the best reasonably "
            "obtainable.",
        ],
        "Human Resources Implications": [NO_HR],
    },
    "background_papers": [],
    "appendices": [{"label": "Appendix 1", "title": "Bids received", "body": tables.bids()}],
}

REPORTS = [ASSET_REVIEW, TOWN_CENTRE, FLOOD_RISK, MONITORING, STREET_LIGHTING, MARKET_HALL]
