# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Reading what a browser sends, shared by the addon's controllers."""

from ..utils import clean_text

# Ids beyond PostgreSQL's integer would fail in SQL, not as "not found".
MAX_ID = 2**31 - 1


def to_id(value):
    """A record id from a form or query string, or None. isascii: "²" is a
    digit to str.isdigit() but not to int()."""
    value = clean_text(value)
    if not (value.isascii() and value.isdigit()) or int(value) > MAX_ID:
        return None
    return int(value)
