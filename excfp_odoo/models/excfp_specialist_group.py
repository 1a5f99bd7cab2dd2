# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

GROUP_TYPES = [
    ("taxonomic_sg", "Taxonomic Specialist Group"),
    ("disciplinary_sg", "Disciplinary Specialist Group"),
    ("task_force", "Task Force"),
    ("red_list_authority", "Red List Authority"),
    ("stand_alone", "Stand-alone Group"),
]


class ExcfpSpecialistGroup(models.Model):
    """An SSC Specialist Group, Task Force, Red List Authority or sub-group."""

    _name = "excfp.specialist.group"
    _description = "SSC Group"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "name"
    _parent_store = True

    name = fields.Char(required=True, translate=True, tracking=True)
    code = fields.Char(required=True, tracking=True, help="Short unique code, such as ASG.")
    group_type = fields.Selection(
        GROUP_TYPES, string="Type", required=True, default="taxonomic_sg", tracking=True
    )
    taxon_group = fields.Char(help="Broad taxonomic or thematic area, such as Mammals.")
    parent_id = fields.Many2one(
        "excfp.specialist.group",
        string="Parent Group",
        index=True,
        ondelete="restrict",
        help="For regional or thematic sub-groups.",
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("excfp.specialist.group", "parent_id", string="Sub-groups")
    scope = fields.Text()
    website = fields.Char()
    email = fields.Char()
    color = fields.Integer()
    active = fields.Boolean(default=True, tracking=True)

    # ---- People ----
    role_ids = fields.One2many("excfp.role", "group_id", string="Roles")
    chair_ids = fields.Many2many(
        "res.partner",
        string="Chairs",
        compute="_compute_people",
        compute_sudo=True,
        help="People holding an active Chair or Co-Chair role.",
    )
    focal_point_ids = fields.Many2many(
        "res.partner",
        string="Focal Points",
        compute="_compute_people",
        compute_sudo=True,
        help="People holding an active Ex situ Conservation Focal Point role.",
    )
    member_count = fields.Integer(
        string="People",
        compute="_compute_people_stats",
        store=True,
        help="People holding an active role in the group.",
    )
    role_count = fields.Integer(compute="_compute_role_count")

    # ---- Focal point coverage (ToR s.1) ----
    excfp_status = fields.Selection(
        [
            ("covered", "Covered"),
            ("nominated", "Nominated"),
            ("vacant", "Vacant"),
        ],
        string="Focal Point Status",
        compute="_compute_people_stats",
        store=True,
        tracking=True,
    )
    has_chair_conflict = fields.Boolean(
        string="Chair Conflict",
        compute="_compute_people_stats",
        store=True,
        help="The active focal point also holds an active Chair or Co-Chair role in "
        "this group, which the Terms of Reference strongly discourage.",
    )

    _sql_constraints = [
        ("code_uniq", "unique(code)", "A group with this code already exists."),
    ]

    @api.depends("role_ids.state", "role_ids.role_type", "role_ids.partner_id")
    def _compute_people(self):
        for group in self:
            active_roles = group.role_ids.filtered(lambda r: r.state == "active")
            group.chair_ids = active_roles.filtered(
                lambda r: r.role_type in ("chair", "co_chair")
            ).partner_id
            group.focal_point_ids = active_roles.filtered(
                lambda r: r.role_type == "focal_point"
            ).partner_id

    @api.depends(
        "role_ids.state", "role_ids.role_type", "role_ids.partner_id", "role_ids.active"
    )
    def _compute_people_stats(self):
        for group in self:
            roles = group.role_ids
            active_roles = roles.filtered(lambda r: r.state == "active")
            focal_points = active_roles.filtered(lambda r: r.role_type == "focal_point")
            chairs = active_roles.filtered(lambda r: r.role_type in ("chair", "co_chair"))
            if focal_points:
                group.excfp_status = "covered"
            elif roles.filtered(
                lambda r: r.role_type == "focal_point" and r.state == "nominated"
            ):
                group.excfp_status = "nominated"
            else:
                group.excfp_status = "vacant"
            group.has_chair_conflict = bool(focal_points.partner_id & chairs.partner_id)
            group.member_count = len(active_roles.partner_id)

    def _compute_role_count(self):
        counts = dict(
            self.env["excfp.role"]._read_group(
                [("group_id", "in", self.ids)], ["group_id"], ["__count"]
            )
        )
        for group in self:
            group.role_count = counts.get(group, 0)

    @api.constrains("parent_id")
    def _check_parent_id(self):
        if self._has_cycle():
            raise ValidationError(self.env._("A group cannot be its own sub-group."))

    def action_view_roles(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "excfp_odoo.excfp_role_action"
        )
        action["domain"] = [("group_id", "=", self.id)]
        action["context"] = {"default_group_id": self.id, "search_default_filter_open": 1}
        return action
