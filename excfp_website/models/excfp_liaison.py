# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import api, models
from odoo.tools import plaintext2html


class ExcfpLiaison(models.Model):
    _inherit = "excfp.liaison"

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
