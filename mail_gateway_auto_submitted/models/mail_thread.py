# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    @api.model
    def _mail_gateway_is_automatic(self, message):
        """Whether an incoming email (an ``email.message.Message``) was sent
        by a program, not by a person: RFC 3834's Auto-Submitted (other than
        "no"), Precedence bulk, list or junk, and the X-Autoreply that some
        responders send alone (out-of-office replies, lists, bulk)."""
        auto_submitted = (message.get("Auto-Submitted") or "no").strip().lower()
        precedence = (message.get("Precedence") or "").strip().lower()
        return (
            auto_submitted != "no"
            or precedence in ("bulk", "list", "junk")
            or bool(message.get("X-Autoreply"))
        )

    @api.model
    def _message_route_process(self, message, message_dict, routes):
        """Odoo's gateway does not read these headers: an automatic email is
        processed with ``mail_gateway_auto_submitted=True`` in the context, so
        that the records it creates or updates (``message_new``,
        ``message_update``, ``message_post`` and their hooks) may neither
        answer it nor count it as an answer."""
        if self._mail_gateway_is_automatic(message):
            self = self.with_context(mail_gateway_auto_submitted=True)
        return super()._message_route_process(message, message_dict, routes)
