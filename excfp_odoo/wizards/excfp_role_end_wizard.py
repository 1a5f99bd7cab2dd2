# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..const import END_REASONS


class ExcfpRoleEndWizard(models.TransientModel):
    """End roles with the date and the reason, noted on the group's chatter:
    the history says why a post became vacant."""

    _name = "excfp.role.end.wizard"
    _description = "End SSC Roles"

    role_ids = fields.Many2many("excfp.role", string="Roles", required=True)
    date_end = fields.Date(
        string="End Date", required=True, default=fields.Date.context_today
    )
    reason = fields.Selection(END_REASONS, required=True, default="term_ended")
    note = fields.Char()

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        context = self.env.context
        if "role_ids" in fields_list and context.get("active_model") == "excfp.role":
            ids = context.get("active_ids") or [context.get("active_id")]
            values["role_ids"] = [(6, 0, [i for i in ids if i])]
        return values

    def action_end(self):
        self.ensure_one()
        if self.date_end > fields.Date.context_today(self):
            raise UserError(
                self.env._(
                    "A role ends today at the latest. For an end still to come, set "
                    "the role's End Date: it ends by itself that day."
                )
            )
        roles = self.role_ids.filtered(lambda r: r.state != "ended")
        if not roles:
            return {"type": "ir.actions.act_window_close"}
        roles.write({"end_reason": self.reason})
        roles._end(self.date_end)
        reason = dict(self._fields["reason"]._description_selection(self.env))[
            self.reason
        ]
        bodies = {}
        for group, group_roles in roles.grouped("group_id").items():
            lines = Markup().join(
                Markup("<li>%s</li>") % role.display_name for role in group_roles
            )
            bodies[group.id] = Markup("%s<ul>%s</ul>%s") % (
                self.env._(
                    "Ended on %(date)s (%(reason)s):",
                    date=fields.Date.to_string(self.date_end),
                    reason=reason,
                ),
                lines,
                self.note or "",
            )
        roles.group_id._message_log_batch(bodies=bodies)
        return {"type": "ir.actions.act_window_close"}
