# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class MailingSubscription(models.Model):
    _inherit = "mailing.subscription"

    def write(self, vals):
        res = super().write(vals)
        if "opt_out" in vals:
            self.env["excfp.audience"]._record_list_consent(self, bool(vals["opt_out"]))
        return res
