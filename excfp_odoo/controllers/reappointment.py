# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from werkzeug.exceptions import NotFound

from odoo import http
from odoo.http import request

from ..const import CHAIR_TYPES
from .portal import ExcfpPortal
from .utils import clean_text, to_id


class ExcfpReappointmentPortal(ExcfpPortal):
    """A new quadrennium on the portal: a group's Chairs and Co-Chairs keep
    or do not keep its people for the next term, and may propose a new focal
    point. What they may see is the record rule's (their groups, while they
    chair them); the decisions are the model's."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "excfp_reappointment_count" in counters:
            chairs = any(
                role_type in CHAIR_TYPES and state == "active"
                for role_type, state, _count in self._excfp_role_stats()
            )
            values["excfp_reappointment_count"] = (
                len(
                    self._excfp_chair_proposals().filtered(
                        lambda p: p.state == "proposed" and p.chair_decides
                    )
                )
                if chairs
                else 0
            )
        return values

    def _excfp_chair_proposals(self):
        # With the user's rights: the rule keeps them to the groups they chair.
        return request.env["excfp.reappointment"]._chair_proposals(
            self._excfp_partner()
        )

    def _excfp_chair_group(self, post):
        """The group and term of a form, once the user chairs the group (404
        otherwise: "not yours" and "does not exist" look the same)."""
        proposals = self._excfp_chair_proposals().filtered(
            lambda p: (
                p.group_id.id == to_id(post.get("group_id"))
                and p.term_id.id == to_id(post.get("term_id"))
            )
        )
        if not proposals:
            raise NotFound()
        return proposals

    def _prepare_excfp_reappointments_values(self, form=None, errors=None):
        proposals = self._excfp_chair_proposals().sudo()
        # a card a group and term (two future terms may be prepared)
        by_group = proposals.grouped(lambda p: (p.group_id, p.term_id))
        Role = request.env["excfp.role"].sudo()
        people = Role.search(
            [
                ("group_id", "in", proposals.group_id.ids),
                ("state", "in", ("nominated", "active")),
            ]
        )
        return {
            "groups": [
                {
                    "group": group,
                    "term": term,
                    "proposals": group_proposals,
                    "undecided": group_proposals.filtered(
                        lambda p: p.state == "proposed" and p.chair_decides
                    ),
                    "people": people.filtered(
                        lambda r, g=group: r.group_id == g
                    ).partner_id.sorted("name"),
                }
                for (group, term), group_proposals in by_group.items()
            ],
            "form": form or {},
            "error": errors or {},
            "error_message": list((errors or {}).values()),
        }

    @http.route(
        "/my/ssc/reappointments",
        type="http",
        auth="user",
        methods=["GET"],
        website=True,
    )
    def portal_my_ssc_reappointments(self, **kw):
        if not request.env["excfp.reappointment"].has_access("read"):
            return request.redirect("/my")
        values = self._prepare_excfp_reappointments_values()
        values["saved"] = bool(kw.get("saved"))
        return self._excfp_render(
            "excfp_odoo.portal_my_ssc_reappointments", "excfp_reappointments", values
        )

    @http.route(
        "/my/ssc/reappointments/<int:proposal_id>/decide",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_my_ssc_reappointment_decide(self, proposal_id, decision=None, **kw):
        proposal_sudo = self._excfp_document("excfp.reappointment", proposal_id)
        if proposal_sudo not in self._excfp_chair_proposals().sudo():
            raise NotFound()
        error = proposal_sudo._portal_decide(request.env.user, clean_text(decision))
        if error:
            values = self._prepare_excfp_reappointments_values(errors={"": error})
            return self._excfp_render(
                "excfp_odoo.portal_my_ssc_reappointments",
                "excfp_reappointments",
                values,
            )
        return request.redirect(
            f"/my/ssc/reappointments?saved=1#group-{proposal_sudo.group_id.id}"
        )

    @http.route(
        "/my/ssc/reappointments/keep-all",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_my_ssc_reappointments_keep_all(self, **post):
        proposals = self._excfp_chair_group(post).sudo()
        proposals.filtered("chair_decides")._keep_all(request.env.user)
        return request.redirect(
            f"/my/ssc/reappointments?saved=1#group-{proposals.group_id.id}"
        )

    @http.route(
        "/my/ssc/reappointments/focal-point",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_my_ssc_reappointments_focal_point(self, **post):
        proposals = self._excfp_chair_group(post)
        form = {
            "group_id": proposals.group_id.id,
            "partner_id": to_id(post.get("partner_id")),
            "name": clean_text(post.get("name")),
            "email": clean_text(post.get("email")),
        }
        _proposal, errors = (
            request.env["excfp.reappointment"]
            .sudo()
            ._portal_propose_focal_point(
                request.env.user, proposals.group_id, proposals.term_id, form
            )
        )
        if errors:
            values = self._prepare_excfp_reappointments_values(form, errors)
            return self._excfp_render(
                "excfp_odoo.portal_my_ssc_reappointments",
                "excfp_reappointments",
                values,
            )
        return request.redirect(
            f"/my/ssc/reappointments?saved=1#group-{proposals.group_id.id}"
        )
