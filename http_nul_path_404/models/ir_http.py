# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.http import request


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    @classmethod
    def _serve_fallback(cls):
        # Core looks an unknown path up among attachments; with a NUL in it
        # (".../%00") PostgreSQL refuses the query and the visitor gets a 500.
        # No attachment has such a URL: answer "not found" instead.
        if "\x00" in request.httprequest.path:
            return None
        return super()._serve_fallback()
