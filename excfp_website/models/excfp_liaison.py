# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import api, models
from odoo.tools import email_normalize, plaintext2html

from odoo.addons.excfp_odoo.const import ORG_TYPES

# What the directory's form takes, in characters.
FORM_LIMITS = {
    "name": 200,
    "email": 254,
    "organisation": 200,
    "subject": 200,
    "message": 5000,
}


class ExcfpLiaison(models.Model):
    _inherit = "excfp.liaison"

    @api.model
    def _directory_form_errors(self, form):
        """The directory form's rules: {field: message}, empty when right."""
        env = self.env
        errors = {}
        for name, label in (
            ("name", env._("Your name")),
            ("email", env._("Your email")),
            ("subject", env._("The subject")),
            ("message", env._("Your message")),
        ):
            if not form[name]:
                errors[name] = env._("%s is required.", label)
        for name, limit in FORM_LIMITS.items():
            if len(form[name]) > limit:
                errors[name] = env._(
                    "At most %(limit)s characters, please (%(count)s now).",
                    limit=limit,
                    count=len(form[name]),
                )
        if form["email"] and not email_normalize(form["email"], strict=True):
            errors["email"] = env._("This email address does not look right.")
        if form["org_type"] and form["org_type"] not in dict(ORG_TYPES):
            errors["org_type"] = env._("Choose your organisation's type from the list.")
        return errors

    @api.model
    def _receive_from_form(self, group, form):
        """A request from the directory's contact form, made as an email to
        the group's address makes it: the sender found or created as a
        contact, the message in the thread as theirs (the focal point, a
        follower, gets it), the clock started; the sender gets an
        acknowledgement they can answer in the same thread. With no group
        (the generic form) it is routed by its text."""
        Partner = self.env["res.partner"]
        # A known address is that contact, left as it is (anyone can type an
        # address into a public form); a new one is created with what it said.
        sender = Partner.search([("email_normalized", "=", form["email"])], limit=1)
        if not sender:
            sender = Partner.create(
                {
                    "name": form["name"],
                    "email": form["email"],
                    "exsitu_org_type": form.get("org_type") or False,
                    "company_name": form.get("organisation") or False,
                }
            )
        request = self.with_context(excfp_from_gateway=True).create(
            {
                "name": form["subject"],
                "group_id": group.id or False,
                "direction": "inbound",
                "counterpart_id": sender.id,
            }
        )
        body = plaintext2html(form["message"])
        if form.get("organisation"):
            body = Markup("%s<p><em>%s</em></p>") % (
                body,
                self.env._("Organisation: %s", form["organisation"]),
            )
        # As with an email, whoever filled the form may not own the address.
        body = Markup("%s<p><small>%s</small></p>") % (
            body,
            self.env._(
                "Sent from the public directory's form by %(name)s; the address "
                "was not verified.",
                name=form["name"],
            ),
        )
        request.with_context(excfp_liaison_opening=True).message_post(
            body=body,
            author_id=sender.id,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        if not request.group_id:
            request._route_by_text(f"{form['subject']}\n{form['message']}")
        request.with_context(
            mail_notify_force_send=False, excfp_liaison_notice=True
        ).message_post_with_source(
            "excfp_website.mail_template_directory_received",
            subtype_xmlid="mail.mt_note",
            partner_ids=sender.ids,
        )
        return request
