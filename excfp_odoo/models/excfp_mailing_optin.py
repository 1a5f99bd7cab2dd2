# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import uuid
from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.tools import email_normalize

from ..const import ORG_TYPES

# A confirmation link is valid this long after its last email.
OPTIN_VALIDITY = timedelta(days=7)
# The confirmation email is not sent again for the same address sooner, nor
# more than MAX_SENDS times for one request: the form is no mail cannon.
RESEND_DELAY = timedelta(minutes=10)
MAX_SENDS = 3
# Requests never confirmed are forgotten (personal data without consent).
UNCONFIRMED_KEPT = timedelta(days=30)
# The public form's text fields (name, organisation, email) at most.
FORM_MAX_LENGTH = 200


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
    # Whoever reads the token can confirm for the person: the system only.
    token = fields.Char(
        readonly=True,
        copy=False,
        default=lambda self: uuid.uuid4().hex,
        index=True,
        groups="base.group_system",
    )
    state = fields.Selection(
        [("pending", "Waiting for confirmation"), ("confirmed", "Confirmed")],
        default="pending",
        required=True,
        readonly=True,
    )
    date_sent = fields.Datetime(
        string="Last Email", readonly=True, copy=False, default=fields.Datetime.now
    )
    send_count = fields.Integer(string="Emails Sent", readonly=True, copy=False)
    date_confirmed = fields.Datetime(readonly=True)
    partner_id = fields.Many2one("res.partner", readonly=True, ondelete="set null")

    @api.model
    def _form_errors(self, form):
        """What is wrong with the public subscription form: Odoo's portal
        form errors, a dict of fields and a list of messages."""
        env = self.env
        errors = []
        if not email_normalize(form["email"], strict=True):
            errors.append(("email", env._("Enter a valid email address.")))
        for field in ("name", "organisation", "email"):
            if len(form[field]) > FORM_MAX_LENGTH:
                message = env._("Keep each field under %s characters.", FORM_MAX_LENGTH)
                errors.append((field, message))
                break
        errors += (
            env["excfp.exsitu.network"]
            ._choice_errors(form["org_type"], form["network_ids"])
            .items()
        )
        if not form["consent"]:
            message = env._("Tick the box to agree to receive the mailings.")
            errors.append(("consent", message))
        return dict.fromkeys(dict(errors), "error"), [message for _f, message in errors]

    @api.model
    def _request(self, values):
        """Record the request and send the confirmation email. A request for
        the same email still pending and valid is sent again with the same
        link (an earlier email keeps working), not duplicated, and keeps what
        was first asked: someone else cannot rewrite it before the person
        confirms. An expired one starts again with a new link."""
        request = self.search(
            [("email", "=", values["email"]), ("state", "=", "pending")], limit=1
        )
        now = fields.Datetime.now()
        if request and request._is_valid():
            if (
                now - request.date_sent < RESEND_DELAY
                or request.send_count >= MAX_SENDS
            ):
                return request
            request.date_sent = now
        elif request:
            request.write(
                {**values, "date_sent": now, "send_count": 0, "token": uuid.uuid4().hex}
            )
        else:
            request = self.create({**values, "date_sent": now})
        template = self.env.ref("excfp_odoo.mail_template_mailing_optin")
        template.send_mail(
            request.id, email_layout_xmlid="mail.mail_notification_light"
        )
        request.send_count += 1
        return request

    def _is_valid(self):
        self.ensure_one()
        return fields.Datetime.now() - self.date_sent <= OPTIN_VALIDITY

    @api.model
    def _cron_forget_unconfirmed(self):
        """Daily: requests never confirmed go after UNCONFIRMED_KEPT; the
        confirmed ones stay, as the record of the person's consent."""
        self.search(
            [
                ("state", "=", "pending"),
                ("date_sent", "<", fields.Datetime.now() - UNCONFIRMED_KEPT),
            ]
        ).unlink()

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
        self.env["excfp.audience"]._subscriptions_of(
            [self.email], opt_out=True, domain=[("source", "=", "community")]
        ).write({"opt_out": False})
        self.write(
            {
                "state": "confirmed",
                "date_confirmed": fields.Datetime.now(),
                "partner_id": partners[:1].id,
            }
        )
        return partners[:1]
