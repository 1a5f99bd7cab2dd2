# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from werkzeug.exceptions import NotFound

from odoo import http
from odoo.http import request
from odoo.tools import consteq, email_normalize

from .utils import clean_text, to_id

FORM = "exsitu_subscribe"


class ExsituSubscribe(http.Controller):
    """The public page where someone of the ex situ community subscribes to
    the SSC's ex situ mailings, confirmed by email (double opt-in)."""

    def _form_values(self, form=None, error=None, messages=None):
        env = request.env
        Partner = env["res.partner"]
        return {
            "form": form or {"network_ids": []},
            "error": error or {},
            "error_message": messages or [],
            "org_types": Partner._fields["exsitu_org_type"]._description_selection(env),
            "networks": env["excfp.exsitu.network"].sudo().search([]),
            # a new proof of work each time the page is shown
            "proof": env["excfp.form.throttle"].sudo()._new_challenge(),
        }

    @http.route(
        "/exsitu/subscribe",
        type="http",
        auth="public",
        methods=["GET", "POST"],
        website=True,
        sitemap=True,
    )
    def exsitu_subscribe(self, **post):
        if request.httprequest.method == "GET":
            return request.render(
                "excfp_odoo.exsitu_subscribe_page", self._form_values()
            )
        if clean_text(post.get("website_url")):
            # the field people do not see: a robot filled the form
            return request.render("excfp_odoo.exsitu_subscribe_sent", {})
        form = self._read_form(post)
        error, messages = request.env["excfp.mailing.optin"]._form_errors(form)
        if not error:
            error, messages = self._admit(post)
        if error:
            return request.render(
                "excfp_odoo.exsitu_subscribe_page",
                self._form_values(form, error, messages),
            )
        request.env["excfp.mailing.optin"].sudo()._request(
            {
                "email": email_normalize(form["email"], strict=True),
                "name": form["name"],
                "organisation": form["organisation"],
                "org_type": form["org_type"] or False,
                "network_ids": [(6, 0, form["network_ids"])],
                "lang": request.env.lang,
            }
        )
        # The same page whether the address is known or not: nothing to probe.
        return request.render("excfp_odoo.exsitu_subscribe_sent", {})

    def _read_form(self, post):
        networks = request.httprequest.form.getlist("network_ids")
        return {
            "name": clean_text(post.get("name")),
            "email": clean_text(post.get("email")),
            "organisation": clean_text(post.get("organisation")),
            "org_type": clean_text(post.get("org_type")),
            "network_ids": [to_id(value) for value in networks],
            "consent": bool(post.get("consent")),
        }

    def _admit(self, post):
        """The rate limit and proof of work, shared by every worker: the
        form's errors when refused."""
        refusal = (
            request.env["excfp.form.throttle"]
            .sudo()
            ._admit_post(FORM, post, request.httprequest.remote_addr)
        )
        return ({"proof": "error"}, [refusal]) if refusal else ({}, [])

    def _optin_from_token(self, token):
        token = clean_text(token)
        if not token or len(token) > 64:
            raise NotFound()
        optin = (
            request.env["excfp.mailing.optin"]
            .sudo()
            .search([("token", "=", token)], limit=1)
        )
        if not optin or not consteq(optin.token, token):
            raise NotFound()
        return optin

    @http.route(
        "/exsitu/subscribe/confirm",
        type="http",
        auth="public",
        methods=["GET", "POST"],
        website=True,
        sitemap=False,
    )
    def exsitu_subscribe_confirm(self, token=None, **kw):
        """The link of the email opens a page with a button: the click (a
        POST) confirms, not the link itself, which mail scanners follow."""
        optin = self._optin_from_token(token)
        if optin.state == "pending" and not optin._is_valid():
            return request.render("excfp_odoo.exsitu_subscribe_expired", {})
        if request.httprequest.method == "GET" and optin.state == "pending":
            return request.render(
                "excfp_odoo.exsitu_subscribe_confirm", {"token": optin.token}
            )
        optin._confirm()
        return request.render("excfp_odoo.exsitu_subscribe_confirmed", {})
