"""Static tier: checks of excfp_odoo that need no Odoo database.

Run from the repository root::

    /opt/odoo18/bin/python -m pytest tests/

The shared helpers live in ``excfp_static.py`` next to this file; make it
importable whatever ``--import-mode`` pytest is given.
"""

import os
import sys

_HERE = os.path.dirname(os.path.abspath(__file__))
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)
