# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from urllib.parse import urlsplit

from odoo.tests import tagged

from .common import ExcfpPortalCase


@tagged("post_install", "-at_install")
class TestPortalTours(ExcfpPortalCase):
    def test_new_focal_point_onboards_from_the_portal(self):
        group = self.env["excfp.specialist.group"].create(
            {"name": "Tour Salamander SG", "code": "TSSG"}
        )
        newcomer = self.env["res.partner"].create(
            {"name": "Nadia Newcomer", "email": "nadia@example.org"}
        )
        role = (
            self.env["excfp.role"]
            .with_user(self.user_secretariat)
            .create(
                {
                    "partner_id": newcomer.id,
                    "group_id": group.id,
                    "role_type": "focal_point",
                }
            )
        )
        with self.mock_mail_gateway():
            role.action_activate()
        user = newcomer.user_ids
        self.assertTrue(user._is_portal(), "invited to the portal on activation")
        self.assertEqual(newcomer.cpsg_status, "invited")
        signup_url = newcomer.sudo()._get_signup_url_for_action()[newcomer.id]
        parts = urlsplit(signup_url)
        self.start_tour(f"{parts.path}?{parts.query}", "excfp_portal_onboarding")

        # the back office, as the secretariat, shows what the focal point did
        self.env.invalidate_all()
        partner = newcomer.with_user(self.user_secretariat)
        self.assertTrue(partner.governance_ack_complete)
        self.assertEqual(set(partner.acknowledgement_ids.mapped("channel")), {"portal"})
        self.assertEqual(partner.exsitu_org_type, "zoo")
        self.assertEqual(len(partner.exsitu_network_ids), 2)
        self.assertIn("since 2010", partner.exsitu_experience)
        self.assertEqual(partner.cpsg_status, "member")
        self.assertEqual(partner.cpsg_training_state, "enrolled")
        self.assertTrue(
            partner.message_ids.filtered(
                lambda m: "updated from the portal" in (m.body or "")
            )
        )
        self.assertTrue(user.sudo().login_date, "the focal point signed in")

    def test_focal_point_answers_from_the_portal(self):
        self.request_a.name = "Studbook for the zoo"
        self.request_a.message_post(
            body="Could you share the axolotl studbook?",
            message_type="email",
            author_id=self.request_a.counterpart_id.id,
            subtype_xmlid="mail.mt_comment",
        )
        self.start_tour("/my/ssc/requests", "excfp_portal_answer", login="excfp_fp_a")
        self.env.invalidate_all()
        request = self.request_a.with_user(self.user_secretariat)
        answer = request.message_ids.filtered(
            lambda m: "will reach you this week" in (m.body or "")
        )
        self.assertEqual(len(answer), 1)
        self.assertEqual(answer.author_id, self.portal_a.partner_id)
        # marked answered by the button, after the reply
        self.assertEqual(request.state, "answered")
        self.assertTrue(request.date_answered)
