# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ExcfpOpportunityStage(models.Model):
    """A stage of an ex situ opportunity: one of the five steps of the IUCN
    SSC Ex Situ Guidelines' decision process, or a closed stage (decided,
    dropped)."""

    _name = "excfp.opportunity.stage"
    _description = "Opportunity Stage"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    step = fields.Integer(
        help="The Guidelines' step (1 to 5) this stage is; 0 for a closed stage.",
    )
    guidance = fields.Html(
        translate=True, help="What the Guidelines ask at this step, shown on the form."
    )
    fold = fields.Boolean(string="Folded in Kanban")
    is_closed = fields.Boolean(
        string="Closed", help="The opportunity is decided or dropped."
    )
    is_dropped = fields.Boolean(
        string="Dropped",
        help="A closed stage for opportunities given up: always allowed, with a "
        "reason. A closed stage that is not this one records a decision.",
    )

    _sql_constraints = [
        (
            "step_range",
            "CHECK(step >= 0 AND step <= 5)",
            "A stage's step is one of the Guidelines' five (1 to 5), or 0.",
        ),
    ]

    @api.model
    def _rank(self, stage):
        """Where a stage stands in the Guidelines' order: its step, 6 for a
        decision (after step 5), None for dropped (no order: always
        allowed)."""
        if stage.is_dropped:
            return None
        return 6 if stage.is_closed else stage.step
