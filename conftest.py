"""pytest configuration shared by both test tiers.

- pytest-odoo 2.3 with Odoo 18 never sets ``odoo.modules.module.current_test``
  nor the thread's ``testing`` flag: Odoo then would send real email, HttpCase
  refuses its test cursor and mass mailing commits between batches. Set both
  for every Odoo test, as Odoo's own test runner does.
- A skipped test is a failure of the run, never a quiet pass (a tour that found
  no Chromium, an HttpCase run without --odoo-http...).
"""

import sys
import threading

import pytest

_skipped = []


@pytest.fixture(autouse=True)
def _odoo_current_test(request):
    instance = getattr(request, "instance", None)
    # Only Odoo tests have imported Odoo's test framework; importing it here
    # for the static tier would log an error.
    odoo_common = sys.modules.get("odoo.tests.common")
    if odoo_common is None or not isinstance(instance, odoo_common.BaseCase):
        yield
        return
    from odoo.modules import module as odoo_module

    previous = odoo_module.current_test
    odoo_module.current_test = instance
    # Odoo's runner also flags the thread: mass mailing then does not commit
    # between batches (it would commit the test's data).
    thread = threading.current_thread()
    previous_testing = getattr(thread, "testing", False)
    thread.testing = True
    try:
        yield
    finally:
        odoo_module.current_test = previous
        thread.testing = previous_testing


def pytest_runtest_logreport(report):
    if report.skipped:
        _skipped.append(report.nodeid)


def pytest_sessionfinish(session, exitstatus):
    if _skipped and session.config.getoption("--allow-skips") is False:
        session.exitstatus = 1


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if _skipped and not config.getoption("--allow-skips"):
        terminalreporter.write_line(
            f"FAILED: {len(_skipped)} test(s) skipped; a skipped test is not a pass:",
            red=True,
        )
        for nodeid in _skipped:
            terminalreporter.write_line(f"  {nodeid}", red=True)


def pytest_addoption(parser):
    parser.addoption(
        "--allow-skips",
        action="store_true",
        default=False,
        help="Do not fail the run when tests are skipped (local debugging only).",
    )
