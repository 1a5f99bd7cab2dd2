# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class MailingContact(models.Model):
    _inherit = "mailing.contact"

    # Placeholders of audience mailings: <t t-out="object.excfp_group_names"/>
    excfp_partner_id = fields.Many2one(
        "res.partner",
        string="SSC Contact",
        compute="_compute_excfp_partner",
        help="The contact with this email in the SSC's records.",
    )
    excfp_lang = fields.Char(
        string="Language",
        compute="_compute_excfp_partner",
        help="The language of the SSC contact with this email: a mailing's "
        "translation in it is sent to this contact.",
    )
    excfp_group_names = fields.Char(
        string="SSC Groups",
        compute="_compute_excfp_placeholders",
        help="The SSC groups of this person: those they hold an active role in, "
        "and those they or their organisation work with.",
    )
    excfp_focal_point_names = fields.Char(
        string="Focal Points of their Groups",
        compute="_compute_excfp_placeholders",
    )

    @api.model
    def mail_allowed_qweb_expressions(self):
        # plain field reads: members of the secretariat who are not mail
        # template editors may use them in a mailing
        return (
            *super().mail_allowed_qweb_expressions(),
            "object.excfp_group_names",
            "object.excfp_focal_point_names",
        )

    def _compute_excfp_partner(self):
        """One query for a whole batch of recipients, none per contact."""
        emails = {email for email in self.mapped("email_normalized") if email}
        partners = (
            self.env["res.partner"]
            .sudo()
            .search([("email_normalized", "in", list(emails))], order="id")
        )
        by_email = {}
        for partner in partners:
            by_email.setdefault(partner.email_normalized, partner)
        for contact in self:
            partner = by_email.get(contact.email_normalized)
            contact.excfp_partner_id = partner
            contact.excfp_lang = partner.lang if partner else False

    @api.model
    def _excfp_groups_of(self, partners):
        """{partner: the groups they hold an active role in, or work with
        (themselves or their organisation)}."""
        roles = (
            self.env["excfp.role"]
            .sudo()
            .search([("partner_id", "in", partners.ids), ("state", "=", "active")])
        )
        groups_of = {}
        for role in roles:
            groups_of.setdefault(role.partner_id, set()).add(role.group_id)
        for partner in partners:
            worked_with = (
                partner.exsitu_group_ids
                | partner.commercial_partner_id.exsitu_group_ids
            )
            groups_of.setdefault(partner, set()).update(worked_with)
        return groups_of

    def _compute_excfp_placeholders(self):
        """A few queries for a whole batch of recipients, none per contact."""
        groups_of = self._excfp_groups_of(self.excfp_partner_id.sudo())
        all_groups = (
            self.env["excfp.specialist.group"]
            .sudo()
            .browse({group.id for groups in groups_of.values() for group in groups})
        )
        focal_points = (
            self.env["excfp.role"]
            .sudo()
            .search(
                [
                    ("group_id", "in", all_groups.ids),
                    ("role_type", "=", "focal_point"),
                    ("state", "=", "active"),
                ]
            )
        )
        # one active focal point per group (a database constraint)
        focal_point_of = {role.group_id: role.partner_id.name for role in focal_points}
        for contact in self:
            groups = sorted(
                groups_of.get(contact.excfp_partner_id.sudo(), ()),
                key=lambda g: g.name or "",
            )
            contact.excfp_group_names = ", ".join(g.name for g in groups)
            contact.excfp_focal_point_names = ", ".join(
                dict.fromkeys(focal_point_of[g] for g in groups if g in focal_point_of)
            )
