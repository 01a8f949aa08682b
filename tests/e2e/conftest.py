"""Browser journeys: Playwright for Python driving Debian's Chromium (never a downloaded browser).

Every page a journey visits is checked with axe-core (WCAG 2.2 AA and best practice) and for
Content-Security-Policy violations, which show up as console errors.
"""

import os
import shutil
from importlib import import_module

import pytest

CHROMIUM = os.environ.get("WITAN_CHROMIUM", "/usr/bin/chromium")
REQUIRE_BROWSER = os.environ.get("WITAN_REQUIRE_BROWSER", "") not in ("", "0", "false")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
# between browser steps are synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _chromium_available() -> bool:
    return os.path.exists(CHROMIUM) or shutil.which(CHROMIUM) is not None


def pytest_collection_modifyitems(config, items):
    if _chromium_available():
        return
    if REQUIRE_BROWSER:
        raise pytest.UsageError(f"Browser tests are required here but no Chromium was found at {CHROMIUM}.")
    skip = pytest.mark.skip(
        reason=f"no Chromium at {CHROMIUM}: install Debian's chromium package to run browser tests"
    )
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def standard_report_sections(request):
    """Put back the standard report body sections that a migration seeds. A journey runs against the
    live server, so its test is transactional, and when it ends every table is emptied: without this
    a later journey (the demo data, the report editor) would find no sections."""
    if request.node.get_closest_marker("django_db") is None:
        return
    request.getfixturevalue("transactional_db")
    from reports.models import SectionTemplate

    if not SectionTemplate.objects.exists():
        sections = import_module("reports.migrations.0002_standard_sections").STANDARD_SECTIONS
        for position, (title, holds) in enumerate(sections, start=1):
            SectionTemplate.objects.create(position=position, title=title, holds_recommendations=holds)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


class CheckedPage:
    """A page that fails the test on console errors (CSP violations included) and axe violations."""

    def __init__(self, page, base_url):
        self.page = page
        self.base_url = base_url
        self.console_errors: list[str] = []
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.console_errors.append(str(error)))
        page.on("response", self._on_response)

    def _on_console(self, message):
        # A form re-shown with errors answers 400 by design; failed sub-resources are caught below.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.console_errors.append(message.text)

    def _on_response(self, response):
        if response.request.resource_type != "document" and response.status >= 400:
            self.console_errors.append(f"{response.status} for {response.url}")

    def goto(self, path):
        response = self.page.goto(self.base_url + path)
        assert response.status == 200, f"{path} answered {response.status}"
        self.check()
        return response

    def check(self):
        """axe-core finds no violations, and nothing was refused by the CSP, on the current page."""
        from axe_playwright_python.sync_playwright import Axe

        results = Axe().run(self.page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
        violations = results.response["violations"]
        report = "\n".join(
            f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:5]}"
            for v in violations
        )
        assert not violations, f"axe-core violations on {self.page.url}:\n{report}"
        assert not self.console_errors, f"console errors on {self.page.url}: {self.console_errors}"


@pytest.fixture
def checked_page(browser, live_server):
    context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield CheckedPage(page, live_server.url)
    context.close()
