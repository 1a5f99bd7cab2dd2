# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Roles sort by the stored person name (issue 13): the former sort key goes,
and the list's index with it, so that the module's init builds the new one."""


def migrate(cr, version):
    cr.execute("ALTER TABLE excfp_role DROP COLUMN IF EXISTS person_sort")
    # The mailing lookups' indexes now come from mass_mailing_set_based's
    # fields (index=True), under the ORM's names: the addon's own go.
    cr.execute("DROP INDEX IF EXISTS mailing_trace_excfp_email_index")
    cr.execute("DROP INDEX IF EXISTS mailing_contact_excfp_email_normalized_index")
