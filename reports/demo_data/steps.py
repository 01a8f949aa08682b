"""The vocabulary of a demo report's story: what happens to it after it is created, step by step.

Each step is acted by a demo log-in (`council.demo_data.DEMO_LOGINS`), so the audit log and the version
history read as if those officers had done it in the browser.

    ("edit", login, note, changes)   save the report with `changes` (summary, recommendations, sections)
    ("submit", login)                submit it for approval
    ("approve", login)               approve it in the login's role (finance, legal, procurement, hr, director)
    ("not applicable", login, why)   mark the login's approval not applicable, with the reason
    ("return", login, why)           return it to the author for changes
    ("withdraw", login, why)         withdraw it
    ("publish", login)               publish it (its agenda has gone out)
"""

ALL_WARDS = "All"

SUBMIT = ("submit", "author")
SUBMIT_FOR_AUTHOR = ("submit", "democratic")  # democratic services submit the reports they entered
FINANCE = ("approve", "finance")
LEGAL = ("approve", "legal")
PROCUREMENT = ("approve", "procurement")
HR = ("approve", "hr")
DIRECTOR = ("approve", "director")
PUBLISH = ("publish", "democratic")

NO_PROCUREMENT = ("not applicable", "procurement", "No goods, works or services are being bought.")
NO_HR = ("not applicable", "hr", "No implications for staff.")


def signed_off(*, procurement=PROCUREMENT, hr=HR) -> list[tuple]:
    """The whole Approvals Obtained block in the usual order: finance, legal, procurement, HR, director."""
    return [FINANCE, LEGAL, procurement, hr, DIRECTOR]


# The meeting a report goes to, counted among its committee's meetings from the day the demo is loaded:
# 0 is the next meeting still to be held, 1 the one after, and -1 the last meeting held.
NEXT, AFTER_NEXT, THIRD, LAST_HELD = 0, 1, 2, -1
