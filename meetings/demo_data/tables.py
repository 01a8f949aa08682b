"""The long tables of the demo's papers, made from a few lists so that the data stays short to read.

Figures come from a random generator seeded with the table's name, so every load prints the same
numbers. `html_table` gives the rich text a written appendix holds (the editor's tables: no heading
cells in a <thead>, which the editor does not make); `schedule_pages` feeds `meetings.demo_documents`,
which prints the uploaded appendices as a spreadsheet would.
"""

import random
from collections.abc import Iterable, Sequence

from django.utils.html import format_html, format_html_join

from council.demo_data import WARDS


def seeded(name: str) -> random.Random:
    # Not for secrets: str seeds are hashed with SHA-512, so the figures are the same on every machine.
    return random.Random(name)  # noqa: S311


def money(pounds: float) -> str:
    return f"£{pounds:,.0f}"


def html_table(headers: Sequence[str], rows: Iterable[Sequence]) -> str:
    head = format_html("<tr>{}</tr>", format_html_join("", "<th>{}</th>", ((h,) for h in headers)))
    body = format_html_join(
        "", "<tr>{}</tr>", ((format_html_join("", "<td>{}</td>", ((c,) for c in row)),) for row in rows)
    )
    return format_html("<table><tbody>{}{}</tbody></table>", head, body)


def paragraphs(texts: Iterable[str]) -> str:
    return format_html_join("", "<p>{}</p>", ((text,) for text in texts))


# -- Fees and charges ------------------------------------------------------------------------------------

_VENUES = [
    "Ravensmoor Town Hall",
    "Millbrook Chase Community Centre",
    "Oxleigh Common Library",
    "Tanners Cross Hub",
]
_ROOMS = ["Main hall", "Meeting room 1", "Meeting room 2", "Kitchen"]
_PERIODS = ["weekday daytime, per hour", "weekday evening, per hour", "weekend, per hour"]
_PITCHES = [
    "Grass football pitch, adult",
    "Grass football pitch, junior",
    "Cricket square",
    "3G pitch, full size",
    "3G pitch, third",
    "Bowling green, per rink",
    "Tennis court",
    "Rugby pitch",
]
_FIXED_CHARGES = [
    ("Bereavement services", "Adult burial, resident"),
    ("Bereavement services", "Adult burial, non-resident"),
    ("Bereavement services", "Exclusive right of burial, 50 years"),
    ("Bereavement services", "Cremation, adult"),
    ("Bereavement services", "Memorial bench plaque"),
    ("Registration", "Ceremony at the Register Office, Monday to Thursday"),
    ("Registration", "Ceremony at an approved venue, Saturday"),
    ("Registration", "Certificate, issued on the day"),
    ("Waste and street scene", "Bulky waste, up to three items"),
    ("Waste and street scene", "Garden waste collection, per bin per year"),
    ("Waste and street scene", "Replacement wheeled bin"),
    ("Waste and street scene", "Commercial waste, 1,100-litre bin, per lift"),
    ("Highways", "Skip permit, per week"),
    ("Highways", "Scaffolding licence, per month"),
    ("Highways", "Dropped kerb application"),
    ("Highways", "Temporary traffic order"),
    ("Parking", "Resident permit, first vehicle"),
    ("Parking", "Resident permit, second vehicle"),
    ("Parking", "Business permit, per year"),
    ("Parking", "Town centre car parks, up to two hours"),
    ("Environmental health", "Food hygiene rescoring visit"),
    ("Environmental health", "Export health certificate"),
    ("Environmental health", "Pest control, rats, per treatment"),
    ("Environmental health", "Pest control, wasps, per nest"),
    ("Planning", "Pre-application advice, householder"),
    ("Planning", "Pre-application advice, minor development"),
    ("Planning", "Pre-application advice, major development"),
    ("Planning", "High hedge complaint"),
    ("Land charges", "Official search, residential"),
    ("Land charges", "Official search, commercial"),
]
_LICENCES = [
    "Animal boarding establishment",
    "Dog breeding",
    "Pet shop",
    "Riding establishment",
    "Hackney carriage driver, three years",
    "Private hire driver, three years",
    "Hackney carriage vehicle",
    "Private hire vehicle",
    "Private hire operator, five years",
    "Scrap metal site, three years",
    "Street trading consent, per year",
    "Street trading consent, per day",
    "Sex establishment",
    "House in multiple occupation, five years",
    "Caravan site",
    "Skin piercing registration, premises",
    "Skin piercing registration, person",
    "Gambling premises, betting shop, first year",
    "Gambling premises, adult gaming centre, annual",
    "Small society lottery registration",
]


def fees_and_charges() -> str:
    rng = seeded("fees and charges")
    rows = []

    def row(service: str, charge: str, low: float, high: float) -> None:
        now = round(rng.uniform(low, high), 2 if high < 50 else 0)
        rise = rng.choice([0.0, 0.03, 0.04, 0.05, 0.05, 0.06, 0.1])
        rows.append((service, charge, f"£{now:,.2f}", f"£{now * (1 + rise):,.2f}", f"{rise:.0%}"))

    for service, charge in _FIXED_CHARGES:
        row(service, charge, 8, 1800)
    for venue in _VENUES:
        for room in _ROOMS:
            for period in _PERIODS:
                row("Room hire", f"{venue}: {room}, {period}", 12, 90)
    for pitch in _PITCHES:
        for season in ("per match, adult", "per match, junior", "season booking"):
            row("Parks and sport", f"{pitch}, {season}", 20, 900)
    for ward in WARDS[:12]:
        row("Allotments", f"{ward} allotments, full plot, per year", 40, 120)
        row("Allotments", f"{ward} allotments, half plot, per year", 20, 60)
    for licence in _LICENCES:
        row("Licensing", f"{licence}: new application", 60, 2200)
        row("Licensing", f"{licence}: renewal", 50, 1800)
    for homes in range(1, 11):
        row(
            "Building control", f"New dwellings: {homes}, plan check and inspection", 400 * homes, 520 * homes
        )
    return html_table(["Service", "Charge", "{this_fy}", "{next_fy}", "Change"], rows)


# -- Performance -----------------------------------------------------------------------------------------

_INDICATORS = [
    ("A thriving economy", "Working-age residents in employment", "%", 72, 76),
    ("A thriving economy", "Business rates collected in year", "%", 97, 99),
    ("A thriving economy", "Vacant units in the town centre", "%", 9, 14),
    ("A thriving economy", "Apprenticeships started at the Council", "number", 40, 70),
    ("A thriving economy", "Major planning applications decided in 13 weeks", "%", 80, 95),
    ("A thriving economy", "Minor planning applications decided in 8 weeks", "%", 78, 92),
    ("Safe and caring", "Children's social care referrals that are repeat referrals", "%", 18, 25),
    ("Safe and caring", "Child protection plans reviewed on time", "%", 94, 100),
    ("Safe and caring", "Care leavers in suitable accommodation", "%", 86, 95),
    ("Safe and caring", "Care leavers in education, employment or training", "%", 55, 65),
    ("Safe and caring", "Adults whose care needs were assessed within 28 days", "%", 70, 88),
    ("Safe and caring", "Older people still at home 91 days after hospital discharge", "%", 80, 90),
    ("Safe and caring", "Safeguarding enquiries completed within target", "%", 75, 92),
    ("Homes and neighbourhoods", "New homes completed", "number", 310, 480),
    ("Homes and neighbourhoods", "Affordable homes completed", "number", 60, 130),
    ("Homes and neighbourhoods", "Households in temporary accommodation", "number", 140, 230),
    ("Homes and neighbourhoods", "Council homes empty and available to let", "%", 1, 3),
    ("Homes and neighbourhoods", "Repairs completed right first time", "%", 82, 93),
    ("Homes and neighbourhoods", "Fly-tipping incidents cleared within two working days", "%", 78, 96),
    ("Homes and neighbourhoods", "Household waste sent for reuse, recycling or composting", "%", 38, 47),
    ("Homes and neighbourhoods", "Missed bin collections per 100,000", "number", 40, 95),
    ("Homes and neighbourhoods", "Streets graded acceptable for litter", "%", 88, 97),
    ("Healthy lives", "Adults who are physically active", "%", 60, 67),
    ("Healthy lives", "Smokers who quit at four weeks", "%", 48, 60),
    ("Healthy lives", "Visits to leisure centres", "number", 240000, 330000),
    ("Healthy lives", "Eligible residents offered an NHS Health Check", "%", 15, 24),
    ("Learning", "Children in good or outstanding schools", "%", 82, 91),
    ("Learning", "Education, health and care plans issued in 20 weeks", "%", 40, 70),
    ("Learning", "Pupils persistently absent", "%", 16, 24),
    ("Learning", "Two-year-olds taking up funded childcare", "%", 68, 80),
    ("A modern council", "Calls answered within two minutes", "%", 70, 88),
    ("A modern council", "Complaints answered within ten working days", "%", 72, 90),
    ("A modern council", "Freedom of information requests answered in 20 working days", "%", 84, 96),
    ("A modern council", "Council tax collected in year", "%", 94, 97),
    ("A modern council", "Working days lost to sickness per employee", "days", 8, 11),
    ("A modern council", "Invoices paid within 30 days", "%", 88, 97),
]


def performance_indicators() -> str:
    rng = seeded("performance indicators")
    rows = []
    for priority, name, unit, low, high in _INDICATORS:
        target = rng.uniform(low, high)
        q1, q2 = (target * rng.uniform(0.9, 1.1) for _ in range(2))
        shown = (lambda v: f"{v:,.0f}") if unit in ("number",) else (lambda v: f"{v:.1f}")
        status = (
            "On target"
            if q2 >= target * 0.98
            else ("Close to target" if q2 >= target * 0.93 else "Off target")
        )
        suffix = "%" if unit == "%" else ("" if unit == "number" else f" {unit}")
        rows.append((priority, name, shown(target) + suffix, shown(q1) + suffix, shown(q2) + suffix, status))
    return html_table(["Priority", "Measure", "Target", "Quarter 1", "Quarter 2", "Status"], rows)


# -- Wards -----------------------------------------------------------------------------------------------


def support_fund_allocations() -> str:
    rng = seeded("household support fund")
    rows = []
    for ward in WARDS:
        households = rng.randint(900, 3400)
        rows.append(
            (ward, f"{households:,}", money(households * rng.uniform(38, 44)), f"{rng.randint(2, 9)}")
        )
    return html_table(["Ward", "Households eligible", "Allocation", "Community partners"], rows)


_FLOOD_MEASURES = [
    "Clear and survey culverts on the ordinary watercourses",
    "Install property flood resilience (doors, airbricks, pumps) at homes at highest risk",
    "Model surface water flows with the Environment Agency",
    "Set up or support a community flood group with an emergency plan",
    "Add sustainable drainage to highway schemes planned in the ward",
    "Check gully cleansing frequency against flooding records",
]


def flood_action_plan() -> str:
    rng = seeded("flood action plan")
    rows = []
    leads = ["Drainage Engineer", "Emergency Planning", "Highways", "Environment Agency", "Water company"]
    for ward in WARDS:
        for measure in rng.sample(_FLOOD_MEASURES, 4):
            year = rng.choice(["{next_fy}", "{fy2}", "{fy3}"])
            rows.append((ward, measure, rng.choice(leads), year, money(rng.randint(8, 160) * 1000)))
    return html_table(["Ward", "Action", "Lead", "By", "Estimated cost"], rows)


def properties_at_risk() -> str:
    rng = seeded("properties at risk")
    rows = []
    for ward in WARDS:
        homes = rng.randint(20, 640)
        rows.append((ward, f"{homes:,}", f"{rng.randint(2, 60):,}", f"{rng.randint(0, 14)}"))
    return html_table(
        [
            "Ward",
            "Homes at risk of surface water flooding",
            "Businesses at risk",
            "Floods reported in the last five years",
        ],
        rows,
    )


# -- Treasury --------------------------------------------------------------------------------------------


def prudential_indicators() -> str:
    rows = [
        ("Capital expenditure (£m)", "61.8", "74.2", "58.9", "44.1"),
        ("Capital financing requirement (£m)", "512.4", "538.0", "551.7", "556.2"),
        ("External debt: operational boundary (£m)", "545", "570", "585", "590"),
        ("External debt: authorised limit (£m)", "585", "610", "625", "630"),
        ("Financing costs as a share of net revenue stream", "7.9%", "8.4%", "8.8%", "9.0%"),
        ("Gross debt less than the capital financing requirement", "Yes", "Yes", "Yes", "Yes"),
        ("Upper limit on fixed-rate borrowing", "100%", "100%", "100%", "100%"),
        ("Upper limit on variable-rate borrowing", "30%", "30%", "30%", "30%"),
        ("Principal invested for more than a year (£m)", "10", "10", "10", "10"),
        ("Liability benchmark (£m)", "468", "495", "507", "511"),
    ]
    return html_table(["Indicator", "{this_fy}", "{next_fy}", "{fy2}", "{fy3}"], rows)


def borrowing_maturity() -> str:
    rows = [
        ("Under 12 months", "0%", "25%", "8%"),
        ("12 months to 2 years", "0%", "25%", "6%"),
        ("2 years to 5 years", "0%", "40%", "14%"),
        ("5 years to 10 years", "0%", "50%", "19%"),
        ("10 years to 20 years", "0%", "60%", "21%"),
        ("20 years to 30 years", "0%", "70%", "17%"),
        ("Over 30 years", "0%", "90%", "15%"),
    ]
    return html_table(["Period to maturity", "Lower limit", "Upper limit", "Actual at 30 September"], rows)


# -- Uploaded schedules ----------------------------------------------------------------------------------

_SCHEME_SITES = [
    "Primary School",
    "Academy",
    "Library",
    "Community Centre",
    "Leisure Centre",
    "Depot",
    "Park",
    "Cemetery",
    "Car Park",
    "Family Hub",
    "Children's Home",
    "Day Centre",
    "Sheltered Housing",
    "Market",
]
_SCHEME_WORKS = [
    "roof replacement",
    "heating replacement (air-source heat pump)",
    "window replacement",
    "LED lighting",
    "accessible toilets and changing places",
    "fire safety works",
    "rewiring",
    "car park resurfacing",
    "play area renewal",
    "drainage improvements",
    "solar panels",
    "security and CCTV",
    "kitchen refit",
    "structural repairs",
    "lift replacement",
    "path and lighting improvements",
]
_DIRECTORATES = ["CYPS", "ACHPH", "R&E", "FCS", "CEX"]
_FUNDING = [
    "Borrowing",
    "Capital receipts",
    "Government grant",
    "Section 106",
    "Revenue contribution",
    "Reserves",
]
CAPITAL_COLUMNS = (
    ("Code", 48),
    ("Scheme", 200),
    ("Ward", 92),
    ("Dir.", 36),
    ("Funding", 84),
    ("Budget {this_fy}", 66),
    ("Forecast {this_fy}", 72),
    ("Variance", 54),
    ("{next_fy}", 56),
    ("{fy2}", 56),
)


def capital_schedule_rows(count: int) -> list[tuple[str, ...]]:
    rng = seeded("capital programme")
    rows = []
    for number in range(1, count + 1):
        ward = rng.choice(WARDS)
        budget = rng.randint(12, 2400) * 1000
        forecast = round(budget * rng.choice([1, 1, 1, 0.96, 0.9, 1.04, 1.12, 0.75]), -3)
        rows.append(
            (
                f"CP{number:04d}",
                f"{ward} {rng.choice(_SCHEME_SITES)}: {rng.choice(_SCHEME_WORKS)}",
                ward,
                rng.choice(_DIRECTORATES),
                rng.choice(_FUNDING),
                money(budget),
                money(forecast),
                money(forecast - budget),
                money(rng.randint(0, 1500) * 1000),
                money(rng.randint(0, 900) * 1000),
            )
        )
    return rows


_ASSET_TYPES = [
    ("Office", "Freehold"),
    ("Primary school", "Freehold"),
    ("Library", "Freehold"),
    ("Community centre", "Freehold"),
    ("Shop unit", "Freehold, let"),
    ("Industrial unit", "Freehold, let"),
    ("Public open space", "Freehold"),
    ("Allotment site", "Freehold"),
    ("Car park", "Freehold"),
    ("Garage site", "Freehold"),
    ("Farm", "Freehold, let"),
    ("Depot", "Leasehold"),
    ("Public toilets", "Freehold"),
    ("Grazing land", "Freehold, let"),
]
_STREETS = [
    "Mill Lane",
    "Church Street",
    "Station Road",
    "High Street",
    "Moor Road",
    "Chapel Walk",
    "Forge Lane",
    "Quarry Hill",
    "Canal Side",
    "Market Place",
    "Victoria Road",
    "Beck Lane",
    "Tanyard Row",
    "Kiln Street",
]
ASSET_COLUMNS = (
    ("Asset ref.", 56),
    ("Property", 100),
    ("Address", 160),
    ("Ward", 92),
    ("Tenure", 78),
    ("Area (m²)", 56),
    ("Use", 90),
    ("Condition", 52),
    ("Valuation", 76),
)


def asset_register_rows(count: int) -> list[tuple[str, ...]]:
    rng = seeded("asset register")
    rows = []
    for number in range(1, count + 1):
        ward = rng.choice(WARDS)
        kind, tenure = rng.choice(_ASSET_TYPES)
        rows.append(
            (
                f"RBC-{number:05d}",
                kind,
                f"{rng.randint(1, 240)} {rng.choice(_STREETS)}, {ward}",
                ward,
                tenure,
                f"{rng.randint(40, 18000):,}",
                rng.choice(["Operational", "Operational", "Investment", "Community use", "Surplus"]),
                rng.choice("ABBBCCD"),
                money(rng.randint(5, 4200) * 1000),
            )
        )
    return rows


# -- More written appendices -----------------------------------------------------------------------------


def capital_changes() -> str:
    rng = seeded("capital changes")
    rows = []
    for number in range(1, 12):
        ward = rng.choice(WARDS)
        rows.append(
            (
                f"CP{400 + number:04d}",
                f"{ward} {rng.choice(_SCHEME_SITES)}: {rng.choice(_SCHEME_WORKS)}",
                "Added",
                rng.choice(["Government grant", "Section 106"]),
                money(rng.randint(80, 900) * 1000),
            )
        )
    for _number in range(1, 46):
        ward = rng.choice(WARDS)
        rows.append(
            (
                f"CP{rng.randint(1, 399):04d}",
                f"{ward} {rng.choice(_SCHEME_SITES)}: {rng.choice(_SCHEME_WORKS)}",
                "Moved to " + rng.choice(["{next_fy}", "{next_fy}", "{fy2}"]),
                rng.choice(_FUNDING),
                money(rng.randint(40, 1600) * 1000),
            )
        )
    return html_table(["Code", "Scheme", "Change", "Funding", "Amount"], rows)


_DISPOSAL_ROUTES = [
    "Auction",
    "Sale on the open market",
    "Community asset transfer",
    "Sale to the adjoining owner",
    "Sale for affordable housing",
    "Lease to a community group",
]


def disposals() -> str:
    rows = asset_register_rows(64 * 20)[::20]  # one in twenty of the register, the assets the review found
    rng = seeded("disposals")
    return html_table(
        ["Asset ref.", "Property", "Address", "Proposed route", "Estimated receipt", "Year"],
        [
            (ref, kind, address, rng.choice(_DISPOSAL_ROUTES), valuation, rng.choice(["1", "1", "2", "3"]))
            for ref, kind, address, _ward, _tenure, _area, _use, _condition, valuation in rows
        ],
    )


_LENDERS = [
    "Public Works Loan Board",
    "Public Works Loan Board",
    "Public Works Loan Board",
    "Municipal bond agency",
    "Pension fund (local authority)",
    "Bank (market loan)",
]


def loans() -> str:
    rng = seeded("loans")
    rows = []
    for number in range(1, 71):
        start = rng.randint(1998, 2024)
        rows.append(
            (
                f"L{number:03d}",
                rng.choice(_LENDERS),
                str(start),
                str(start + rng.choice([35, 40, 45, 50])),
                f"{rng.uniform(1.6, 5.4):.2f}%",
                money(rng.randint(10, 160) * 100_000),
            )
        )
    return html_table(["Loan", "Lender", "Taken", "Repayable", "Rate", "Principal"], rows)


def performance_by_ward() -> str:
    rng = seeded("performance by ward")
    rows = [
        (
            ward,
            f"{rng.uniform(64, 81):.1f}%",
            f"{rng.randint(3, 40)}",
            f"{rng.uniform(32, 52):.1f}%",
            f"{rng.randint(0, 18)}",
            f"{rng.uniform(12, 28):.1f}%",
            f"{rng.uniform(76, 98):.1f}%",
        )
        for ward in WARDS
    ]
    return html_table(
        [
            "Ward",
            "In employment",
            "Fly-tips per 1,000 homes",
            "Recycling",
            "Households in temporary accommodation",
            "Pupils persistently absent",
            "Streets acceptable for litter",
        ],
        rows,
    )


def development_sites() -> str:
    rng = seeded("town centre sites")
    uses = [
        "Homes",
        "Homes and shops",
        "Offices and homes",
        "Public square",
        "Multi-storey car park",
        "Workspace",
    ]
    rows = []
    for number, street in enumerate(_STREETS * 2, start=1):
        rows.append(
            (
                f"TC{number:02d}",
                f"{rng.choice(['Car park', 'Former shop', 'Vacant land', 'Upper floors', 'Warehouse'])}, {street}",
                f"{rng.uniform(0.05, 1.8):.2f}",
                rng.choice(uses),
                str(rng.choice([0, 0, 8, 12, 24, 40, 60, 120])),
                rng.choice(["1", "2", "3"]),
            )
        )
    return html_table(["Site", "Description", "Area (ha)", "Proposed use", "Homes", "Phase"], rows)


def homelessness_figures() -> str:
    rng = seeded("homelessness figures")
    # The eleven quarters to the end of September this year.
    quarters = [
        f"{q} {y}" for y in ("{ym2}", "{ym1}", "{y0}") for q in ("Jan-Mar", "Apr-Jun", "Jul-Sep", "Oct-Dec")
    ]
    quarters = quarters[:11]
    reasons = [
        "End of private tenancy",
        "Family or friends no longer willing to accommodate",
        "Domestic abuse",
        "Relationship breakdown",
        "Leaving institution",
        "Rent arrears",
        "Other",
    ]
    first = html_table(
        [
            "Quarter",
            "Approaches",
            "Prevention duty",
            "Relief duty",
            "Main duty accepted",
            "In temporary accommodation",
        ],
        [
            (
                q,
                str(rng.randint(380, 560)),
                str(rng.randint(150, 260)),
                str(rng.randint(120, 210)),
                str(rng.randint(40, 90)),
                str(120 + 9 * n + rng.randint(-8, 8)),
            )
            for n, q in enumerate(quarters)
        ],
    )
    second = html_table(
        ["Reason for homelessness", *quarters[-4:]],
        [(reason, *(str(rng.randint(8, 90)) for _ in range(4))) for reason in reasons],
    )
    third = html_table(
        ["Ward", "Approaches in the last year", "Households in temporary accommodation"],
        [(ward, str(rng.randint(40, 260)), str(rng.randint(2, 28))) for ward in WARDS],
    )
    return first + second + third


def bids() -> str:
    rng = seeded("market hall bids")
    names = [
        "Oakwell Bakery",
        "The Moor Deli",
        "Castle Fold Cycles",
        "Harrowdene Florist",
        "Fernacre Coffee Co.",
        "Rookhaven Refills",
        "Stonecroft Books",
        "Pennyfold Plants",
        "Tanners Tailoring",
        "Elderbank Eats",
        "Greystone Games",
        "Kestrel Crafts",
        "Lantern Green Laundry",
        "Dunmarsh Dental Studio",
    ]
    rows = []
    for name in names:
        unit = rng.randint(2, 8)
        rows.append(
            (
                f"Unit {unit}",
                name,
                money(rng.randint(9, 21) * 1000),
                rng.choice(["5", "10", "10", "15"]),
                rng.choice(["Recommended", "Not recommended", "Reserve"]),
            )
        )
    return html_table(
        ["Unit", "Bidder", "Rent offered a year", "Term (years)", "Officers' view"], sorted(rows)
    )


def housing_sites() -> str:
    rng = seeded("housing sites")
    rows = []
    for number in range(1, 91):
        ward = rng.choice(WARDS)
        permitted = rng.choice([6, 9, 12, 18, 24, 35, 48, 64, 80, 120, 180, 250])
        built = rng.randint(0, permitted)
        this_year = min(built, rng.randint(0, 40))
        rows.append(
            (
                f"H{number:03d}",
                f"{rng.choice(['Land off', 'Land at', 'Former', 'Land north of', 'Land south of'])} "
                f"{rng.choice(_STREETS)}",
                ward,
                str(permitted),
                str(this_year),
                str(built),
                str(permitted - built),
            )
        )
    return html_table(
        ["Site", "Address", "Ward", "Homes permitted", "Built this year", "Built to date", "Still to build"],
        rows,
    )


def employment_land() -> str:
    rng = seeded("employment land")
    rows = [
        (
            f"E{number:02d}",
            f"{rng.choice(['Moor Park', 'Canal Side', 'Quarry Hill', 'Forge Lane', 'Station Yard', 'Beck Lane'])} "
            f"plot {rng.randint(1, 12)}",
            rng.choice(WARDS),
            f"{rng.uniform(0.3, 6.5):.1f}",
            rng.choice(
                ["Available", "Under construction", "Completed this year", "With planning permission"]
            ),
            rng.choice(["Offices", "Light industry", "Storage and distribution", "Mixed employment"]),
        )
        for number in range(1, 41)
    ]
    return html_table(["Site", "Plot", "Ward", "Area (ha)", "Status", "Use"], rows)


_STREET_STEMS = [
    "Ash",
    "Beech",
    "Birch",
    "Cedar",
    "Elm",
    "Hazel",
    "Holly",
    "Larch",
    "Maple",
    "Oak",
    "Rowan",
    "Willow",
    "Alder",
    "Juniper",
    "Laurel",
    "Poplar",
]
_STREET_ENDINGS = ["Avenue", "Close", "Crescent", "Drive", "Grove", "Road", "Way", "Walk", "Lane", "Court"]


def lighting_streets() -> str:
    rng = seeded("street lighting")
    rows = []
    for _number in range(180):
        rows.append(
            (
                f"{rng.choice(_STREET_STEMS)} {rng.choice(_STREET_ENDINGS)}",
                rng.choice(WARDS),
                str(rng.randint(4, 48)),
                rng.choice(["Replace lantern", "Replace lantern", "Replace column and lantern"]),
                rng.choice(["Spring", "Summer", "Autumn", "Winter"]) + " {y1}",
            )
        )
    rows.sort()
    return html_table(["Street", "Ward", "Lights", "Work", "When"], rows)
