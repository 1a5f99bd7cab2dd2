# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ExcfpGroupRecordMixin(models.AbstractModel):
    """A record of an SSC group that its focal point handles: a liaison
    request, an ex situ opportunity, a collaboration. The focal point is the
    group's active one by default."""

    _name = "excfp.group.record.mixin"
    _description = "Record of an SSC Group"

    group_id = fields.Many2one(
        "excfp.specialist.group",
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    focal_point_id = fields.Many2one(
        "res.partner",
        compute="_compute_focal_point_id",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        help="The group's active Ex situ Focal Point by default.",
    )

    @api.depends("group_id")
    def _compute_focal_point_id(self):
        for record in self:
            record.focal_point_id = record.group_id.focal_point_ids[:1]
