# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Roles sort by the stored person name (issue 13): the former sort key goes,
and the list's index with it, so that the module's init builds the new one."""


def migrate(cr, version):
    cr.execute("ALTER TABLE excfp_role DROP COLUMN IF EXISTS person_sort")
