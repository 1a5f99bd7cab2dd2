# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo.tests import tagged

from .common import ExcfpPortalCase


@tagged("post_install", "-at_install")
class TestPortalReappointment(ExcfpPortalCase):
    """Chair A decides group A's proposals on the portal; Chair B and a
    plain member get "not found" for them; nothing changes without a CSRF
    token."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        start = cls.term_current.date_end + timedelta(days=1)
        # the demo data's next term, or one of the test's own
        cls.term_next = cls.env["excfp.term"].search(
            [("date_start", ">", cls.term_current.date_end)], limit=1
        ) or cls.env["excfp.term"].create(
            {
                "name": "Portal next term",
                "date_start": start,
                "date_end": start + timedelta(days=4 * 365),
            }
        )
        portal = "base.group_portal"
        cls.chair_a = cls._user("excfp_chair_a", "Celia Chair", portal)
        cls.chair_b = cls._user("excfp_chair_b", "Carlos Chair", portal)
        cls.env["excfp.role"].create(
            [
                {
                    "partner_id": user.partner_id.id,
                    "group_id": group.id,
                    "role_type": "chair",
                    "state": "active",
                }
                for user, group in (
                    (cls.chair_a, cls.group_a),
                    (cls.chair_b, cls.group_b),
                )
            ]
        )
        Reappointment = cls.env["excfp.reappointment"]
        Reappointment._prepare(cls.term_next, cls.group_a | cls.group_b)
        proposals = Reappointment.search([("term_id", "=", cls.term_next.id)])
        cls.fp_a = proposals.filtered(
            lambda p: p.group_id == cls.group_a and p.role_type == "focal_point"
        )
        cls.member_a = proposals.filtered(
            lambda p: (
                p.group_id == cls.group_a
                and p.partner_id == cls.portal_member.partner_id
            )
        )
        cls.proposals_b = proposals.filtered(lambda p: p.group_id == cls.group_b)

    def _decide(self, proposal, decision, csrf=True):
        return self.post(
            f"/my/ssc/reappointments/{proposal.id}/decide",
            {"decision": decision},
            csrf=csrf,
        )

    def test_the_chair_sees_their_groups_only(self):
        self.login(self.chair_a)
        page = self.url_open("/my/ssc/reappointments").text
        self.assertIn("Axolotl Portal SG", page)
        self.assertIn("Mona Member", page)
        self.assertIn("Paula Focal", page)
        self.assertNotIn("Bongo Portal SG", page)
        self.assertNotIn("Pablo Focal", page)
        # the Chair's own role is the SSC Chair's to decide
        self.assertIn("Appointed by the SSC Chair", page)
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["excfp_reappointment_count"]}
        )
        # focal point, her member role, Mona's member role (not the chair's)
        self.assertEqual(counters["excfp_reappointment_count"], 3)

    def test_keep_and_do_not_keep(self):
        self.login(self.chair_a)
        response = self._decide(self.member_a, "drop")
        self.assertEqual(response.status_code, 303)
        self.assertEqual(self.member_a.state, "declined")
        self.assertEqual(self.member_a.decided_by_id, self.chair_a)
        self._decide(self.member_a, "keep")
        self.assertEqual(self.member_a.state, "confirmed")
        # the Chair's own proposal is not theirs to decide
        chair = self.env["excfp.reappointment"].search(
            [("partner_id", "=", self.chair_a.partner_id.id)]
        )
        response = self._decide(chair, "keep")
        self.assertEqual(response.status_code, 200)
        self.assertIn("appointed by the SSC Chair", response.text)
        self.assertEqual(chair.state, "proposed")
        # a wrong decision is said, not a 500
        response = self._decide(self.fp_a, "maybe\x00")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.fp_a.state, "proposed")

    def test_keep_all_and_a_new_focal_point(self):
        self.login(self.chair_a)
        self._decide(self.member_a, "drop")
        response = self.post(
            "/my/ssc/reappointments/focal-point",
            {
                "group_id": self.group_a.id,
                "term_id": self.term_next.id,
                "name": "Nora New",
                "email": "not an email",
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("Give a valid email address.", response.text)
        self.assertIn('value="Nora New"', response.text)
        response = self.post(
            "/my/ssc/reappointments/focal-point",
            {
                "group_id": self.group_a.id,
                "term_id": self.term_next.id,
                "name": "Nora New",
                "email": "Nora.New@Example.org",
            },
        )
        self.assertEqual(response.status_code, 303)
        new = self.env["excfp.reappointment"].search(
            [("group_id", "=", self.group_a.id), ("is_new_proposal", "=", True)]
        )
        self.assertEqual(new.partner_id.email, "nora.new@example.org")
        self.assertEqual((new.state, new.decided_by_id), ("confirmed", self.chair_a))
        self.assertEqual(self.fp_a.state, "declined")
        self.post(
            "/my/ssc/reappointments/keep-all",
            {"group_id": self.group_a.id, "term_id": self.term_next.id},
        )
        proposals = self.env["excfp.reappointment"].search(
            [("group_id", "=", self.group_a.id), ("term_id", "=", self.term_next.id)]
        )
        states = {(p.partner_id, p.role_type): p.state for p in proposals}
        self.assertEqual(states[(self.portal_member.partner_id, "member")], "declined")
        self.assertEqual(states[(self.portal_a.partner_id, "member")], "confirmed")
        self.assertEqual(states[(self.portal_a.partner_id, "focal_point")], "declined")
        self.assertEqual(states[(new.partner_id, "focal_point")], "confirmed")
        self.assertEqual(states[(self.chair_a.partner_id, "chair")], "proposed")
        # one of the group's people as focal point
        response = self.post(
            "/my/ssc/reappointments/focal-point",
            {
                "group_id": self.group_a.id,
                "term_id": self.term_next.id,
                "partner_id": self.portal_member.partner_id.id,
            },
        )
        self.assertEqual(response.status_code, 303)
        self.assertEqual(self.group_a.focal_point_ids, self.portal_a.partner_id)
        mona = proposals.search(
            [
                ("partner_id", "=", self.portal_member.partner_id.id),
                ("role_type", "=", "focal_point"),
            ]
        )
        self.assertEqual(mona.state, "confirmed")
        self.assertEqual(new.state, "declined")

    def test_other_chairs_members_and_forgers_change_nothing(self):
        for user in (self.chair_b, self.portal_member, self.portal_a):
            with self.subTest(user=user.login):
                self.login(user)
                self.assertEqual(self._decide(self.member_a, "drop").status_code, 404)
                response = self.post(
                    "/my/ssc/reappointments/keep-all",
                    {"group_id": self.group_a.id, "term_id": self.term_next.id},
                )
                self.assertEqual(response.status_code, 404)
                response = self.post(
                    "/my/ssc/reappointments/focal-point",
                    {
                        "group_id": self.group_a.id,
                        "term_id": self.term_next.id,
                        "partner_id": user.partner_id.id,
                    },
                )
                self.assertEqual(response.status_code, 404)
                page = self.url_open("/my/ssc/reappointments").text
                self.assertNotIn("Axolotl Portal SG", page)
        self.login(self.chair_b)
        for proposal_id in (self.member_a.id + 100000, 0, 2**31):
            response = self.post(
                f"/my/ssc/reappointments/{proposal_id}/decide", {"decision": "drop"}
            )
            self.assertEqual(response.status_code, 404)
        # Chair A without the CSRF token
        self.login(self.chair_a)
        response = self._decide(self.member_a, "drop", csrf=False)
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self.member_a.state, "proposed")
        self.assertEqual(set(self.proposals_b.mapped("state")), {"proposed"})

    def test_a_chair_whose_role_ends_sees_nothing_more(self):
        chair_role = self.env["excfp.role"].search(
            [("partner_id", "=", self.chair_a.partner_id.id)]
        )
        chair_role.action_end()
        self.login(self.chair_a)
        self.assertNotIn(
            "Axolotl Portal SG", self.url_open("/my/ssc/reappointments").text
        )
        self.assertEqual(self._decide(self.member_a, "drop").status_code, 404)

    def test_the_chair_keeps_all_members_but_one_in_the_tour(self):
        self.start_tour("/my", "excfp_portal_reappointments", login=self.chair_a.login)
        self.assertEqual(self.member_a.state, "declined")
        self.assertEqual(self.fp_a.state, "confirmed")
