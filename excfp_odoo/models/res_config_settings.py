# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    excfp_liaison_response_days = fields.Integer(
        string="Response Target (working days)",
        config_parameter="excfp_odoo.liaison_response_days",
        default=10,
        help="Working days, in the company's working calendar, within which a "
        "liaison request should be answered.",
    )
    excfp_liaison_default_user_id = fields.Many2one(
        "res.users",
        string="Default Secretariat Owner",
        config_parameter="excfp_odoo.liaison_default_user_id",
        domain=[("share", "=", False)],
        help="Owner of new liaison requests, such as those arriving by email.",
    )

    @api.constrains("excfp_liaison_response_days")
    def _check_excfp_liaison_response_days(self):
        for settings in self:
            if settings.excfp_liaison_response_days < 1:
                raise ValidationError(
                    self.env._("The response target must be at least one working day.")
                )
