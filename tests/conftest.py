"""Static tier: checks of the repository's addons (excfp_odoo and the
generic modules beside it) that need no Odoo database.

Run from the repository root::

    /opt/odoo18/bin/python -m pytest tests/

The shared helpers live in ``excfp_static.py`` next to this file; make it
importable whatever ``--import-mode`` pytest is given.
"""

import os
import sys

import pytest

_HERE = os.path.dirname(os.path.abspath(__file__))
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)


# pytest-odoo (installed in /opt/odoo18) adds session/module autouse fixtures
# that open an Odoo registry and so need a database. This tier needs none:
# these same-named fixtures override the plugin's for the tests in this folder
# only (the Odoo tier in excfp_odoo/tests keeps the real ones).
@pytest.fixture(scope="session", autouse=True)
def load_registry():
    yield


@pytest.fixture(scope="session", autouse=True)
def load_http():
    yield


@pytest.fixture(scope="module", autouse=True)
def enable_odoo_test_flag():
    yield
