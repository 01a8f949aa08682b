"""Finance and corporate reports, entered by democratic services for their authors."""

from .steps import AFTER_NEXT, ALL_WARDS, HR, NEXT, NO_HR, NO_PROCUREMENT, SUBMIT_FOR_AUTHOR, signed_off

COUNCIL_TAX_SUPPORT = {
    "title": "Council Tax Support Scheme",
    "committee": "cabinet",
    "meeting": NEXT,
    "created_by": "democratic",
    "council_approval_required": True,
    "considered_by": ["full-council"],  # Council adopts the scheme at its next meeting after Cabinet
    "director": "Graham Whitlock",
    "authors": ["Elaine Rushworth"],
    "accountable": ["Megan Oldroyd"],
    "wards": ALL_WARDS,
    "summary": (
        "About 16,500 households get help with their council tax. Cabinet is asked to recommend to Council "
        "a simpler banded scheme for working-age residents, which bases support on income bands rather "
        "than a full means test and so responds faster to changes in earnings."
    ),
    "recommendations": [
        "That Cabinet recommends to Council the banded Council Tax Support Scheme in Appendix 1.",
        "That the scheme protects households that include a disabled person or a child under five at "
        "their current level of support for one year.",
        "That the Strategic Director of Finance and Customer Services be authorised to make technical "
        "changes to the scheme each year in line with national benefit rates.",
    ],
    "sections": {
        "Background": [
            "Since 2013 each council has set its own scheme for working-age residents; pensioners are "
            "covered by a national scheme. Ravensmoor's scheme mirrors the old benefit rules.",
        ],
        "Key Issues": [
            "Residents on Universal Credit receive frequent changes of income, each of which triggers a "
            "new council tax bill. Under a banded scheme most small changes no longer alter the bill.",
        ],
        "Consultation": [
            "The public consultation drew 812 responses. 58% agreed with a banded scheme; 71% agreed that "
            "disabled households should be protected.",
        ],
        "Financial and Procurement Implications": [
            "The scheme costs about the same as now, £14.2m a year. The cost is shared with the police "
            "and fire authorities in proportion to their shares of the council tax.",
        ],
        "Legal Implications": [
            "Schedule 1A to the Local Government Finance Act 1992 requires Council to approve any change "
            "to the scheme by 11 March for the following year, after consulting the major preceptors and "
            "the public.",
        ],
        "Equalities and Human Rights Implications": [
            "An equality analysis is attached. The protections in recommendation 2 reduce the effect on "
            "disabled residents and young families.",
        ],
    },
    "background_papers": [("Equality analysis: Council Tax Support", "")],
    "story": [SUBMIT_FOR_AUTHOR],
}

BUDGET_MONITORING = {
    "title": "Revenue Budget Monitoring: Position at the End of September",
    "committee": "cabinet",
    "meeting": NEXT,
    "created_by": "democratic",
    "director": "Graham Whitlock",
    "authors": ["Elaine Rushworth", "Christopher Daley"],
    "accountable": ["Elaine Rushworth"],
    "wards": ALL_WARDS,
    "summary": (
        "At the end of September the Council expects to spend £3.4m more than its budget this year, mostly "
        "on children's placements and home-to-school transport. Directorates have identified actions to "
        "bring £2.1m of this back; the rest would be met from reserves if no more can be found."
    ),
    "recommendations": [
        "That Cabinet notes the forecast overspend of £3.4m and the actions being taken to reduce it.",
        "That Cabinet approves the spending controls in section 4 for the rest of the year.",
        "That Cabinet notes the capital programme forecast of £61.8m.",
    ],
    "sections": {
        "Background": [
            "Council set a net revenue budget of £248.6m in February. Cabinet receives monitoring reports "
            "every quarter.",
        ],
        "Key Issues": [
            "Children and Young People's Services forecast £2.9m over budget: two more children than planned "
            "are in high-cost residential placements. Home-to-school transport is £0.8m over. Finance and "
            "Customer Services are £0.3m under.",
        ],
        "Options considered and recommended proposal": [
            "Spending controls on recruitment, agency staff and non-essential purchases are recommended in "
            "preference to reopening the budget.",
        ],
        "Financial and Procurement Implications": [
            "If nothing else changes, £1.3m would be drawn from the general fund reserve, leaving it at "
            "£12.4m, above the minimum level the Council has set.",
        ],
        "Legal Implications": [
            "Section 28 of the Local Government Act 2003 requires the Council to review its budget during "
            "the year and to act if its finances deteriorate.",
        ],
    },
    "background_papers": [("Budget and Council Tax report to Council, February", "")],
    "story": [SUBMIT_FOR_AUTHOR, *signed_off(procurement=NO_PROCUREMENT, hr=NO_HR)],
}

CUSTOMER_SERVICES_RESTRUCTURE = {
    "title": "Customer Services: Proposed Restructure",
    "committee": "cabinet",
    "meeting": AFTER_NEXT,
    "created_by": "democratic",
    "director": "Graham Whitlock",
    "authors": ["Megan Oldroyd"],
    "accountable": ["Megan Oldroyd"],
    "wards": ALL_WARDS,
    "exempt": {
        "paragraphs": [4],
        "reason": (
            "The report describes the Council's position in consultation with the recognised trade unions "
            "about the posts affected. Publishing it while consultation is under way would harm those "
            "negotiations and the staff concerned, so the public interest in keeping it exempt outweighs "
            "the public interest in disclosure."
        ),
    },
    "summary": (
        "More residents now contact the Council online. This report proposes a smaller contact centre "
        "team, a new digital support team, and longer opening hours at the Town Hall help desk."
    ),
    "recommendations": [
        "That Cabinet approves the proposed structure in Appendix 1, subject to the outcome of "
        "consultation with staff and the trade unions.",
        "That Cabinet approves redundancy costs of up to £240,000 from the transformation reserve.",
    ],
    "sections": {
        "Background": [
            "Calls to the contact centre have fallen by a quarter in three years while online forms have "
            "doubled.",
        ],
        "Human Resources Implications": [
            "Twenty-three posts are affected. Redeployment will be offered first; formal consultation with "
            "the trade unions began on the date set out in the report.",
        ],
    },
    "background_papers": [("Customer contact channel analysis", "Customer Services, Ravensmoor Town Hall")],
    "story": [
        SUBMIT_FOR_AUTHOR,
        HR,
        (
            "withdraw",
            "democratic",
            "Withdrawn at the author's request: consultation with the trade unions has been extended.",
        ),
    ],
}

REPORTS = [COUNCIL_TAX_SUPPORT, BUDGET_MONITORING, CUSTOMER_SERVICES_RESTRUCTURE]
