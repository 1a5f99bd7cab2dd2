# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import is_html_empty, plaintext2html

from ..const import DECISIONS, EXPERIENCE_MAX_LENGTH, REDLIST_CATEGORIES
from ..utils import default_owner, responsible_user

# The notes a step keeps, which the group's focal point may write from the
# portal while the opportunity is at that step.
STEP_NOTES = {
    1: "status_review_notes",
    2: "roles_notes",
    3: "population_notes",
    4: "feasibility_notes",
}
NAME_MAX_LENGTH = 200


class ExcfpOpportunity(models.Model):
    """An opportunity for ex situ management to help a species (ToR s.3 d),
    taken through the five steps of the IUCN SSC Ex Situ Guidelines to an
    informed decision. Each step says what it needs before the opportunity
    moves past it, whatever the way in (kanban, form, import, RPC)."""

    _name = "excfp.opportunity"
    _description = "Ex situ Opportunity"
    _inherit = [
        "excfp.group.record.mixin",
        "portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "priority desc, sequence, id desc"
    # Members of the group discuss it in the portal chatter.
    _mail_post_access = "read"

    name = fields.Char(string="Opportunity", required=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    color = fields.Integer()
    priority = fields.Selection(
        [("0", "Normal"), ("1", "High")], default="0", tracking=True
    )
    species_name = fields.Char(string="Species", tracking=True, help="Scientific name.")
    common_name = fields.Char()
    redlist_category = fields.Selection(
        REDLIST_CATEGORIES, string="Red List Category", tracking=True
    )
    group_id = fields.Many2one(required=True)
    user_id = fields.Many2one(
        "res.users",
        string="Secretariat Owner",
        # whoever records it, unless that is the superuser (data, scripts)
        default=lambda self: responsible_user(self.env),
        tracking=True,
        domain=[("share", "=", False)],
    )
    exsitu_partner_ids = fields.Many2many(
        "res.partner",
        "excfp_opportunity_exsitu_partner_rel",
        "opportunity_id",
        "partner_id",
        string="Ex situ Partners",
        help="Ex situ organisations and people involved.",
    )
    insitu_partner_ids = fields.Many2many(
        "res.partner",
        "excfp_opportunity_insitu_partner_rel",
        "opportunity_id",
        "partner_id",
        string="In situ Partners",
    )
    stage_id = fields.Many2one(
        "excfp.opportunity.stage",
        default=lambda self: self._default_stage(),
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        copy=False,
        group_expand="_read_group_stage_ids",
    )
    step = fields.Integer(related="stage_id.step")
    is_closed = fields.Boolean(related="stage_id.is_closed")
    exsitu_role_ids = fields.Many2many(
        "excfp.exsitu.role",
        "excfp_opportunity_exsitu_role_rel",
        "opportunity_id",
        "role_id",
        string="Roles Considered",
    )
    chosen_role_ids = fields.Many2many(
        "excfp.exsitu.role",
        "excfp_opportunity_chosen_role_rel",
        "opportunity_id",
        "role_id",
        string="Roles Chosen",
    )
    status_review_notes = fields.Html(string="Status Review")
    roles_notes = fields.Html(string="Ex situ Roles")
    population_notes = fields.Html(string="Ex situ Population")
    feasibility_notes = fields.Html(string="Feasibility and Risks")
    decision = fields.Selection(DECISIONS, tracking=True)
    decision_rationale = fields.Html()
    decision_date = fields.Date(tracking=True, copy=False)
    drop_reason = fields.Text(tracking=True, copy=False)
    engagement_ids = fields.Many2many(
        "excfp.engagement",
        "excfp_engagement_opportunity_rel",
        "opportunity_id",
        "engagement_id",
        string="Collaborations",
    )
    engagement_count = fields.Integer(compute="_compute_engagement_count")

    def _default_stage(self):
        return self.env["excfp.opportunity.stage"].search([], limit=1)

    @api.model
    def _read_group_stage_ids(self, stages, domain):
        return stages.search([])

    def _compute_engagement_count(self):
        for opportunity in self:
            opportunity.engagement_count = len(opportunity.engagement_ids)

    def _compute_access_url(self):
        for opportunity in self:
            opportunity.access_url = f"/my/ssc/opportunities/{opportunity.id}"

    # ---- The Guidelines' steps ----

    def _missing_for(self, rank):
        """What this opportunity lacks to stand at ``rank`` (a stage's
        place, see excfp.opportunity.stage._rank): each earlier step's
        needs, and the decision's for a decision."""
        self.ensure_one()
        needs = [
            (
                2,
                is_html_empty(self.status_review_notes),
                self.env._("the status review (step 1)"),
            ),
            (2, not self.species_name, self.env._("the species (step 1)")),
            (
                3,
                not self.exsitu_role_ids,
                self.env._("an ex situ role considered (step 2)"),
            ),
            (
                4,
                is_html_empty(self.population_notes),
                self.env._("the ex situ population (step 3)"),
            ),
            (
                5,
                is_html_empty(self.feasibility_notes),
                self.env._("the feasibility and risks (step 4)"),
            ),
        ]
        missing = [
            label for needed_at, lacks, label in needs if rank >= needed_at and lacks
        ]
        if rank >= 6:
            missing += self._missing_for_decision()
        return missing

    def _missing_for_decision(self):
        self.ensure_one()
        missing = []
        if not self.decision:
            missing.append(self.env._("the decision (step 5)"))
        if is_html_empty(self.decision_rationale):
            missing.append(self.env._("the decision's rationale (step 5)"))
        if self.decision == "include":
            if not self.chosen_role_ids:
                missing.append(self.env._("a chosen ex situ role (step 5)"))
            elif self.chosen_role_ids - self.exsitu_role_ids:
                missing.append(
                    self.env._(
                        "%s among the roles considered (step 2)",
                        ", ".join(
                            (self.chosen_role_ids - self.exsitu_role_ids).mapped("name")
                        ),
                    )
                )
        return missing

    def _check_stage_moves(self, before):
        """Refuse a move forward with something missing; moving back or to
        a dropped stage is always allowed (the chatter tracks it)."""
        Stage = self.env["excfp.opportunity.stage"]
        errors = []
        for opportunity, old_stage in before.items():
            rank = Stage._rank(opportunity.stage_id)
            old_rank = (Stage._rank(old_stage) if old_stage else 1) or 0
            if rank is None or rank <= old_rank:
                continue
            missing = opportunity._missing_for(rank)
            if missing:
                errors.append(
                    self.env._(
                        "%(opportunity)s cannot move to %(stage)s yet. Missing: "
                        "%(missing)s.",
                        opportunity=opportunity.name,
                        stage=opportunity.stage_id.name,
                        missing="; ".join(missing),
                    )
                )
        if errors:
            raise ValidationError("\n".join(errors))

    @api.constrains(
        "decision", "decision_rationale", "chosen_role_ids", "exsitu_role_ids"
    )
    def _check_decided(self):
        """A decided opportunity keeps its decision complete."""
        Stage = self.env["excfp.opportunity.stage"]
        for opportunity in self:
            if Stage._rank(opportunity.stage_id) == 6:
                missing = opportunity._missing_for_decision()
                if missing:
                    raise ValidationError(
                        self.env._(
                            "%(opportunity)s is decided: it needs %(missing)s.",
                            opportunity=opportunity.name,
                            missing="; ".join(missing),
                        )
                    )

    def _stamp_decisions(self, before):
        """The decision date of those that were just decided."""
        Stage = self.env["excfp.opportunity.stage"]
        decided = self.filtered(
            lambda o: (
                Stage._rank(o.stage_id) == 6
                and (not before.get(o) or Stage._rank(before[o]) != 6)
            )
        )
        if decided:
            decided.write({"decision_date": fields.Date.context_today(self)})

    @api.model_create_multi
    def create(self, vals_list):
        opportunities = super().create(vals_list)
        before = dict.fromkeys(opportunities, None)
        opportunities._check_stage_moves(before)
        opportunities.filtered(lambda o: not o.decision_date)._stamp_decisions(before)
        return opportunities

    def write(self, vals):
        before = {o: o.stage_id for o in self} if "stage_id" in vals else {}
        res = super().write(vals)
        if before:
            self._check_stage_moves(before)
            if "decision_date" not in vals:
                self._stamp_decisions(before)
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_history(self):
        """Once past the first step, an opportunity is history: archived."""
        if any(o.stage_id.step != 1 for o in self):
            raise UserError(
                self.env._(
                    "An opportunity that has left the status review is kept: "
                    "archive it instead."
                )
            )

    # ---- Portal ----

    def _portal_notes_field(self):
        """The notes of the current step, or None (closed, or the decision:
        the secretariat records it)."""
        self.ensure_one()
        return None if self.stage_id.is_closed else STEP_NOTES.get(self.stage_id.step)

    def _is_led_by(self, partner):
        """``partner`` is a focal point (active or nominated) of the group."""
        self.ensure_one()
        roles = self.env["excfp.role"]._focal_point_roles_of(partner)
        return self.group_id in roles.group_id

    def _portal_update_notes(self, partner, text):
        """The current step's notes, written by the group's focal point from
        the portal; returns the form's error messages (none once saved)."""
        self.ensure_one()
        fname = self._portal_notes_field()
        if not fname or not self._is_led_by(partner):
            return [
                self.env._("These notes cannot be changed any more: reload the page.")
            ]
        if len(text) > EXPERIENCE_MAX_LENGTH:
            return [
                self.env._(
                    "Write the notes in at most %s characters.", EXPERIENCE_MAX_LENGTH
                )
            ]
        self.sudo().write({fname: plaintext2html(text) if text else False})
        self.sudo().message_post(
            body=self.env._(
                "%(person)s updated the notes of the step %(stage)s from the portal.",
                person=partner.name,
                stage=self.stage_id.name,
            ),
            author_id=partner.id,
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
        return []

    @api.model
    def _portal_propose(self, partner, form):
        """A new opportunity a focal point proposes for their group: it
        starts at the status review and its secretariat owner gets an
        activity. Returns (the opportunity, the form's errors by field)."""
        groups = self.env["excfp.role"]._focal_point_roles_of(partner).group_id
        errors = {}
        if not form["name"] or len(form["name"]) > NAME_MAX_LENGTH:
            errors["name"] = self.env._(
                "Name the opportunity in at most %s characters.", NAME_MAX_LENGTH
            )
        if len(form["species_name"]) > NAME_MAX_LENGTH:
            errors["species_name"] = self.env._(
                "Give the species in at most %s characters.", NAME_MAX_LENGTH
            )
        if form["group_id"] not in groups.ids:
            errors["group_id"] = self.env._("Choose one of your groups.")
        if form["redlist_category"] not in dict(REDLIST_CATEGORIES) | {"": ""}:
            errors["redlist_category"] = self.env._(
                "Choose a Red List category from the list."
            )
        if len(form["notes"]) > EXPERIENCE_MAX_LENGTH:
            errors["notes"] = self.env._(
                "Write the notes in at most %s characters.", EXPERIENCE_MAX_LENGTH
            )
        if errors:
            return self.browse(), errors
        owner = default_owner(self.env)
        opportunity = self.sudo().create(
            {
                "name": form["name"],
                "species_name": form["species_name"] or False,
                "redlist_category": form["redlist_category"] or False,
                "group_id": form["group_id"],
                "focal_point_id": partner.id,
                "user_id": owner.id,
                "status_review_notes": plaintext2html(form["notes"])
                if form["notes"]
                else False,
            }
        )
        opportunity.message_subscribe(partner_ids=partner.ids)
        opportunity.activity_schedule(
            "mail.mail_activity_data_todo",
            summary=self.env._("New opportunity proposed by %s", partner.name),
            user_id=owner.id,
        )
        return opportunity, {}

    # ---- Actions ----

    def action_drop(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Drop the opportunity"),
            "res_model": "excfp.opportunity.drop.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_opportunity_id": self.id},
        }

    def action_view_engagements(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "excfp_odoo.excfp_engagement_action"
        )
        action["domain"] = [("opportunity_ids", "in", self.ids)]
        action["context"] = {
            "default_opportunity_ids": self.ids,
            "default_group_id": self.group_id.id,
        }
        return action
