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
        help="Version of the document that was acknowledged; "
        "the document's current version when left empty.",
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
    is_current = fields.Boolean(
        string="Counts",
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

    @api.depends("version", "document_id.version")
    def _compute_is_current(self):
        for ack in self:
            ack.is_current = ack.version == ack.document_id.version

    @api.model_create_multi
    def create(self, vals_list):
        document_ids = {
            vals["document_id"]
            for vals in vals_list
            if vals.get("document_id") and not vals.get("version")
        }
        versions = {
            doc.id: doc.version
            for doc in self.env["excfp.governance.document"].browse(document_ids)
        }
        for vals in vals_list:
            if not vals.get("version") and vals.get("document_id"):
                vals["version"] = versions[vals["document_id"]]
        return super().create(vals_list)

    @api.depends("document_id.name", "version")
    def _compute_display_name(self):
        for ack in self:
            ack.display_name = self.env._(
                "%(document)s (version %(version)s)",
                document=ack.document_id.name,
                version=ack.version,
            )
