# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import uuid
from datetime import timedelta

from odoo import Command, api, fields, models

from .res_partner import ORG_TYPES

# A confirmation link is valid this long.
OPTIN_VALIDITY = timedelta(days=7)
# The confirmation email is not sent again for the same address sooner.
RESEND_DELAY = timedelta(minutes=10)


class ExcfpMailingOptin(models.Model):
    """Someone of the ex situ community asked, on the public subscription
    page, to receive the SSC's ex situ mailings: they are opted in once they
    confirm from the email sent to the address (double opt-in)."""

    _name = "excfp.mailing.optin"
    _description = "Mailing Opt-in Request"
    _order = "create_date desc, id desc"
    _rec_name = "email"

    email = fields.Char(required=True, readonly=True)
    name = fields.Char(readonly=True)
    organisation = fields.Char(readonly=True)
    org_type = fields.Selection(ORG_TYPES, string="Organisation Type", readonly=True)
    network_ids = fields.Many2many(
        "excfp.exsitu.network", string="Networks", readonly=True
    )
    lang = fields.Char(readonly=True)
    token = fields.Char(
        readonly=True, copy=False, default=lambda self: uuid.uuid4().hex, index=True
    )
    state = fields.Selection(
        [("pending", "Waiting for confirmation"), ("confirmed", "Confirmed")],
        default="pending",
        required=True,
        readonly=True,
    )
    date_confirmed = fields.Datetime(readonly=True)
    partner_id = fields.Many2one("res.partner", readonly=True, ondelete="set null")

    @api.model
    def _request(self, values):
        """Record the request and send the confirmation email. A request for
        the same email still pending is sent again, not duplicated."""
        request = self.search(
            [("email", "=", values["email"]), ("state", "=", "pending")], limit=1
        )
        if request and fields.Datetime.now() - request.write_date < RESEND_DELAY:
            # asked again at once: no more email (the form is no mail cannon)
            return request
        if request:
            request.write({**values, "token": uuid.uuid4().hex})
        else:
            request = self.create(values)
        template = self.env.ref("excfp_odoo.mail_template_mailing_optin")
        template.send_mail(
            request.id, email_layout_xmlid="mail.mail_notification_light"
        )
        return request

    def _is_valid(self):
        self.ensure_one()
        return fields.Datetime.now() - self.write_date <= OPTIN_VALIDITY

    def _confirm(self):
        """Opt the address in: its contacts, or a new one. A confirmed opt-in
        is the person's own choice again, so their earlier unsubscriptions from
        the audiences' lists are lifted (Odoo's blacklist is left as it is)."""
        self.ensure_one()
        if self.state == "confirmed":
            return self.partner_id
        Partner = self.env["res.partner"].with_context(excfp_consent_source="web_form")
        partners = Partner.search([("email_normalized", "=", self.email)])
        if not partners:
            partners = Partner.create(
                {
                    "name": self.name or self.email,
                    "email": self.email,
                    "company_name": self.organisation,
                    "exsitu_org_type": self.org_type,
                    "exsitu_network_ids": [Command.set(self.network_ids.ids)],
                    "lang": self.lang or False,
                    "exsitu_mailing_consent": "opted_in",
                }
            )
        else:
            partners.write({"exsitu_mailing_consent": "opted_in"})
        lists = self.env["excfp.audience"]._mailing_lists(
            [("source", "=", "community")]
        )
        self.env["mailing.subscription"].search(
            [
                ("list_id", "in", lists.ids),
                ("contact_id.email_normalized", "=", self.email),
                ("opt_out", "=", True),
            ]
        ).write({"opt_out": False})
        self.write(
            {
                "state": "confirmed",
                "date_confirmed": fields.Datetime.now(),
                "partner_id": partners[:1].id,
            }
        )
        return partners[:1]
