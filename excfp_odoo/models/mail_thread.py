# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    @api.model
    def _message_route_process(self, message, message_dict, routes):
        """Flag automatic email (out-of-office, lists, bulk) in the context, so
        that liaison requests neither count it as an answer nor reply to it:
        Odoo 18's gateway does not read these headers."""
        auto_submitted = (message.get("Auto-Submitted") or "no").strip().lower()
        precedence = (message.get("Precedence") or "").strip().lower()
        if auto_submitted != "no" or precedence in ("bulk", "list", "junk"):
            self = self.with_context(excfp_auto_submitted=True)
        return super()._message_route_process(message, message_dict, routes)
