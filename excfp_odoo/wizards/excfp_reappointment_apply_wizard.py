# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ExcfpReappointmentApplyWizard(models.TransientModel):
    """Apply a term's kept proposals: each becomes a role of the new term,
    nominated, or active once the term has started when the secretariat
    chooses so. Declined and undecided proposals create nothing."""

    _name = "excfp.reappointment.apply.wizard"
    _description = "Apply the Reappointments"

    term_id = fields.Many2one("excfp.term", string="New Term", required=True)
    term_started = fields.Boolean(compute="_compute_counts")
    activate = fields.Boolean(
        string="Activate the Roles",
        help="Only once the term has started. Activating follows the usual rules: "
        "CPSG members get no new invitation, the onboarding plan is only for "
        "people who never had it.",
    )
    kept_count = fields.Integer(string="Kept", compute="_compute_counts")
    declined_count = fields.Integer(string="Not Kept", compute="_compute_counts")
    undecided_count = fields.Integer(string="Undecided", compute="_compute_counts")

    @api.depends("term_id")
    def _compute_counts(self):
        today = fields.Date.context_today(self)
        for wizard in self:
            counts = dict(
                self.env["excfp.reappointment"]._read_group(
                    [("term_id", "=", wizard.term_id.id)], ["state"], ["__count"]
                )
            )
            wizard.kept_count = counts.get("confirmed", 0)
            wizard.declined_count = counts.get("declined", 0)
            wizard.undecided_count = counts.get("proposed", 0)
            wizard.term_started = bool(
                wizard.term_id and wizard.term_id.date_start <= today
            )

    def action_apply(self):
        self.ensure_one()
        proposals = self.env["excfp.reappointment"].search(
            [("term_id", "=", self.term_id.id), ("state", "=", "confirmed")]
        )
        proposals._apply(activate=self.activate and self.term_started)
        return self.term_id.action_view_reappointments()
