# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.http import request


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    @classmethod
    def _serve_fallback(cls):
        # The website looks an unknown path up among its pages and redirects
        # after http_nul_path_404's check (it is loaded later); with a NUL in
        # the path PostgreSQL refuses that query. Not found, before it.
        if "\x00" in request.httprequest.path:
            return None
        return super()._serve_fallback()
