# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from werkzeug.exceptions import Forbidden

from odoo import http
from odoo.http import request
from odoo.tools import html2plaintext

from ..const import REDLIST_CATEGORIES
from .portal import ExcfpPortal
from .utils import clean_text, to_id


class ExcfpOnePlanPortal(ExcfpPortal):
    """One Plan on the portal (ToR s.3 c and d): the opportunities and the
    collaborations of the user's groups; the group's focal point also writes
    the current step's notes and proposes opportunities. The rules are the
    opportunity's; this reads the form and shows its errors."""

    def _excfp_member_domain(self):
        # Record rules limit portal users already; the explicit domain keeps
        # the secretariat (who see all) to their own groups.
        partner = self._excfp_partner()
        return [
            (
                "group_id.role_ids",
                "any",
                [
                    ("partner_id", "=", partner.id),
                    "|",
                    ("state", "=", "active"),
                    "&",
                    ("role_type", "=", "focal_point"),
                    ("state", "=", "nominated"),
                ],
            )
        ]

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "excfp_opportunity_count" in counters:
            Opportunity = request.env["excfp.opportunity"]
            values["excfp_opportunity_count"] = (
                Opportunity.search_count(self._excfp_member_domain())
                if Opportunity.has_access("read")
                else 0
            )
        return values

    # ---- Opportunities ----

    def _prepare_excfp_opportunities_values(self, page):
        opportunities, pager = self._excfp_list(
            "excfp.opportunity",
            self._excfp_member_domain(),
            "stage_id, priority desc, id desc",
            "/my/ssc/opportunities",
            {},
            page,
        )
        partner = self._excfp_partner()
        return {
            # sudo after the search with the user's rights: the stages and
            # roles' names
            "opportunities": opportunities.sudo(),
            "pager": pager,
            "can_propose": bool(
                request.env["excfp.role"]._focal_point_roles_of(partner)
            ),
        }

    @http.route(
        ["/my/ssc/opportunities", "/my/ssc/opportunities/page/<int:page>"],
        type="http",
        auth="user",
        methods=["GET"],
        website=True,
    )
    def portal_my_ssc_opportunities(self, page=1, **kw):
        if not request.env["excfp.opportunity"].has_access("read"):
            return request.redirect("/my")
        values = self._prepare_excfp_opportunities_values(page)
        return self._excfp_render(
            "excfp_odoo.portal_my_ssc_opportunities", "excfp_opportunities", values
        )

    def _prepare_excfp_opportunity_values(
        self, opportunity_sudo, notes=None, errors=()
    ):
        fname = opportunity_sudo._portal_notes_field()
        can_edit = bool(fname) and opportunity_sudo._is_led_by(self._excfp_partner())
        if notes is None and fname:
            notes = html2plaintext(opportunity_sudo[fname] or "")
        return {
            "opportunity": opportunity_sudo,
            "notes_label": fname
            and opportunity_sudo._fields[fname].get_description(request.env)["string"],
            "can_edit": can_edit,
            "notes": notes or "",
            "error_message": list(errors),
        }

    @http.route(
        "/my/ssc/opportunities/<int:opportunity_id>",
        type="http",
        auth="user",
        methods=["GET", "POST"],
        website=True,
    )
    def portal_my_ssc_opportunity(self, opportunity_id, **post):
        opportunity_sudo = self._excfp_document("excfp.opportunity", opportunity_id)
        notes, errors = None, []
        if request.httprequest.method == "POST":
            notes = clean_text(post.get("notes"))
            errors = opportunity_sudo._portal_update_notes(self._excfp_partner(), notes)
            if not errors:
                return request.redirect(f"{opportunity_sudo.access_url}?saved=1")
        values = self._prepare_portal_layout_values()
        values.update(
            self._prepare_excfp_opportunity_values(opportunity_sudo, notes, errors),
            page_name="excfp_opportunity",
            saved=bool(post.get("saved")) and not errors,
        )
        values = self._get_page_view_values(
            opportunity_sudo, None, values, "my_excfp_opportunities_history", False
        )
        return request.render("excfp_odoo.portal_my_ssc_opportunity", values)

    def _excfp_proposal_form(self, post):
        return {
            "name": clean_text(post.get("name")),
            "species_name": clean_text(post.get("species_name")),
            "redlist_category": clean_text(post.get("redlist_category")),
            "group_id": to_id(post.get("group_id")),
            "notes": clean_text(post.get("notes")),
        }

    @http.route(
        "/my/ssc/opportunities/new",
        type="http",
        auth="user",
        methods=["GET", "POST"],
        website=True,
    )
    def portal_my_ssc_opportunity_new(self, **post):
        partner = self._excfp_focal_point()
        if not partner:
            if request.httprequest.method == "POST":
                raise Forbidden()
            return request.redirect("/my")
        form, errors = self._excfp_proposal_form(post), {}
        if request.httprequest.method == "POST":
            opportunity, errors = request.env["excfp.opportunity"]._portal_propose(
                partner, form
            )
            if opportunity:
                return request.redirect(opportunity.access_url)
        values = {
            "form": form,
            "error": dict.fromkeys(errors, "error"),
            "error_message": list(errors.values()),
            "groups": request.env["excfp.role"]._focal_point_roles_of(partner).group_id,
            "redlist_categories": REDLIST_CATEGORIES,
        }
        return self._excfp_render(
            "excfp_odoo.portal_my_ssc_opportunity_new", "excfp_opportunity_new", values
        )

    # ---- Collaborations ----

    @http.route(
        ["/my/ssc/collaborations", "/my/ssc/collaborations/page/<int:page>"],
        type="http",
        auth="user",
        methods=["GET"],
        website=True,
    )
    def portal_my_ssc_collaborations(self, page=1, **kw):
        if not request.env["excfp.engagement"].has_access("read"):
            return request.redirect("/my")
        engagements, pager = self._excfp_list(
            "excfp.engagement",
            self._excfp_member_domain() + [("state", "!=", "cancelled")],
            "date_start desc, id desc",
            "/my/ssc/collaborations",
            {},
            page,
        )
        values = {"engagements": engagements.sudo(), "pager": pager}
        return self._excfp_render(
            "excfp_odoo.portal_my_ssc_collaborations", "excfp_collaborations", values
        )
