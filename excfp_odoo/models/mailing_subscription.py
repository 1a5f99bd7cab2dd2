# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class MailingSubscription(models.Model):
    _inherit = "mailing.subscription"

    def write(self, vals):
        res = super().write(vals)
        if vals.get("opt_out"):
            self._excfp_opt_out_partners()
        return res

    def _excfp_opt_out_partners(self):
        """Leaving an audience's list (the unsubscribe page of any mailing to
        it) is an opt-out of the SSC's ex situ mailings: the contacts with
        that email say so, and no later sync subscribes them again."""
        audiences = (
            self.env["excfp.audience"]
            .sudo()
            .with_context(active_test=False)
            .search([("mailing_list_id", "in", self.list_id.ids)])
        )
        emails = self.filtered(
            lambda s: s.list_id in audiences.mailing_list_id
        ).contact_id.mapped("email_normalized")
        emails = [email for email in emails if email]
        if not emails:
            return
        partners = (
            self.env["res.partner"]
            .sudo()
            .search(
                [
                    ("email_normalized", "in", emails),
                    ("exsitu_mailing_consent", "!=", "opted_out"),
                ]
            )
        )
        partners.with_context(excfp_consent_source="unsubscribe").write(
            {"exsitu_mailing_consent": "opted_out"}
        )
