# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged
from odoo.tests.common import JsonRpcException

from .common import ExcfpPortalCase


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

    def test_portal_reply_then_mark_answered(self):
        """A reply in the portal chatter reaches the counterpart without
        stopping the clock (a holding reply); "Mark as answered" stops it."""
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
        self.assertIn(self.request_a.counterpart_id, message.notified_partner_ids)
        self.assertEqual(self.request_a.state, "new")
        self.assertFalse(self.request_a.date_answered)
        self.post(f"/my/ssc/requests/{self.request_a.id}/answer")
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
        with self.assertRaises(JsonRpcException):
            self.make_jsonrpc_request(
                "/mail/message/post",
                {
                    "thread_model": "excfp.liaison",
                    "thread_id": self.request_b.id,
                    "post_data": {"body": "Hijack", "message_type": "comment"},
                },
            )
        self.assertNotIn("Hijack", "".join(self.request_b.message_ids.mapped("body")))

    def test_access_tokens_open_nothing(self):
        """portal.mixin gives requests a token; neither the focal point nor
        anyone holding it (a forwarded email, say) can use it to read the
        thread or to post in it, as the counterpart or otherwise."""
        token = self.request_b.sudo()._portal_ensure_token()
        params = {
            "thread_model": "excfp.liaison",
            "thread_id": self.request_b.id,
            "token": token,
        }
        post = dict(
            params,
            post_data={"body": "Forged reply", "message_type": "comment"},
        )
        for login in (None, self.portal_a):
            if login:
                self.login(login)
            else:
                self.authenticate(None, None)
            with self.assertRaises(JsonRpcException):
                self.make_jsonrpc_request("/mail/message/post", post)
            with self.assertRaises(JsonRpcException):
                self.make_jsonrpc_request("/mail/chatter_fetch", params)
        self.env.invalidate_all()
        self.assertNotIn(
            "Forged reply", "".join(self.request_b.message_ids.mapped("body"))
        )
        self.assertEqual(self.request_b.state, "new")

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
        self.login(self.user_secretariat)
        response = self.url_open("/my/ssc/requests", allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.assertEqual(
            self.env["excfp.liaison"]
            .with_user(self.user_secretariat)
            .search_count([("id", "in", (self.request_a | self.request_b).ids)]),
            2,
        )
        page = self.url_open(self.request_a.access_url).text
        self.assertNotIn("o_excfp_mark_answered", page, "not their request to answer")
        response = self.post(f"/my/ssc/requests/{self.request_a.id}/answer")
        self.assertEqual(
            response.status_code, 403, "the focal point answers, not the secretariat"
        )

    def test_answer_with_an_attachment(self):
        self.login(self.portal_a)
        response = self.url_open(
            "/mail/attachment/upload",
            data={
                "csrf_token": self.csrf_token(),
                "thread_id": self.request_a.id,
                "thread_model": "excfp.liaison",
                "is_pending": "true",
            },
            files={"ufile": ("studbook.csv", b"id,name\n1,Axolotl\n", "text/csv")},
        )
        self.assertEqual(response.status_code, 200)
        attachment = response.json()["data"]["ir.attachment"][0]
        self.make_jsonrpc_request(
            "/mail/message/post",
            {
                "thread_model": "excfp.liaison",
                "thread_id": self.request_a.id,
                "post_data": {
                    "body": "The studbook is attached.",
                    "message_type": "comment",
                    "subtype_xmlid": "mail.mt_comment",
                    "attachment_ids": [attachment["id"]],
                },
                "attachment_tokens": [attachment["access_token"]],
            },
        )
        self.env.invalidate_all()
        message = self.request_a.message_ids.filtered(
            lambda m: "The studbook is attached." in (m.body or "")
        )
        self.assertEqual(message.attachment_ids.name, "studbook.csv")
        self.assertEqual(message.attachment_ids.res_id, self.request_a.id)
        # another focal point cannot upload on A's request
        self.login(self.portal_b)
        response = self.url_open(
            "/mail/attachment/upload",
            data={
                "csrf_token": self.csrf_token(),
                "thread_id": self.request_a.id,
                "thread_model": "excfp.liaison",
            },
            files={"ufile": ("x.txt", b"x", "text/plain")},
        )
        self.assertEqual(response.status_code, 404)
