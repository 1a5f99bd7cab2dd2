# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError


class ExcfpOpportunityDropWizard(models.TransientModel):
    """Give up an opportunity, saying why: the reason stays in its chatter."""

    _name = "excfp.opportunity.drop.wizard"
    _description = "Drop an Opportunity"

    opportunity_id = fields.Many2one("excfp.opportunity", required=True)
    reason = fields.Text(required=True)

    def action_drop(self):
        self.ensure_one()
        stage = self.env["excfp.opportunity.stage"].search(
            [("is_dropped", "=", True)], limit=1
        )
        if not stage:
            raise UserError(self.env._("There is no stage for dropped opportunities."))
        self.opportunity_id.write({"stage_id": stage.id, "drop_reason": self.reason})
        return {"type": "ir.actions.act_window_close"}
