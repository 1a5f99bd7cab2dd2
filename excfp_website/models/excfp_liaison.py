# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from email.utils import formataddr

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
        sender = Partner._find_or_create_from_emails(
            [formataddr((form["name"], form["email"]))]
        )[0]
        if not sender.exsitu_org_type and form.get("org_type"):
            sender.exsitu_org_type = form["org_type"]
        if (
            not sender.parent_id
            and not sender.company_name
            and form.get("organisation")
        ):
            sender.company_name = form["organisation"]
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
