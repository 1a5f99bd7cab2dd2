# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.tools.sql import create_index


class MailingMailing(models.Model):
    _inherit = "mailing.mailing"

    def init(self):
        # The lookups below go by email within a mailing (traces) and by email
        # (contacts): without these indexes each batch scans what was sent.
        create_index(
            self.env.cr,
            "mailing_trace_excfp_mailing_email_index",
            "mailing_trace",
            ["mass_mailing_id", "email"],
        )
        create_index(
            self.env.cr,
            "mailing_contact_excfp_email_normalized_index",
            "mailing_contact",
            ["email_normalized"],
        )

    def _get_seen_list_extra(self):
        """Core reads every email the mailing already reached, once per batch
        of recipients; with the batch's emails in the context (see the mail
        composer), only those are looked up. The answer for them is core's."""
        join, where = super()._get_seen_list_extra()
        emails = self.env.context.get("mass_mailing_batch_emails")
        if emails is None or self.env.context.get("mass_mailing_core_optout"):
            return join, where
        clause = self.env.cr.mogrify("AND s.email = ANY(%s)", [list(emails)]).decode()
        # the caller formats the query with %, then PostgreSQL's driver again
        return join, f"{where} {clause.replace('%', '%%')}"
