# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import api, models
from odoo.tools import email_domain_extract, email_normalize

from ..const import AUTHSERV_PARAM

_logger = logging.getLogger(__name__)

LIAISON = "excfp.liaison"


def _sender_authenticated(message, authserv_id):
    """True when our own mail server says the From domain passed DMARC.

    Only the header our server added counts: it names our authserv-id, and
    the server removes any header claiming that id from the outside world
    (RFC 8601 s.5), which the README asks of it. Anyone can write the others.
    """
    if not authserv_id:
        return False
    from_domain = email_domain_extract(email_normalize(message.get("From", "")) or "")
    if not from_domain:
        return False
    for header in message.get_all("Authentication-Results") or []:
        server, _sep, results = str(header).partition(";")
        server_id = (server.split() or [""])[0]  # "authserv-id [version]"
        if server_id.lower() != authserv_id.lower():
            continue
        for result in results.split(";"):
            words = result.split()
            if not words or words[0].lower() != "dmarc=pass":
                continue
            props = dict(word.lower().split("=", 1) for word in words if "=" in word)
            if props.get("header.from") == from_domain.lower():
                return True
    return False


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    @api.model
    def _message_route_process(self, message, message_dict, routes):
        """What Odoo 18's gateway does not read, in the context for liaison
        requests: whether our mail server vouches for the sender (only then
        may an email stop a request's response clock). Automatic email
        (neither an answer nor answered) is flagged by
        mail_gateway_auto_submitted."""
        if any(route[0] == LIAISON for route in routes or ()):
            authserv_id = (
                self.env["ir.config_parameter"].sudo().get_param(AUTHSERV_PARAM)
            )
            if _sender_authenticated(message, authserv_id):
                self = self.with_context(excfp_sender_authenticated=True)
        return super()._message_route_process(message, message_dict, routes)

    @api.model
    def _detect_loop_sender(self, message, message_dict, routes):
        """Past core's loop thresholds an email to a liaison address is
        dropped without the bounce core sends back: a flood, or a forged
        sender, gets no answer at all."""
        if routes and all(route[0] == LIAISON for route in routes):
            self = self.with_context(excfp_no_loop_bounce=True)
        return super()._detect_loop_sender(message, message_dict, routes)

    @api.model
    def _routing_create_bounce_email(self, email_from, body_html, message, **values):
        if self.env.context.get("excfp_no_loop_bounce"):
            _logger.info("No loop notice sent back to %s (liaison address)", email_from)
            return
        return super()._routing_create_bounce_email(
            email_from, body_html, message, **values
        )
