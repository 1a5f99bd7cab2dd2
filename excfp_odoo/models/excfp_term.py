# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError


class ExcfpTerm(models.Model):
    """An SSC quadrennium: groups and memberships run from one IUCN World
    Conservation Congress to the next."""

    _name = "excfp.term"
    _description = "SSC Term"
    _order = "date_start desc"

    name = fields.Char(required=True, help="For example 2021-2025.")
    date_start = fields.Date(string="Start Date", required=True)
    date_end = fields.Date(string="End Date", required=True)
    is_current = fields.Boolean(
        string="Current Term",
        compute="_compute_is_current",
        search="_search_is_current",
        help="Today falls within this term.",
    )
    role_ids = fields.One2many("excfp.role", "term_id", string="Roles")
    # The turnover into this term (excfp.reappointment)
    reappointment_count = fields.Integer(
        string="Proposals", compute="_compute_turnover"
    )
    turnover_group_count = fields.Integer(
        string="Groups in the Turnover", compute="_compute_turnover"
    )
    turnover_undecided_group_count = fields.Integer(
        string="Groups to Decide", compute="_compute_turnover"
    )
    turnover_progress = fields.Float(
        string="Groups Decided (%)",
        compute="_compute_turnover",
        help="Share of the groups in the turnover whose every proposal is decided.",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("name_uniq", "unique(name)", "A term with this name already exists."),
    ]

    def _compute_turnover(self):
        """Groups in the turnover, and those whose Chairs still have to
        answer (a Chair's own proposal waits for the secretariat)."""
        Reappointment = self.env["excfp.reappointment"]
        groups, counts = {}, {}
        for term, group, count in Reappointment._read_group(
            [("term_id", "in", self.ids)], ["term_id", "group_id"], ["__count"]
        ):
            groups.setdefault(term.id, set()).add(group.id)
            counts[term.id] = counts.get(term.id, 0) + count
        undecided = {}
        for term, group in Reappointment._read_group(
            Reappointment._undecided_domain(self.ids), ["term_id", "group_id"]
        ):
            undecided.setdefault(term.id, set()).add(group.id)
        for term in self:
            total = len(groups.get(term.id, ()))
            left = len(undecided.get(term.id, ()))
            term.reappointment_count = counts.get(term.id, 0)
            term.turnover_group_count = total
            term.turnover_undecided_group_count = left
            term.turnover_progress = 100.0 * (total - left) / total if total else 0.0

    def action_prepare_turnover(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "excfp_odoo.excfp_reappointment_wizard_action"
        )
        action["context"] = {"default_term_id": self.id}
        return action

    def action_view_reappointments(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "excfp_odoo.excfp_reappointment_action"
        )
        action["domain"] = [("term_id", "=", self.id)]
        action["context"] = {
            "default_term_id": self.id,
            "search_default_groupby_group": 1,
        }
        return action

    def action_view_undecided_groups(self):
        """The groups whose Chairs still have to answer."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Groups to Decide (%s)", self.name),
            "res_model": "excfp.specialist.group",
            "view_mode": "list,form",
            "domain": [
                (
                    "reappointment_ids",
                    "any",
                    self.env["excfp.reappointment"]._undecided_domain(self.ids),
                )
            ],
        }

    def action_view_coverage(self):
        """Each group's focal point for this term: before it starts, what
        the Chairs kept, what they still have to decide, and the vacancies."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "excfp_odoo.excfp_coverage_report_action"
        )
        action["domain"] = [("term_id", "=", self.id)]
        action["views"] = [(False, "list"), (False, "pivot"), (False, "graph")]
        action["context"] = {"search_default_groupby_status": 1}
        return action

    def action_remind_chairs(self):
        """Write again to the Chairs of the groups still to decide."""
        self.ensure_one()
        if not self.env.user.has_group("excfp_odoo.group_excfp_user"):
            raise AccessError(self.env._("Only the secretariat reminds the Chairs."))
        Reappointment = self.env["excfp.reappointment"]
        groups = Reappointment._notify_chairs(Reappointment._undecided_groups(self))
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success" if groups else "info",
                "message": self.env._(
                    "The Chairs of %(count)s groups are reminded.", count=len(groups)
                )
                if groups
                else self.env._("No group with a Chair has proposals to decide."),
            },
        }

    def action_apply_turnover(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "excfp_odoo.excfp_reappointment_apply_wizard_action"
        )
        action["context"] = {"default_term_id": self.id}
        return action

    @api.depends("date_start", "date_end")
    def _compute_is_current(self):
        today = fields.Date.context_today(self)
        for term in self:
            term.is_current = bool(
                term.date_start
                and term.date_end
                and term.date_start <= today <= term.date_end
            )

    def _search_is_current(self, operator, value):
        if operator not in ("=", "!="):
            raise NotImplementedError(self.env._("Unsupported search on current term."))
        today = fields.Date.context_today(self)
        domain = [("date_start", "<=", today), ("date_end", ">=", today)]
        if (operator == "=") == bool(value):
            return domain
        return ["!", "&", *domain]

    @api.constrains("date_start", "date_end")
    def _check_no_overlap(self):
        for term in self:
            if term.date_end < term.date_start:
                raise ValidationError(
                    self.env._("The term %s cannot end before it starts.", term.name)
                )
            overlapping = self.search(
                [
                    ("id", "!=", term.id),
                    ("date_start", "<=", term.date_end),
                    ("date_end", ">=", term.date_start),
                ],
                limit=1,
            )
            if overlapping:
                raise ValidationError(
                    self.env._(
                        "The term %(term)s overlaps the term %(other)s: SSC terms "
                        "follow one another.",
                        term=term.name,
                        other=overlapping.name,
                    )
                )

    @api.model
    def _get_current(self):
        return self.search([("is_current", "=", True)], limit=1)
