# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import textwrap

from odoo import api, models
from odoo.tools import html2plaintext

from odoo.addons.excfp_odoo.const import GROUP_TYPES


class ExcfpSpecialistGroup(models.Model):
    """A group in the public directory: found by name, code, taxon or common
    name, described for search engines by its own scope, and showing its
    focal point only when they agreed to it."""

    _name = "excfp.specialist.group"
    _inherit = ["excfp.specialist.group", "website.seo.metadata"]

    @api.model
    def _directory_domain(self, search="", group_type=""):
        domain = [("active", "=", True)]
        if group_type in dict(GROUP_TYPES):
            domain.append(("group_type", "=", group_type))
        for word in (search or "").split()[:5]:
            domain += [
                "|",
                "|",
                "|",
                "|",
                ("name", "ilike", word),
                ("code", "ilike", word),
                ("taxon_group", "ilike", word),
                ("taxon_ids.name", "ilike", word),
                ("taxon_ids.common_names", "ilike", word),
            ]
        return domain

    def _directory_focal_point(self):
        """The active focal point if they agreed to be listed, else an empty
        recordset: the page then says the form reaches them."""
        self.ensure_one()
        focal_point = self.sudo().focal_point_ids[:1]
        return focal_point if focal_point.excfp_directory_consent else focal_point[:0]

    def _directory_description(self):
        self.ensure_one()
        text = self.scope or ", ".join(self.sudo().taxon_ids.mapped("name"))
        text = " ".join(html2plaintext(text or "").split())
        return textwrap.shorten(text, 160, placeholder="…")

    def _default_website_meta(self):
        meta = super()._default_website_meta()
        description = self._directory_description()
        if description:
            meta["default_opengraph"]["og:description"] = description
            meta["default_twitter"]["twitter:description"] = description
        return meta
