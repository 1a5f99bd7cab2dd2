# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class MailingSubscription(models.Model):
    _inherit = "mailing.subscription"

    def write(self, vals):
        res = super().write(vals)
        if "opt_out" in vals and not self.env.context.get("excfp_consent_known"):
            self._excfp_update_consent(opt_out=bool(vals["opt_out"]))
        return res

    def _excfp_update_consent(self, opt_out):
        """Leaving an audience's list (the unsubscribe page of any mailing to
        it) is an opt-out of the SSC's ex situ mailings: the contacts with
        that email say so, and no later sync subscribes them again. Joining
        it again there (core's subscription page) is their consent."""
        lists = self.env["excfp.audience"]._mailing_lists(
            [("mailing_list_id", "in", self.list_id.ids)]
        )
        emails = self.filtered(lambda s: s.list_id in lists).contact_id.mapped(
            "email_normalized"
        )
        emails = [email for email in emails if email]
        if not emails:
            return
        consent = "opted_out" if opt_out else "opted_in"
        partners = (
            self.env["res.partner"]
            .sudo()
            .search(
                [
                    ("email_normalized", "in", emails),
                    ("exsitu_mailing_consent", "!=", consent),
                ]
            )
        )
        partners.with_context(
            excfp_consent_source="unsubscribe" if opt_out else "web_form"
        ).write({"exsitu_mailing_consent": consent})
