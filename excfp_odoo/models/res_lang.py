# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class ResLang(models.Model):
    _inherit = "res.lang"

    @api.model
    def _excfp_install_languages(self, codes):
        """Make languages available as Settings > Languages > Add does
        (base.language.install): active, with every installed module's
        translations loaded. Writing ``active`` alone leaves Odoo's own
        screens in English."""
        for code in codes:
            self._activate_lang(code)
        self.env["ir.module.module"].search(
            [("state", "=", "installed")]
        )._update_translations(codes)
