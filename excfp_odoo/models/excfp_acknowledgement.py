# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ExcfpAcknowledgement(models.Model):
    """A person's statement that they have read one version of a document."""

    _name = "excfp.acknowledgement"
    _description = "Governance Acknowledgement"
    _order = "date desc, id desc"
    _rec_name = "document_id"

    partner_id = fields.Many2one(
        "res.partner", string="Person", required=True, index=True, ondelete="restrict"
    )
    document_id = fields.Many2one(
        "excfp.governance.document",
        required=True,
        index=True,
        ondelete="restrict",
    )
    version = fields.Char(
        required=True,
        compute="_compute_version",
        store=True,
        readonly=False,
        precompute=True,
        help="Version of the document that was acknowledged; "
        "the document's current version by default.",
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    channel = fields.Selection(
        [
            ("back_office", "Back office"),
            ("portal", "Portal"),
            ("email", "Email"),
        ],
        required=True,
        default="back_office",
    )
    evidence_id = fields.Many2one(
        "ir.attachment",
        ondelete="restrict",
        help="The signed form or the email that records it, kept on the contact.",
    )
    is_current = fields.Boolean(
        string="Current Version",
        compute="_compute_is_current",
        store=True,
        help="The acknowledged version is the document's current version.",
    )
    category = fields.Selection(related="document_id.category", store=True)

    _sql_constraints = [
        (
            "partner_document_version_uniq",
            "unique(partner_id, document_id, version)",
            "This person has already acknowledged this version of the document.",
        ),
    ]

    @api.depends("document_id")
    def _compute_version(self):
        for ack in self:
            ack.version = ack.version or ack.document_id.version

    @api.depends("version", "document_id.version")
    def _compute_is_current(self):
        for ack in self:
            ack.is_current = ack.version == ack.document_id.version

    @api.depends("document_id.name", "version")
    def _compute_display_name(self):
        for ack in self:
            if not ack.document_id:
                # a new acknowledgement, its document not chosen yet
                ack.display_name = self.env._("New Acknowledgement")
            elif not ack.version:
                ack.display_name = ack.document_id.name
            else:
                ack.display_name = self.env._(
                    "%(document)s (version %(version)s)",
                    document=ack.document_id.name,
                    version=ack.version,
                )
