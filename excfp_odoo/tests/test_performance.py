# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged, users, warmup

from .common import ExcfpCase


@tagged("post_install", "-at_install")
class TestPerformance(ExcfpCase):
    """Query counts do not grow with the size of the network."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        groups = cls.env["excfp.specialist.group"].create(
            [{"name": f"Perf SG {i}", "code": f"PERF{i}"} for i in range(40)]
        )
        people = cls.env["res.partner"].create(
            [{"name": f"Perf Person {i}", "cpsg_status": "member"} for i in range(120)]
        )
        roles = []
        for i, group in enumerate(groups):
            for j, role_type in enumerate(("chair", "member", "member")):
                roles.append(
                    {
                        "partner_id": people[(3 * i + j) % 120].id,
                        "group_id": group.id,
                        "role_type": role_type,
                        "state": "active",
                    }
                )
            if i % 2:
                roles.append(
                    {
                        "partner_id": people[(3 * i + 2) % 120].id,
                        "group_id": group.id,
                        "role_type": "focal_point",
                        "state": "nominated",
                    }
                )
        cls.env["excfp.role"].create(roles)
        cls.spec = {
            "name": {},
            "code": {},
            "group_type": {},
            "member_count": {},
            "has_chair_conflict": {},
            "excfp_status": {},
            "chair_names": {},
            "focal_point_name": {},
        }

    @users("excfp_secretariat")
    @warmup
    def test_group_list(self):
        Group = self.env["excfp.specialist.group"]
        self.env.invalidate_all()
        with self.assertQueryCount(excfp_secretariat=6):
            result = Group.web_search_read(
                [("code", "like", "PERF")], self.spec, limit=80
            )
        self.assertEqual(result["length"], 40)
        self.env.invalidate_all()
        # the same for 10 rows, plus the count of all rows for the pager
        with self.assertQueryCount(excfp_secretariat=7):
            result = Group.web_search_read(
                [("code", "like", "PERF")], self.spec, limit=10
            )
        self.assertEqual(len(result["records"]), 10)

    @users("excfp_secretariat")
    @warmup
    def test_activation(self):
        nominated = self.env["excfp.role"].search(
            [
                ("role_type", "=", "focal_point"),
                ("state", "=", "nominated"),
                ("group_id.code", "like", "PERF"),
            ]
        )
        self.assertEqual(len(nominated), 20)
        # Members of CPSG already: activation writes the roles, the groups' and
        # partners' flags, one note per group and the onboarding plan's four
        # activities per partner, each in one batch. What grows with the batch
        # is Odoo's chatter tracking: one message (and its tracking values) per
        # changed role and per changed group. Four queries read what the
        # activation set off, for the notification the user gets.
        with self.assertQueryCount(excfp_secretariat=55):
            nominated[:1].action_activate()
        with self.assertQueryCount(excfp_secretariat=115):
            nominated[1:20].action_activate()
        self.assertEqual(set(nominated.mapped("state")), {"active"})
