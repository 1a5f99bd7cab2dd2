# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .portal_common import ExcfpPortalCase


@tagged("post_install", "-at_install")
class TestPortalGovernance(ExcfpPortalCase):
    def _acks(self, user):
        return self.env["excfp.acknowledgement"].search(
            [("partner_id", "=", user.partner_id.id)]
        )

    def test_page_lists_documents_by_category(self):
        self.login(self.portal_a)
        response = self.url_open("/my/ssc/governance")
        self.assertEqual(response.status_code, 200)
        for document in self.documents:
            self.assertIn(document.name, response.text)
        for label in ("Governance Framework", "Terms of Reference", "Guidelines"):
            self.assertIn(label, response.text)
        self.assertEqual(
            response.text.count("o_excfp_ack_one"),
            len(self.documents),
            "all outstanding",
        )

    def test_acknowledge_one_twice_records_once(self):
        document = self.documents[0]
        self.login(self.portal_a)
        data = {"document_id": document.id, "version": document.version}
        for _attempt in range(2):
            response = self.post("/my/ssc/governance/acknowledge", data)
            self.assertEqual(response.status_code, 303)
        acks = self._acks(self.portal_a)
        self.assertEqual(len(acks), 1)
        self.assertEqual(
            (acks.document_id, acks.version, acks.channel),
            (document, document.version, "portal"),
        )
        page = self.url_open("/my/ssc/governance").text
        self.assertEqual(page.count("o_excfp_ack_one"), len(self.documents) - 1)
        # a new version is outstanding again
        document.version = "2099"
        page = self.url_open("/my/ssc/governance").text
        self.assertEqual(page.count("o_excfp_ack_one"), len(self.documents))
        # a form opened before the new version acknowledges nothing
        response = self.post("/my/ssc/governance/acknowledge", data)
        self.assertIn("message=new_version", response.headers["Location"])
        self.assertEqual(len(self._acks(self.portal_a)), 1)

    def test_acknowledge_all_outstanding(self):
        self.login(self.portal_a)
        self.post(
            "/my/ssc/governance/acknowledge",
            {"document_id": self.documents[0].id, "version": self.documents[0].version},
        )
        listed = ",".join(map(str, self.documents.ids))
        for _attempt in range(2):
            self.post(
                "/my/ssc/governance/acknowledge",
                {"document_id": "all", "document_ids": listed},
            )
        acks = self._acks(self.portal_a)
        self.assertEqual(acks.document_id, self.documents)
        self.assertEqual(len(acks), len(self.documents), "each once")
        self.assertTrue(self.portal_a.partner_id.sudo().governance_ack_complete)
        # the back office sees them, as the secretariat
        partner = self.portal_a.partner_id.with_user(self.secretariat)
        self.assertEqual(partner.governance_ack_ratio, 100)
        self.assertEqual(set(partner.acknowledgement_ids.mapped("channel")), {"portal"})
        page = self.url_open("/my/ssc/governance").text
        self.assertIn("You have acknowledged every document", page)

    def test_tampered_and_unprotected_posts_change_nothing(self):
        self.login(self.portal_a)
        # without, or with a wrong, CSRF token
        for token in (None, "0" * 40 + "o9999999999"):
            data = {
                "document_id": "all",
                "document_ids": ",".join(map(str, self.documents.ids)),
            }
            if token:
                data["csrf_token"] = token
            response = self.post("/my/ssc/governance/acknowledge", data, csrf=False)
            self.assertEqual(response.status_code, 400)
        # a document that does not exist or is not required
        optional = self.env["excfp.governance.document"].create(
            {
                "name": "Optional",
                "code": "opt",
                "version": "1",
                "required_for_focal_points": False,
            }
        )
        for document_id in ("999999999", "-1", "abc", str(optional.id), "", "9" * 30):
            response = self.post(
                "/my/ssc/governance/acknowledge",
                {"document_id": document_id, "version": "1"},
            )
            self.assertEqual(response.status_code, 404, document_id)
        # a partner id slipped into the form is ignored: the acknowledgement is the user's
        self.post(
            "/my/ssc/governance/acknowledge",
            {
                "document_id": self.documents[0].id,
                "version": self.documents[0].version,
                "partner_id": self.portal_b.partner_id.id,
            },
        )
        self.assertEqual(len(self._acks(self.portal_a)), 1)
        self.assertFalse(self._acks(self.portal_b))
        # GET on the action is not allowed
        response = self.url_open(
            "/my/ssc/governance/acknowledge", allow_redirects=False
        )
        self.assertEqual(response.status_code, 405)


@tagged("post_install", "-at_install")
class TestPortalProfile(ExcfpPortalCase):
    def _form(self, **values):
        networks = self.env["excfp.exsitu.network"].search([], limit=2)
        data = {
            "exsitu_org_type": "aquarium",
            "network_ids": networks.ids,
            "exsitu_experience": "Curator of amphibians\nsince 2004.",
            "cpsg_training_state": "enrolled",
            "cpsg_answer": "accept",
        }
        data.update(values)
        return data

    def test_profile_saved_and_logged_for_the_secretariat(self):
        partner = self.portal_a.partner_id
        self.assertEqual(partner.cpsg_status, "invited")
        followup = self.env.ref("excfp_odoo.mail_activity_type_cpsg_followup")
        self.assertTrue(
            partner.activity_ids.filtered(lambda a: a.activity_type_id == followup)
        )
        self.login(self.portal_a)
        page = self.url_open("/my/ssc/profile").text
        self.assertIn("I accept the invitation", page)
        response = self.post("/my/ssc/profile", self._form())
        self.assertEqual(response.status_code, 303)
        self.assertIn("saved=1", response.headers["Location"])
        self.assertEqual(partner.exsitu_org_type, "aquarium")
        self.assertEqual(len(partner.exsitu_network_ids), 2)
        self.assertIn("since 2004.", partner.exsitu_experience)
        self.assertEqual(partner.cpsg_training_state, "enrolled")
        self.assertEqual(partner.cpsg_status, "member")
        self.assertTrue(partner.cpsg_member_since)
        # the invitation's follow-up is closed, the change is in the chatter
        self.assertFalse(
            partner.activity_ids.filtered(lambda a: a.activity_type_id == followup)
        )
        note = partner.message_ids.filtered(
            lambda m: "updated from the portal" in (m.body or "")
        )
        self.assertEqual(len(note), 1)
        self.assertEqual(note.author_id, partner)
        self.assertIn("Ex situ Experience", note.body)
        tracked = partner.message_ids.tracking_value_ids.field_id.mapped("name")
        for name in ("cpsg_status", "cpsg_training_state", "exsitu_org_type"):
            self.assertIn(name, tracked)
        # saving the same again logs nothing more
        self.post("/my/ssc/profile", self._form(cpsg_answer=""))
        self.assertEqual(
            len(
                partner.message_ids.filtered(
                    lambda m: "updated from the portal" in (m.body or "")
                )
            ),
            1,
        )
        page = self.url_open("/my/ssc/profile?saved=1").text
        self.assertIn("Your profile is saved", page)
        self.assertIn(
            "You are a member of the Conservation Planning Specialist Group", page
        )

    def test_decline_the_invitation(self):
        self.login(self.portal_b)
        self.post("/my/ssc/profile", self._form(cpsg_answer="decline"))
        self.assertEqual(self.portal_b.partner_id.cpsg_status, "declined")
        # declining again, once declined, is a stale answer: a form message
        response = self.post("/my/ssc/profile", self._form(cpsg_answer="decline"))
        self.assertEqual(response.status_code, 200)
        self.assertIn("not possible any more", response.text)

    def test_errors_come_back_with_the_input_kept(self):
        partner = self.portal_a.partner_id
        self.login(self.portal_a)
        cases = {
            "exsitu_org_type": ("volcano", "Choose an organisation type"),
            "network_ids": (["abc", "99999999"], "Choose networks from the list"),
            "exsitu_experience": ("x" * 5001, "at most 5000 characters"),
            "cpsg_training_state": ("expert", "training status"),
            "cpsg_answer": ("maybe", "not possible any more"),
        }
        for field, (value, message) in cases.items():
            data = self._form(**{field: value})
            data["exsitu_experience"] = (
                data["exsitu_experience"]
                if field == "exsitu_experience"
                else "Kept text ü 🦎"
            )
            response = self.post("/my/ssc/profile", data)
            self.assertEqual(response.status_code, 200, field)
            self.assertIn(message, response.text, field)
            self.assertIn("is-invalid", response.text, field)
            if field != "exsitu_experience":
                self.assertIn("Kept text ü 🦎", response.text, field)
        self.assertFalse(partner.exsitu_org_type, "nothing saved")
        self.assertEqual(partner.cpsg_status, "invited")


@tagged("post_install", "-at_install")
class TestPortalRequests(ExcfpPortalCase):
    def test_list_filters_sorting_search(self):
        Liaison = self.env["excfp.liaison"]
        answered = Liaison.create(
            {"name": "Axolotl answered", "group_id": self.group_a.id}
        )
        answered.action_answer()
        overdue = Liaison.create(
            {
                "name": "Axolotl overdue",
                "group_id": self.group_a.id,
                "date_received": "2020-01-01 10:00:00",
            }
        )
        self.login(self.portal_a)
        page = self.url_open("/my/ssc/requests").text  # open by default
        self.assertIn("Axolotl studbook", page)
        self.assertIn("Axolotl overdue", page)
        self.assertNotIn("Axolotl answered", page)
        self.assertNotIn("Bongo husbandry", page)
        page = self.url_open("/my/ssc/requests?filterby=answered").text
        self.assertIn("Axolotl answered", page)
        self.assertNotIn("Axolotl studbook", page)
        page = self.url_open("/my/ssc/requests?filterby=overdue").text
        self.assertIn("Axolotl overdue", page)
        self.assertNotIn("Axolotl studbook", page)
        page = self.url_open("/my/ssc/requests?filterby=all&search=studbook").text
        self.assertIn("Axolotl studbook", page)
        self.assertNotIn("Axolotl overdue", page)
        page = self.url_open(
            "/my/ssc/requests?filterby=all&search_in=counterpart&search=Zara"
        ).text
        self.assertIn("Axolotl studbook", page)
        self.assertNotIn("Axolotl overdue", page)
        for query in (
            "sortby=due",
            "sortby=name",
            "sortby=state",
            "sortby=x",
            "filterby=x",
            "search_in=x&search=a",
        ):
            response = self.url_open(f"/my/ssc/requests?{query}")
            self.assertEqual(response.status_code, 200, query)
        self.assertTrue(overdue.is_overdue)

    def test_request_page_and_mark_answered_once(self):
        self.login(self.portal_a)
        response = self.url_open(self.request_a.access_url)
        self.assertEqual(response.status_code, 200)
        self.assertIn("Axolotl studbook", response.text)
        self.assertIn("o_portal_chatter", response.text)
        self.assertIn("o_excfp_mark_answered", response.text)
        url = f"/my/ssc/requests/{self.request_a.id}/answer"
        self.assertEqual(self.post(url).status_code, 303)
        self.assertEqual(self.request_a.state, "answered")
        answered_at = self.request_a.date_answered
        self.assertTrue(answered_at)
        messages = len(self.request_a.message_ids)
        self.assertEqual(self.post(url).status_code, 303)
        self.assertEqual(
            self.request_a.date_answered, answered_at, "the clock stopped once"
        )
        self.assertEqual(
            len(self.request_a.message_ids), messages, "nothing logged twice"
        )

    def test_answer_in_the_portal_chatter_stops_the_clock(self):
        self.login(self.portal_a)
        self.make_jsonrpc_request(
            "/mail/message/post",
            {
                "thread_model": "excfp.liaison",
                "thread_id": self.request_a.id,
                "post_data": {
                    "body": "Here is the studbook.",
                    "message_type": "comment",
                    "subtype_xmlid": "mail.mt_comment",
                },
            },
        )
        self.env.invalidate_all()
        message = self.request_a.message_ids.filtered(
            lambda m: m.message_type == "comment"
        )
        self.assertEqual(message.author_id, self.portal_a.partner_id)
        self.assertIn("Here is the studbook.", message.body)
        self.assertEqual(self.request_a.state, "answered")
        self.assertTrue(self.request_a.date_answered)

    def test_other_requests_are_not_found(self):
        self.login(self.portal_a)
        for request in (self.request_b, self.request_i):
            response = self.url_open(request.access_url)
            self.assertEqual(response.status_code, 404)
            response = self.url_open(f"{request.access_url}?access_token=whatever")
            self.assertEqual(response.status_code, 404)
            response = self.post(f"/my/ssc/requests/{request.id}/answer")
            self.assertEqual(response.status_code, 404)
            self.assertEqual(request.state, "new")
        # a real token does not open someone else's request either
        token = self.request_b.sudo()._portal_ensure_token()
        response = self.url_open(f"{self.request_b.access_url}?access_token={token}")
        self.assertEqual(response.status_code, 404)
        # nor can they post in its chatter
        with self.assertRaises(Exception):
            self.make_jsonrpc_request(
                "/mail/message/post",
                {
                    "thread_model": "excfp.liaison",
                    "thread_id": self.request_b.id,
                    "post_data": {"body": "Hijack", "message_type": "comment"},
                },
            )
        self.assertNotIn("Hijack", "".join(self.request_b.message_ids.mapped("body")))

    def test_internal_focal_point_and_secretariat(self):
        self.login(self.internal_fp)
        page = self.url_open("/my/ssc/requests").text
        self.assertIn("Ibis release", page)
        self.assertNotIn("Axolotl studbook", page)
        self.assertEqual(self.url_open(self.request_i.access_url).status_code, 200)
        self.assertEqual(self.url_open(self.request_a.access_url).status_code, 404)
        self.assertEqual(
            self.post(f"/my/ssc/requests/{self.request_i.id}/answer").status_code, 303
        )
        self.assertEqual(self.request_i.state, "answered")
        # the secretariat is no focal point: no focal point pages, all requests in the back office
        self.login(self.secretariat)
        response = self.url_open("/my/ssc/requests", allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.assertEqual(
            self.env["excfp.liaison"]
            .with_user(self.secretariat)
            .search_count([("id", "in", (self.request_a | self.request_b).ids)]),
            2,
        )
        response = self.post(f"/my/ssc/requests/{self.request_a.id}/answer")
        self.assertEqual(
            response.status_code, 403, "the focal point answers, not the secretariat"
        )
