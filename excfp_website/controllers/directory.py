# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from werkzeug.exceptions import NotFound

from odoo import http
from odoo.http import request
from odoo.tools import email_normalize

from odoo.addons.excfp_odoo.controllers.utils import MAX_ID, clean_text, to_id

from ..models.excfp_liaison import FORM_LIMITS

FORM = "excfp_directory"
PER_PAGE = 20


def sitemap_groups(env, rule, qs):
    groups = env["excfp.specialist.group"].sudo().search([("active", "=", True)])
    for group in groups:
        loc = f"/ssc/focal-points/{env['ir.http']._slug(group)}"
        if not qs or qs.lower() in loc:
            yield {"loc": loc}


class ExcfpDirectory(http.Controller):
    """Find your focal point: the groups and their focal points on the
    public website, and a contact form that becomes a liaison request. The
    public user reads nothing itself: the group is read in sudo, and only
    what the page shows (never an email address or a phone number)."""

    # ---- The directory ----

    @http.route(
        ["/ssc/focal-points", "/ssc/focal-points/page/<int:page>"],
        type="http",
        auth="public",
        methods=["GET"],
        website=True,
        sitemap=True,
    )
    def directory(self, page=1, search="", group_type="", **kw):
        search = clean_text(search)[:100]
        group_type = clean_text(group_type)
        # a page from the query string is text ("²" is a digit to isdigit)
        page = page if isinstance(page, int) else to_id(page) or 1
        Group = request.env["excfp.specialist.group"].sudo()
        domain = Group._directory_domain(search, group_type)
        pager = request.website.pager(
            url="/ssc/focal-points",
            url_args={"search": search, "group_type": group_type},
            total=Group.search_count(domain),
            page=page,
            step=PER_PAGE,
        )
        groups = Group.search(
            domain, order="name, id", limit=PER_PAGE, offset=pager["offset"]
        )
        return request.render(
            "excfp_website.directory_page",
            {
                "groups": groups,
                "pager": pager,
                "search": search,
                "group_type": group_type,
                "group_types": self._group_type_labels(),
            },
        )

    def _group_type_labels(self):
        """The group types' labels in the visitor's language."""
        env = request.env
        Group = env["excfp.specialist.group"]
        return Group._fields["group_type"]._description_selection(env)

    # ---- A group and its contact form ----

    def _group(self, group_slug):
        """The group of a slug ("name-id"), read in sudo; 404 when there is
        none or it is archived. The public user may not read groups, so no
        model converter (it reads the record as the visitor)."""
        _name, group_id = request.env["ir.http"]._unslug(group_slug)
        if not group_id or not 0 < group_id <= MAX_ID:
            raise NotFound()
        group = request.env["excfp.specialist.group"].sudo().browse(group_id)
        if not group.exists() or not group.active:
            raise NotFound()
        return group

    def _form_values(self, group, form=None, errors=None):
        env = request.env
        values = {
            "group": group,
            "focal_point": group._directory_focal_point() if group else None,
            "form": form or {},
            "error": dict.fromkeys(errors or {}, "error"),
            "error_message": list((errors or {}).values()),
            "org_types": env["res.partner"]
            ._fields["exsitu_org_type"]
            ._description_selection(env),
            "proof": env["excfp.form.throttle"].sudo()._new_challenge(),
            "website_meta_description": group._directory_description() if group else "",
        }
        if group:  # the page's title and search-engine fields are the group's
            values["main_object"] = group
        return values

    def _read_form(self, post):
        return {name: clean_text(post.get(name)) for name in (*FORM_LIMITS, "org_type")}

    def _admit(self, post, form):
        refusal = (
            request.env["excfp.form.throttle"]
            .sudo()
            ._admit_post(
                FORM,
                post,
                request.httprequest.remote_addr,
                email=email_normalize(form["email"]),
            )
        )
        return {"proof": refusal} if refusal else {}

    def _contact(self, group, post):
        if request.httprequest.method == "GET":
            return request.render(
                "excfp_website.directory_group_page", self._form_values(group)
            )
        if clean_text(post.get("website_url")):
            # the field people do not see: a robot filled the form
            return self._sent(group)
        form = self._read_form(post)
        errors = request.env["excfp.liaison"]._directory_form_errors(
            form
        ) or self._admit(post, form)
        if errors:
            return request.render(
                "excfp_website.directory_group_page",
                self._form_values(group, form, errors),
            )
        form["email"] = email_normalize(form["email"], strict=True)
        request.env["excfp.liaison"].sudo()._receive_from_form(group, form)
        # The same page whoever wrote: nothing to learn about an address.
        return self._sent(group)

    def _sent(self, group):
        env = request.env
        if group:
            message = env._(
                "Your message is on its way to the %(group)s. We have sent you an "
                "acknowledgement by email: reply to it to add anything.",
                group=group.name,
            )
        else:
            message = env._(
                "Your message is on its way to the secretariat. We have sent you an "
                "acknowledgement by email: reply to it to add anything."
            )
        return request.render(
            "excfp_website.directory_sent", {"group": group, "sent_message": message}
        )

    @http.route(
        "/ssc/focal-points/<string:group_slug>",
        type="http",
        auth="public",
        methods=["GET", "POST"],
        website=True,
        sitemap=sitemap_groups,
    )
    def directory_group(self, group_slug, **post):
        return self._contact(self._group(group_slug), post)

    @http.route(
        "/ssc/focal-points/contact",
        type="http",
        auth="public",
        methods=["GET", "POST"],
        website=True,
        sitemap=True,
    )
    def directory_contact(self, **post):
        """The generic form: for whoever does not know the group."""
        return self._contact(request.env["excfp.specialist.group"].sudo(), post)
