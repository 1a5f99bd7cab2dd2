# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from ..const import GROUP_TYPES


class ExcfpNetworkReportWizard(models.TransientModel):
    """Print the state of the ExCFP network for the SSC Steering Committee:
    a term (or dates within it), a group type or all, in a language."""

    _name = "excfp.network.report.wizard"
    _description = "State of the ExCFP Network Report"

    @api.model
    def _lang_selection(self):
        return self.env["res.lang"].get_installed()

    term_id = fields.Many2one(
        "excfp.term",
        required=True,
        default=lambda self: self.env["excfp.term"]._get_current(),
    )
    date_from = fields.Date(help="The term's start when empty.")
    date_to = fields.Date(help="The term's end when empty.")
    group_type = fields.Selection(GROUP_TYPES, help="All group types when empty.")
    lang = fields.Selection(
        "_lang_selection",
        string="Language",
        required=True,
        default=lambda self: self.env.lang or "en_US",
    )

    def _figures(self):
        self.ensure_one()
        if self.date_from and self.date_to and self.date_to < self.date_from:
            raise UserError(self.env._("The report's end comes before its start."))
        return (
            self.env["excfp.network.report"]
            .with_context(lang=self.lang)
            ._figures(
                self.term_id,
                group_type=self.group_type,
                date_from=self.date_from,
                date_to=self.date_to,
            )
        )

    def action_print(self):
        self.ensure_one()
        self._figures()  # a wrong range is said here, not in the PDF renderer
        return self.env.ref("excfp_odoo.action_report_network").report_action(self)
