# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import JsonRpcException, tagged

from .common import ExcfpPortalCase


@tagged("post_install", "-at_install")
class TestOffboarding(ExcfpPortalCase):
    """A focal point whose role ended keeps nothing of the group's requests:
    not the pages, not the chatter, not the answer, not the emails."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.closed_a = cls.env["excfp.liaison"].create(
            {
                "name": "Axolotl transfer (done)",
                "group_id": cls.group_a.id,
                "counterpart_id": cls.request_a.counterpart_id.id,
            }
        )
        cls.closed_a.action_close()

    def _post_in_chatter(self, request, body):
        return self.make_jsonrpc_request(
            "/mail/message/post",
            {
                "thread_model": "excfp.liaison",
                "thread_id": request.id,
                "post_data": {
                    "body": body,
                    "message_type": "comment",
                    "subtype_xmlid": "mail.mt_comment",
                },
            },
        )

    def test_ended_focal_point_loses_the_requests(self):
        paula = self.portal_a.partner_id
        self.assertIn(paula, self.request_a.message_partner_ids)
        self.role_a.action_end()

        # the open request waits for the next focal point, in the secretariat's queue
        self.assertFalse(self.request_a.focal_point_id)
        queue = self.env["excfp.liaison"].search(
            [
                ("group_id", "!=", False),
                ("focal_point_id", "=", False),
                ("state", "in", ("new", "in_progress")),
            ]
        )
        self.assertIn(self.request_a, queue)
        self.assertIn(
            "waits for the group's next focal point", self.request_a.message_ids[0].body
        )
        # history: the closed request still names who had it, for the secretariat
        self.assertEqual(self.closed_a.focal_point_id, paula)
        self.assertEqual(
            self.closed_a.with_user(self.user_secretariat).read(["focal_point_id"])[0][
                "focal_point_id"
            ][0],
            paula.id,
        )
        # she follows none of the group's requests, open or closed
        for request in self.request_a | self.closed_a:
            self.assertNotIn(paula, request.message_partner_ids, request.name)

        self.login(self.portal_a)
        for request in self.request_a | self.closed_a:
            self.assertEqual(self.url_open(request.access_url).status_code, 404)
            response = self.post(f"/my/ssc/requests/{request.id}/answer")
            self.assertEqual(response.status_code, 404)
        self.assertEqual(self.request_a.state, "new", "not marked answered")
        response = self.url_open("/my/ssc/requests?filterby=all")
        self.assertNotIn("Axolotl studbook", response.text)
        with self.assertRaises(JsonRpcException):
            self._post_in_chatter(self.request_a, "Still here")
        self.assertNotIn(
            "Still here", "".join(self.request_a.message_ids.mapped("body"))
        )
        self.assertFalse(
            self.env["excfp.liaison"].with_user(self.portal_a).search([]),
            "nothing through JSON-RPC either",
        )

        # the counterpart's next email reaches nobody who left
        with self.mock_mail_gateway():
            self.request_a.message_post(
                body="Any news?",
                message_type="email",
                author_id=self.request_a.counterpart_id.id,
                subtype_xmlid="mail.mt_comment",
            )
        self.assertFalse(
            self._new_mails.filtered(lambda m: paula in m.recipient_ids),
            "the former focal point gets no email",
        )

    def test_successor_takes_the_open_requests(self):
        self.role_a.action_end()
        successor = self.env["res.partner"].create(
            {"name": "Sofia Successor", "email": "sofia@example.org"}
        )
        role = self.env["excfp.role"].create(
            {
                "partner_id": successor.id,
                "group_id": self.group_a.id,
                "role_type": "focal_point",
            }
        )
        with self.mock_mail_gateway():
            role.action_activate()
        self.assertEqual(self.request_a.focal_point_id, successor)
        self.assertIn(successor, self.request_a.message_partner_ids)
        self.assertEqual(self.closed_a.focal_point_id, self.portal_a.partner_id)

    def test_archiving_the_role_ends_access_too(self):
        self.role_a.action_archive()
        self.assertEqual(self.role_a.state, "ended")
        self.assertFalse(self.request_a.focal_point_id)
        self.login(self.portal_a)
        self.assertEqual(self.url_open(self.request_a.access_url).status_code, 404)

    def test_focal_point_again_keeps_the_requests(self):
        """Reappointed for the next term before the old role ends: nothing
        changes hands."""
        next_role = self.env["excfp.role"].create(
            {
                "partner_id": self.portal_a.partner_id.id,
                "group_id": self.group_a.id,
                "role_type": "focal_point",
            }
        )
        self.role_a.action_end()
        self.assertEqual(next_role.state, "nominated")
        self.assertEqual(self.request_a.focal_point_id, self.portal_a.partner_id)
        self.assertIn(self.portal_a.partner_id, self.request_a.message_partner_ids)
        self.login(self.portal_a)
        self.assertEqual(self.url_open(self.request_a.access_url).status_code, 200)

    def test_a_stored_focal_point_without_the_role_opens_nothing(self):
        """The rule reads the role, not the stored field alone: a request
        pointed at someone by hand is not theirs without the role."""
        self.request_b.sudo().focal_point_id = self.portal_a.partner_id
        self.login(self.portal_a)
        self.assertEqual(self.url_open(self.request_b.access_url).status_code, 404)
        self.assertEqual(
            self.post(f"/my/ssc/requests/{self.request_b.id}/answer").status_code, 404
        )
        self.assertEqual(self.request_b.state, "new")
