# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The contacts' email lookup index is declared on the field (index=True) and
named by the ORM: the one the audiences' init created goes."""


def migrate(cr, version):
    cr.execute("DROP INDEX IF EXISTS res_partner_excfp_email_normalized_index")
