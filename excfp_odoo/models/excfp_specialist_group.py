# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..const import CHAIR_TYPES, GROUP_TYPES


class ExcfpSpecialistGroup(models.Model):
    """An SSC Specialist Group, Task Force, Red List Authority or sub-group."""

    _name = "excfp.specialist.group"
    _description = "SSC Group"
    _inherit = ["mail.alias.mixin.optional", "mail.thread", "mail.activity.mixin"]
    _order = "name"
    _parent_store = True

    name = fields.Char(required=True, translate=True, tracking=True)
    code = fields.Char(
        required=True, tracking=True, help="Short unique code, such as ASG."
    )
    group_type = fields.Selection(
        GROUP_TYPES, string="Type", required=True, default="taxonomic_sg", tracking=True
    )
    taxon_group = fields.Char(help="Broad taxonomic or thematic area, such as Mammals.")
    taxon_ids = fields.Many2many(
        "excfp.taxon",
        "excfp_specialist_group_taxon_rel",
        "group_id",
        "taxon_id",
        string="Taxa",
        help="The taxa the group covers, with their common names: the public "
        "directory searches them and requests are routed by them.",
    )
    parent_id = fields.Many2one(
        "excfp.specialist.group",
        string="Parent Group",
        index=True,
        ondelete="restrict",
        help="For regional or thematic sub-groups.",
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many(
        "excfp.specialist.group", "parent_id", string="Sub-groups"
    )
    scope = fields.Text()
    website = fields.Char()
    email = fields.Char()
    color = fields.Integer(help="Colour of the group's card in the kanban view.")
    active = fields.Boolean(default=True, tracking=True)

    # ---- People ----
    role_ids = fields.One2many("excfp.role", "group_id", string="Roles")
    reappointment_ids = fields.One2many(
        "excfp.reappointment", "group_id", string="Reappointment Proposals"
    )
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
    # People's own names: contacts' display names start with their organisation.
    # A compute of their own: a list of groups shows the names, and setting
    # two many2many per group costs more than reading the page.
    chair_names = fields.Char(compute="_compute_people_names", compute_sudo=True)
    focal_point_name = fields.Char(
        string="Focal Point",
        compute="_compute_people_names",
        compute_sudo=True,
        help="The active focal point, or the nominee while the post is nominated.",
    )
    member_count = fields.Integer(
        string="People",
        compute="_compute_people_stats",
        store=True,
        help="People holding an active role in the group.",
    )
    role_count = fields.Integer(
        compute="_compute_role_count", groups="excfp_odoo.group_excfp_user"
    )
    exsitu_partner_ids = fields.Many2many(
        "res.partner",
        "excfp_group_exsitu_partner_rel",
        "group_id",
        "partner_id",
        string="Ex situ Partners",
        help="Zoos, aquariums, botanic gardens, biobanks and others, and their "
        "people, who work with this group.",
    )
    exsitu_partner_count = fields.Integer(compute="_compute_exsitu_partner_count")
    opportunity_count = fields.Integer(compute="_compute_one_plan_counts")
    engagement_count = fields.Integer(compute="_compute_one_plan_counts")
    liaison_ids = fields.One2many(
        "excfp.liaison",
        "group_id",
        string="Liaison Requests",
        groups="excfp_odoo.group_excfp_user",
    )
    liaison_open_count = fields.Integer(
        compute="_compute_liaison_open_count", groups="excfp_odoo.group_excfp_user"
    )
    person_id = fields.Many2one(
        "res.partner",
        compute="_compute_person_id",
        search="_search_person_id",
        help="Search groups by a person holding a role in them.",
    )

    # ---- Focal point coverage (ToR s.1) ----
    excfp_status = fields.Selection(
        [
            ("vacant", "Vacant"),
            ("nominated", "Nominated"),
            ("covered", "Covered"),
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

    @api.model
    def name_create(self, name):
        # A group needs its code: "Create" from a name alone cannot work.
        raise UserError(
            self.env._("A group needs a code as well as a name: use Create and edit.")
        )

    @api.depends("role_ids.state", "role_ids.role_type", "role_ids.partner_id")
    def _compute_people(self):
        Partner = self.env["res.partner"]
        for group, roles in self._key_roles().items():
            active = [r for r in roles if r.state == "active"]
            group.chair_ids = Partner.union(
                *(r.partner_id for r in active if r.role_type in CHAIR_TYPES)
            )
            group.focal_point_ids = Partner.union(
                *(r.partner_id for r in active if r.role_type == "focal_point")
            )

    @api.depends(
        "role_ids.state",
        "role_ids.role_type",
        "role_ids.partner_id",
        "role_ids.person_name",
    )
    def _compute_people_names(self):
        for group, roles in self._key_roles().items():
            # Names from the roles' own stored copy: no partner is read.
            chairs, focal_points, nominees = {}, {}, {}
            for role in roles:
                if role.role_type in CHAIR_TYPES and role.state == "active":
                    chairs[role.partner_id.id] = role.person_name
                elif role.role_type == "focal_point":
                    found = focal_points if role.state == "active" else nominees
                    found[role.partner_id.id] = role.person_name
            group.chair_names = ", ".join(chairs.values())
            if focal_points:
                group.focal_point_name = ", ".join(focal_points.values())
            elif nominees:
                group.focal_point_name = self.env._(
                    "%s (nominated)", ", ".join(nominees.values())
                )
            else:
                group.focal_point_name = False

    @api.depends(
        "role_ids.state",
        "role_ids.role_type",
        "role_ids.partner_id",
        "role_ids.active",
        "role_ids.term_id",
    )
    def _compute_people_stats(self):
        member_counts = self._member_counts()
        for group, roles in self._key_roles().items():
            active = [r for r in roles if r.state == "active"]
            focal_points = {
                r.partner_id for r in active if r.role_type == "focal_point"
            }
            chairs = {r.partner_id for r in active if r.role_type in CHAIR_TYPES}
            if focal_points:
                group.excfp_status = "covered"
            elif any(r.role_type == "focal_point" for r in roles):
                group.excfp_status = "nominated"
            else:
                group.excfp_status = "vacant"
            group.has_chair_conflict = bool(focal_points & chairs)
            group.member_count = member_counts[group]

    def _key_roles(self):
        """Open focal point and chair roles of each group: the few that decide
        its status, read without loading every member's role.

        Saved groups are read with one query; groups being edited in a form
        (new records) use their roles in memory.
        """
        key_types = ("focal_point", *CHAIR_TYPES)
        today = fields.Date.context_today(self)
        saved = self.filtered(lambda g: isinstance(g.id, int))
        result = {group: [] for group in self}
        if saved:
            roles = (
                self.env["excfp.role"]
                .sudo()
                .search_fetch(
                    [
                        ("group_id", "in", saved.ids),
                        ("role_type", "in", key_types),
                        # a nomination of a term that has ended has lapsed
                        "|",
                        ("state", "=", "active"),
                        "&",
                        ("state", "=", "nominated"),
                        ("term_id.date_end", ">=", today),
                    ],
                    ["group_id", "partner_id", "person_name", "role_type", "state"],
                )
            )
            for role in roles:
                result[self.browse(role.group_id.id)].append(role)
        for group in self - saved:
            result[group] = [
                r for r in group.role_ids if r.role_type in key_types and r._is_open()
            ]
        return result

    def _member_counts(self):
        """Distinct people with an active role, per group."""
        saved = self.filtered(lambda g: isinstance(g.id, int))
        counts = {}
        if saved:
            counts = dict(
                self.env["excfp.role"]
                .sudo()
                ._read_group(
                    [("group_id", "in", saved.ids), ("state", "=", "active")],
                    ["group_id"],
                    ["partner_id:count_distinct"],
                )
            )
        result = {group: counts.get(group, 0) for group in saved}
        for group in self - saved:
            active = group.role_ids.filtered(lambda r: r.state == "active")
            result[group] = len(active.partner_id)
        return result

    def _compute_role_count(self):
        counts = dict(
            self.env["excfp.role"]._read_group(
                [("group_id", "in", self.ids)], ["group_id"], ["__count"]
            )
        )
        for group in self:
            group.role_count = counts.get(group, 0)

    def _compute_liaison_open_count(self):
        counts = dict(
            self.env["excfp.liaison"]._read_group(
                [("group_id", "in", self.ids), ("state", "in", ("new", "in_progress"))],
                ["group_id"],
                ["__count"],
            )
        )
        for group in self:
            group.liaison_open_count = counts.get(group, 0)

    def _compute_one_plan_counts(self):
        counts = {}
        for model in ("excfp.opportunity", "excfp.engagement"):
            counts[model] = dict(
                self.env[model]._read_group(
                    [("group_id", "in", self.ids)], ["group_id"], ["__count"]
                )
            )
        for group in self:
            group.opportunity_count = counts["excfp.opportunity"].get(group, 0)
            group.engagement_count = counts["excfp.engagement"].get(group, 0)

    def _action_of_group(self, xml_id):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(xml_id)
        action["domain"] = [("group_id", "=", self.id)]
        action["context"] = {"default_group_id": self.id}
        return action

    def action_view_opportunities(self):
        return self._action_of_group("excfp_odoo.excfp_opportunity_action")

    def action_view_engagements(self):
        return self._action_of_group("excfp_odoo.excfp_engagement_action")

    def _compute_person_id(self):
        self.person_id = False

    def _search_person_id(self, operator, value):
        return [("role_ids.partner_id", operator, value)]

    @api.constrains("parent_id")
    def _check_parent_id(self):
        if self._has_cycle():
            raise ValidationError(self.env._("A group cannot be its own sub-group."))

    def _alias_get_creation_values(self):
        """Email to a group's alias becomes a liaison request of the group."""
        values = super()._alias_get_creation_values()
        values["alias_model_id"] = self.env["ir.model"]._get_id("excfp.liaison")
        if self.id:
            values["alias_defaults"] = repr({"group_id": self.id})
        return values

    def action_view_liaisons(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "excfp_odoo.excfp_liaison_action"
        )
        action["domain"] = [("group_id", "=", self.id)]
        action["context"] = {
            "default_group_id": self.id,
            "search_default_filter_open": 1,
        }
        return action

    def _compute_exsitu_partner_count(self):
        counts = dict(
            self.env["res.partner"]._read_group(
                [("exsitu_group_ids", "in", self.ids)],
                ["exsitu_group_ids"],
                ["__count"],
            )
        )
        for group in self:
            group.exsitu_partner_count = counts.get(group, 0)

    def action_view_exsitu_partners(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "excfp_odoo.res_partner_action_exsitu_community"
        )
        action["domain"] = [("exsitu_group_ids", "in", self.ids)]
        action["context"] = {"default_exsitu_group_ids": self.ids}
        action["display_name"] = self.env._("Ex situ partners of %s", self.name)
        return action

    def action_mail_exsitu_partners(self):
        """A mailing to the group's ex situ partners (opted in): through the
        group's own audience, created the first time."""
        self.ensure_one()
        Audience = self.env["excfp.audience"]
        audience = Audience.search(
            [("source", "=", "community"), ("group_ids", "=", self.id)]
        ).filtered(lambda a: a.group_ids == self and not a.network_ids)[:1]
        if not audience:
            audience = Audience.create(
                {
                    "name": self.env._("Ex situ partners of %s", self.name),
                    "source": "community",
                    "group_ids": [Command.set(self.ids)],
                }
            )
        return audience.action_new_mailing()

    def action_nominate_focal_point(self):
        """A new focal point role of the group, nominated for the current
        term, in a dialog."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Nominate a Focal Point"),
            "res_model": "excfp.role",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "default_group_id": self.id,
                "default_role_type": "focal_point",
            },
        }

    def action_view_roles(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "excfp_odoo.excfp_role_action"
        )
        action["domain"] = [("group_id", "=", self.id)]
        action["context"] = {
            "default_group_id": self.id,
            "search_default_filter_open": 1,
        }
        return action
