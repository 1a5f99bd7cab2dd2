# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError


class ExcfpAcknowledgeWizard(models.TransientModel):
    """Record, in one step, that a person read the documents still
    outstanding (a signed form, an email, a meeting), with the evidence."""

    _name = "excfp.acknowledge.wizard"
    _description = "Acknowledge Outstanding Documents"

    partner_id = fields.Many2one("res.partner", string="Person", required=True)
    document_ids = fields.Many2many(
        "excfp.governance.document",
        string="Documents",
        compute="_compute_document_ids",
        store=True,
        readonly=False,
        domain="[('is_available', '=', True)]",
    )
    channel = fields.Selection(
        [("back_office", "Back office"), ("email", "Email")],
        required=True,
        default="email",
        help="How the person told the secretariat they read the documents.",
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    evidence = fields.Binary(help="The signed form or the email, kept on the contact.")
    evidence_name = fields.Char()

    @api.depends("partner_id")
    def _compute_document_ids(self):
        for wizard in self:
            wizard.document_ids = (
                self.env["excfp.governance.document"]._required_for(wizard.partner_id)[
                    1
                ]
                if wizard.partner_id
                else False
            )

    def action_acknowledge(self):
        self.ensure_one()
        acks = self.env["excfp.acknowledgement"]._acknowledge(
            self.partner_id, self.document_ids, channel=self.channel
        )
        if not acks:
            raise UserError(
                self.env._(
                    "%s has already acknowledged the current version of these "
                    "documents.",
                    self.partner_id.name,
                )
            )
        attachment = self._evidence_attachment()
        acks.write({"date": self.date, "evidence_id": attachment.id})
        self._log(acks, attachment)
        return {"type": "ir.actions.act_window_close"}

    def _evidence_attachment(self):
        """The evidence uploaded, as an attachment of the person."""
        if not self.evidence:
            return self.env["ir.attachment"]
        return self.env["ir.attachment"].create(
            {
                "name": self.evidence_name or self.env._("Acknowledgement evidence"),
                "datas": self.evidence,
                "res_model": "res.partner",
                "res_id": self.partner_id.id,
            }
        )

    def _log(self, acks, attachments):
        channel = dict(self._fields["channel"]._description_selection(self.env))
        self.partner_id.message_post(
            body=Markup("%s<ul>%s</ul>")
            % (
                self.env._(
                    "Governance documents acknowledged (%(channel)s, %(date)s):",
                    channel=channel[self.channel],
                    date=fields.Date.to_string(self.date),
                ),
                Markup().join(
                    Markup("<li>%s (%s)</li>") % (ack.document_id.name, ack.version)
                    for ack in acks
                ),
            ),
            attachment_ids=attachments.ids,
        )
