# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from lxml import etree

from odoo.tests import users, warmup

from .common import ExcfpCase


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

    def test_group_list_view_queries_do_not_grow(self):
        """The fields of the addon's own list view, as the web client reads
        them: as many queries for 30 rows as for 10 (the chairs' and focal
        points' names are read for the whole page at once)."""
        Group = self.env["excfp.specialist.group"].with_user(self.user_secretariat)
        arch = Group.get_views([(False, "list")])["views"]["list"]["arch"]
        spec = {}
        for name in etree.fromstring(arch).xpath("//field[not(ancestor::field)]/@name"):
            field = Group._fields[name]
            relational = field.type in ("many2one", "many2many", "one2many")
            spec[name] = {"fields": {"display_name": {}}} if relational else {}
        # the chairs also held roles in two past terms, as in the SSC
        past = self.env["excfp.term"].search(
            [("date_end", "<", self.term_current.date_start)], limit=2
        )
        chairs = self.env["excfp.role"].search(
            [("role_type", "=", "chair"), ("group_id.code", "like", "PERF")]
        )
        self.env["excfp.role"].create(
            [
                {
                    "partner_id": role.partner_id.id,
                    "group_id": role.group_id.id,
                    "term_id": term.id,
                    "role_type": "chair",
                    "state": "ended",
                }
                for role in chairs
                for term in past
            ]
        )
        # and the focal points are active, as most are
        self.env["excfp.role"].search(
            [
                ("role_type", "=", "focal_point"),
                ("state", "=", "nominated"),
                ("group_id.code", "like", "PERF"),
            ]
        ).with_context(install_module="excfp_odoo").write({"state": "active"})
        Group.web_search_read([("code", "like", "PERF")], spec, limit=5)  # warm up
        counts = {}
        for limit in (10, 30):  # both with the pager's count
            self.env.invalidate_all()
            start = self.env.cr.sql_log_count
            Group.web_search_read([("code", "like", "PERF")], spec, limit=limit)
            counts[limit] = self.env.cr.sql_log_count - start
        self.assertEqual(counts[30], counts[10], counts)

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
