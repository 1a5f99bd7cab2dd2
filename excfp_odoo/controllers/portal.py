# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from werkzeug.exceptions import Forbidden, NotFound

from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request
from odoo.tools import html2plaintext

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

from ..const import OPEN_STATES, TRAINING_STATES
from .utils import MAX_ID, clean_text, to_id


class ExcfpPortal(CustomerPortal):
    """The SSC pages of the portal: a person's roles and groups; for focal
    points, also governance acknowledgements, the ex situ profile and the
    liaison requests they answer. Reads go through the user's own access
    rights; changes run in sudo only after the controller checked that the
    record is the user's. As project's portal: each list page has one
    domain helper and one values helper; the rules are the models'."""

    # ---- Helpers ----

    def _excfp_partner(self):
        return request.env.user.partner_id

    def _excfp_focal_point(self):
        """The user's partner when they hold an active or nominated focal
        point role, else None: the focal point pages are theirs only."""
        partner = self._excfp_partner()
        roles = request.env["excfp.role"]._focal_point_roles_of(partner)
        return partner if roles else None

    def _excfp_document(self, model_name, record_id):
        """The record in sudo once the user may read it; 404 otherwise, the
        same for "not yours" and "does not exist" (nothing to enumerate)."""
        if not isinstance(record_id, int) or not 0 < record_id <= MAX_ID:
            raise NotFound()
        try:
            return self._document_check_access(model_name, record_id)
        except (AccessError, MissingError) as error:
            raise NotFound() from error

    @staticmethod
    def _excfp_web_url(url):
        """Only web addresses become links (no javascript: or data: URLs)."""
        return url if url and url.startswith(("https://", "http://")) else False

    def _excfp_list(self, model_name, domain, order, url, url_args, page):
        """One page of a list, with the user's rights, and core's pager.
        The page number is checked: core's pager takes "²" for a number."""
        Model = request.env[model_name]
        pager = portal_pager(
            url=url,
            url_args=url_args,
            total=Model.search_count(domain),
            page=page if isinstance(page, int) else to_id(page) or 1,
            step=self._items_per_page,
        )
        records = Model.search(
            domain, order=order, limit=self._items_per_page, offset=pager["offset"]
        )
        return records, pager

    def _excfp_render(self, template, page_name, values):
        layout = self._prepare_portal_layout_values()
        layout.update(values, page_name=page_name)
        return request.render(template, layout)

    # ---- Home ----

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "excfp_role_count" in counters:
            values["excfp_role_count"] = sum(
                count for _type, _state, count in self._excfp_role_stats()
            )
        return values

    def _excfp_role_stats(self):
        """The user's roles as (role type, state, count): one query a request,
        which the home's counters share (a Chair's card asks for it too)."""
        stats = getattr(request, "excfp_role_stats", None)
        if stats is None:
            Role = request.env["excfp.role"]
            stats = (
                Role._read_group(
                    self._excfp_role_domain(), ["role_type", "state"], ["__count"]
                )
                if Role.has_access("read")
                else []
            )
            request.excfp_role_stats = stats
        return stats

    @http.route()
    def home(self, **kw):
        response = super().home(**kw)
        focal_point = self._excfp_focal_point()
        if focal_point:
            response.qcontext.update(self._prepare_excfp_home_values(focal_point))
        return response

    def _prepare_excfp_home_values(self, focal_point):
        # The focal point's cards come with the page: their figures are the
        # checklist's, already read (a counter would read them again).
        env = request.env
        documents, outstanding = env["excfp.governance.document"]._required_for(
            focal_point
        )
        return {
            "excfp_checklist": env["excfp.role"]._onboarding_checklist(
                focal_point, documents, outstanding
            ),
            "excfp_ack_progress": f"{len(documents) - len(outstanding)} / "
            f"{len(documents)}",
            "excfp_open_request_count": env["excfp.liaison"].search_count(
                self._excfp_request_domain("open")
            ),
        }

    # ---- Roles and groups ----

    def _excfp_role_domain(self):
        # Record rules already limit portal users to their own roles; the
        # explicit domain keeps the secretariat (who see all) to theirs.
        return [("partner_id", "=", self._excfp_partner().id)]

    def _excfp_role_sortings(self):
        env = request.env
        return {
            "term": {"label": env._("Term"), "order": "term_start desc, group_id, id"},
            "group": {
                "label": env._("Group"),
                "order": "group_id, term_start desc, id",
            },
            "role": {"label": env._("Role"), "order": "role_type, group_id, id"},
            "state": {"label": env._("Status"), "order": "state, group_id, id"},
        }

    def _prepare_excfp_roles_values(self, page, sortby):
        sortings = self._excfp_role_sortings()
        sortby = sortby if sortby in sortings else "term"
        roles, pager = self._excfp_list(
            "excfp.role",
            self._excfp_role_domain(),
            sortings[sortby]["order"],
            "/my/ssc/roles",
            {"sortby": sortby},
            page,
        )
        return {
            # sudo after the search with the user's rights: names of groups
            # and terms they may not read on their own (an ended role's group)
            "roles": roles.sudo(),
            "default_url": "/my/ssc/roles",
            "pager": pager,
            "searchbar_sortings": sortings,
            "sortby": sortby,
        }

    @http.route(
        ["/my/ssc/roles", "/my/ssc/roles/page/<int:page>"],
        type="http",
        auth="user",
        methods=["GET"],
        website=True,
    )
    def portal_my_ssc_roles(self, page=1, sortby=None, **kw):
        if not request.env["excfp.role"].has_access("read"):
            return request.redirect("/my")
        values = self._prepare_excfp_roles_values(page, sortby)
        return self._excfp_render(
            "excfp_odoo.portal_my_ssc_roles", "excfp_roles", values
        )

    @http.route(
        "/my/ssc/groups/<int:group_id>",
        type="http",
        auth="user",
        methods=["GET"],
        website=True,
    )
    def portal_my_ssc_group(self, group_id, **kw):
        group_sudo = self._excfp_document("excfp.specialist.group", group_id)
        values = {
            "group": group_sudo,
            "group_url": self._excfp_web_url(group_sudo.website),
            # figures and names only: the requests and the partners' records
            # stay the focal point's and the secretariat's
            "open_request_count": request.env["excfp.liaison"]
            .sudo()
            .search_count(
                [("group_id", "=", group_sudo.id), ("state", "in", OPEN_STATES)]
            ),
            # the organisations, not their people
            "exsitu_partners": group_sudo.exsitu_partner_ids.filtered("is_company"),
        }
        return self._excfp_render(
            "excfp_odoo.portal_my_ssc_group", "excfp_group", values
        )

    # ---- Governance acknowledgements ----

    def _prepare_excfp_governance_values(self, partner, message):
        env = request.env
        Document = env["excfp.governance.document"]
        documents, outstanding = Document._required_for(partner)
        unavailable = Document._required_unavailable()
        listed = (documents | unavailable).sorted(lambda d: (d.sequence, d.id))
        categories = dict(Document._fields["category"]._description_selection(env))
        return {
            "documents_by_category": [
                (categories.get(category, category), docs)
                for category, docs in listed.grouped("category").items()
            ],
            "outstanding": outstanding,
            "unavailable": unavailable,
            "acknowledgements": {
                ack.document_id.id: ack
                for ack in env["excfp.acknowledgement"]._current_of(partner, documents)
            },
            "document_urls": {
                doc.id: self._excfp_web_url(doc.url)
                or (doc.file and f"/my/ssc/governance/{doc.id}/file")
                for doc in documents
            },
            "message": message,
        }

    @http.route(
        "/my/ssc/governance",
        type="http",
        auth="user",
        methods=["GET"],
        website=True,
    )
    def portal_my_ssc_governance(self, **kw):
        partner = self._excfp_focal_point()
        if not partner:
            return request.redirect("/my")
        values = self._prepare_excfp_governance_values(
            partner, clean_text(kw.get("message"))
        )
        return self._excfp_render(
            "excfp_odoo.portal_my_ssc_governance", "excfp_governance", values
        )

    @http.route(
        "/my/ssc/governance/acknowledge",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_my_ssc_governance_acknowledge(
        self, document_id=None, version=None, document_ids=None, **kw
    ):
        partner = self._excfp_focal_point()
        if not partner:
            raise Forbidden()
        documents, outstanding = request.env["excfp.governance.document"]._required_for(
            partner
        )
        if clean_text(document_id) == "all":
            # Only what the page listed, and only once the person said they
            # read each of them: a document added since is read first.
            if not kw.get("confirm"):
                return request.redirect("/my/ssc/governance?message=confirm")
            listed = {to_id(i) for i in clean_text(document_ids).split(",")}
            todo = outstanding.filtered(lambda doc: doc.id in listed)
        else:
            todo = documents.filtered(lambda doc: doc.id == to_id(document_id))
            if not todo:
                raise NotFound()
            if todo.version != clean_text(version):
                return request.redirect("/my/ssc/governance?message=new_version")
        acknowledged = request.env["excfp.acknowledgement"]._acknowledge(partner, todo)
        message = "acknowledged" if acknowledged else "nothing"
        return request.redirect(f"/my/ssc/governance?message={message}")

    @http.route(
        "/my/ssc/governance/<int:document_id>/file",
        type="http",
        auth="user",
        methods=["GET"],
    )
    def portal_my_ssc_governance_file(self, document_id, **kw):
        """The file of a document asked of the focal point, to read in the
        browser; other documents and other people get "not found"."""
        partner = self._excfp_focal_point()
        if not partner:
            raise NotFound()
        documents, _outstanding = request.env[
            "excfp.governance.document"
        ]._required_for(partner)
        document = documents.filtered(lambda doc: doc.id == document_id)
        if not document.file:
            raise NotFound()
        stream = request.env["ir.binary"]._get_stream_from(
            document, "file", filename_field="file_name"
        )
        # Read in the browser when a PDF; anything else (an HTML file, say)
        # is downloaded, never rendered on the portal's own site.
        return stream.get_response(as_attachment=stream.mimetype != "application/pdf")

    # ---- Ex situ profile ----

    def _excfp_profile_form(self, partner, post=None):
        """The profile form's content: what the user sent, else the
        partner's."""
        if post is None:
            return {
                "exsitu_org_type": partner.exsitu_org_type or "",
                "network_ids": partner.exsitu_network_ids.ids,
                "exsitu_experience": html2plaintext(partner.exsitu_experience or ""),
                "cpsg_training_state": partner.cpsg_training_state,
                "cpsg_answer": "",
                "directory_consent": partner.excfp_directory_consent,
            }
        networks = request.httprequest.form.getlist("network_ids")
        return {
            "exsitu_org_type": clean_text(post.get("exsitu_org_type")),
            "network_ids": [to_id(value) for value in networks],
            "exsitu_experience": clean_text(post.get("exsitu_experience")),
            "cpsg_training_state": clean_text(post.get("cpsg_training_state")),
            "cpsg_answer": clean_text(post.get("cpsg_answer")),
            "directory_consent": bool(post.get("directory_consent")),
        }

    def _prepare_excfp_profile_values(self, partner, form, error=None, messages=()):
        env = request.env
        Partner = env["res.partner"]
        training_states = Partner._fields["cpsg_training_state"]
        return {
            "partner": partner,
            "form": form,
            "error": error or {},
            "error_message": list(messages),
            "org_types": Partner._fields["exsitu_org_type"]._description_selection(env),
            "training_states": [
                (key, label)
                for key, label in training_states._description_selection(env)
                if key in TRAINING_STATES
            ],
            "networks": env["excfp.exsitu.network"].search([]),
        }

    @http.route(
        "/my/ssc/profile",
        type="http",
        auth="user",
        methods=["GET", "POST"],
        website=True,
    )
    def portal_my_ssc_profile(self, **post):
        partner = self._excfp_focal_point()
        is_post = request.httprequest.method == "POST"
        if not partner:
            if is_post:
                raise Forbidden()
            return request.redirect("/my")
        form = self._excfp_profile_form(partner, post if is_post else None)
        error, messages = {}, []
        if is_post:
            error, messages = request.env["excfp.portal.profile"]._save(partner, form)
            if not error:
                return request.redirect("/my/ssc/profile?saved=1")
        values = self._prepare_excfp_profile_values(partner, form, error, messages)
        values["saved"] = not is_post and bool(post.get("saved"))
        return self._excfp_render(
            "excfp_odoo.portal_my_ssc_profile", "excfp_profile", values
        )

    # ---- Liaison requests ----

    def _excfp_request_filters(self):
        env = request.env
        return {
            "all": {"label": env._("All"), "domain": []},
            "open": {
                "label": env._("Open"),
                "domain": [("state", "in", OPEN_STATES)],
            },
            "overdue": {
                "label": env._("Overdue"),
                "domain": [("is_overdue", "=", True)],
            },
            "answered": {
                "label": env._("Answered"),
                "domain": [("state", "in", ("answered", "closed"))],
            },
        }

    def _excfp_request_sortings(self):
        env = request.env
        return {
            "date": {"label": env._("Newest"), "order": "date_received desc, id desc"},
            "due": {"label": env._("Due date"), "order": "date_due, id"},
            "name": {"label": env._("Subject"), "order": "name, id"},
            "state": {"label": env._("Status"), "order": "state, date_due, id"},
        }

    def _excfp_request_inputs(self):
        env = request.env
        return {
            "name": {"input": "name", "label": env._("Search in Subject")},
            "counterpart": {
                "input": "counterpart",
                "label": env._("Search in Counterpart"),
            },
            "group": {"input": "group", "label": env._("Search in Group")},
        }

    def _excfp_request_domain(self, filterby="all", search_in="name", search=""):
        domain = [
            ("focal_point_id", "=", self._excfp_partner().id),
            *self._excfp_request_filters()[filterby]["domain"],
        ]
        if search and search_in == "counterpart":
            # The user's own requests still (rules apply on liaison): sudo
            # only finds the contacts by name, which portal users cannot.
            partners = (
                request.env["res.partner"].sudo()._search([("name", "ilike", search)])
            )
            domain.append(("counterpart_id", "in", partners))
        elif search:
            field = "group_id.name" if search_in == "group" else "name"
            domain.append((field, "ilike", search))
        return domain

    def _prepare_excfp_requests_values(self, page, sortby, filterby, search, search_in):
        filters = self._excfp_request_filters()
        sortings = self._excfp_request_sortings()
        inputs = self._excfp_request_inputs()
        filterby = filterby if filterby in filters else "open"
        sortby = sortby if sortby in sortings else "date"
        search_in = search_in if search_in in inputs else "name"
        search = clean_text(search)[:200]
        url_args = {
            "sortby": sortby,
            "filterby": filterby,
            "search": search,
            "search_in": search_in,
        }
        requests, pager = self._excfp_list(
            "excfp.liaison",
            self._excfp_request_domain(filterby, search_in, search),
            sortings[sortby]["order"],
            "/my/ssc/requests",
            url_args,
            page,
        )
        request.session["my_excfp_requests_history"] = requests.ids[:100]
        return {
            **url_args,
            # sudo: the user's own requests, found with their rights above;
            # the counterpart's name is shown, not the contact.
            "liaisons": requests.sudo(),
            "default_url": "/my/ssc/requests",
            "pager": pager,
            "searchbar_sortings": sortings,
            "searchbar_filters": filters,
            "searchbar_inputs": inputs,
        }

    @http.route(
        ["/my/ssc/requests", "/my/ssc/requests/page/<int:page>"],
        type="http",
        auth="user",
        methods=["GET"],
        website=True,
    )
    def portal_my_ssc_requests(
        self, page=1, sortby=None, filterby=None, search=None, search_in="name", **kw
    ):
        if not self._excfp_focal_point():
            return request.redirect("/my")
        values = self._prepare_excfp_requests_values(
            page, sortby, filterby, search, search_in
        )
        return self._excfp_render(
            "excfp_odoo.portal_my_ssc_requests", "excfp_requests", values
        )

    @http.route(
        "/my/ssc/requests/<int:request_id>",
        type="http",
        auth="user",
        methods=["GET"],
        website=True,
    )
    def portal_my_ssc_request(self, request_id, **kw):
        # No access token: the page is the focal point's (record rules), and
        # a token from a link that went elsewhere opens nothing.
        liaison_sudo = self._excfp_document("excfp.liaison", request_id)
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "excfp_request",
                "liaison": liaison_sudo,
                "can_answer": liaison_sudo.state in OPEN_STATES
                and liaison_sudo._is_answered_by(self._excfp_partner()),
                "message": clean_text(kw.get("message")),
            }
        )
        values = self._get_page_view_values(
            liaison_sudo, None, values, "my_excfp_requests_history", False
        )
        return request.render("excfp_odoo.portal_my_ssc_request", values)

    @http.route(
        "/my/ssc/requests/<int:request_id>/answer",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_my_ssc_request_answer(self, request_id, **kw):
        liaison_sudo = self._excfp_document("excfp.liaison", request_id)
        if not liaison_sudo._is_answered_by(self._excfp_partner()):
            raise Forbidden()
        # Answered once: a second submission finds it no longer open.
        message = "answered" if liaison_sudo.state in OPEN_STATES else "nothing"
        liaison_sudo.action_answer()
        return request.redirect(f"{liaison_sudo.access_url}?message={message}")
