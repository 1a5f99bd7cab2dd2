# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager


class ExcfpPortal(CustomerPortal):
    """The SSC pages of the portal: a person's roles, first; governance,
    profile and liaison requests follow (issue 5)."""

    def _excfp_role_domain(self):
        # Record rules already limit portal users to their own roles; the
        # explicit domain keeps internal users (who see everything) to theirs.
        return [("partner_id", "=", request.env.user.partner_id.id)]

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "excfp_role_count" in counters:
            Role = request.env["excfp.role"]
            values["excfp_role_count"] = (
                Role.search_count(self._excfp_role_domain())
                if Role.has_access("read")
                else 0
            )
        return values

    def _excfp_role_sortings(self):
        env = request.env
        return {
            "term": {"label": env._("Term"), "order": "term_id desc, group_id, id"},
            "group": {"label": env._("Group"), "order": "group_id, term_id desc, id"},
            "role": {"label": env._("Role"), "order": "role_type, group_id, id"},
            "state": {"label": env._("Status"), "order": "state, group_id, id"},
        }

    @http.route(
        ["/my/ssc/roles", "/my/ssc/roles/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_ssc_roles(self, page=1, sortby=None, **kw):
        Role = request.env["excfp.role"]
        if not Role.has_access("read"):
            return request.redirect("/my")
        sortings = self._excfp_role_sortings()
        if sortby not in sortings:
            sortby = "term"
        domain = self._excfp_role_domain()
        pager = portal_pager(
            url="/my/ssc/roles",
            url_args={"sortby": sortby},
            total=Role.search_count(domain),
            page=page,
            step=self._items_per_page,
        )
        roles = Role.search(
            domain,
            order=sortings[sortby]["order"],
            limit=self._items_per_page,
            offset=pager["offset"],
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "roles": roles,
                "page_name": "excfp_roles",
                "default_url": "/my/ssc/roles",
                "pager": pager,
                "searchbar_sortings": sortings,
                "sortby": sortby,
            }
        )
        return request.render("excfp_odoo.portal_my_ssc_roles", values)
