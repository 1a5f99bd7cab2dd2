# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged

from odoo.addons.mail.tests.common import mail_new_test_user


@tagged("post_install", "-at_install")
class TestPortalRolesPage(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_a = mail_new_test_user(
            cls.env,
            login="excfp_page_a",
            password="excfp_page_a_pw",
            name="Paula Page",
            email="paula.page@example.org",
            groups="base.group_portal",
        )
        cls.portal_b = mail_new_test_user(
            cls.env,
            login="excfp_page_b",
            password="excfp_page_b_pw",
            name="Pablo Page",
            email="pablo.page@example.org",
            groups="base.group_portal",
        )
        Group = cls.env["excfp.specialist.group"]
        cls.group_a = Group.create({"name": "Axolotl Page SG", "code": "APSG"})
        cls.group_b = Group.create({"name": "Bongo Page SG", "code": "BPSG"})
        Role = cls.env["excfp.role"]
        Role.create(
            {
                "partner_id": cls.portal_a.partner_id.id,
                "group_id": cls.group_a.id,
                "role_type": "member",
                "state": "active",
            }
        )
        Role.create(
            {
                "partner_id": cls.portal_b.partner_id.id,
                "group_id": cls.group_b.id,
                "role_type": "co_chair",
                "state": "active",
            }
        )

    def test_roles_page_shows_own_roles_only(self):
        self.authenticate("excfp_page_a", "excfp_page_a_pw")
        response = self.url_open("/my/ssc/roles")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Axolotl Page SG", response.text)
        self.assertNotIn("Bongo Page SG", response.text)
        for sortby in ("group", "role", "state", "term", "nonsense"):
            response = self.url_open(f"/my/ssc/roles?sortby={sortby}")
            self.assertEqual(response.status_code, 200, sortby)
        response = self.url_open("/my/ssc/roles/page/99")
        self.assertEqual(response.status_code, 200)

    def test_home_counter_and_anonymous(self):
        self.authenticate("excfp_page_b", "excfp_page_b_pw")
        response = self.url_open("/my")
        self.assertEqual(response.status_code, 200)
        self.assertIn("/my/ssc/roles", response.text)
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["excfp_role_count"]}
        )
        self.assertEqual(counters["excfp_role_count"], 1)
        self.authenticate(None, None)
        response = self.url_open("/my/ssc/roles", allow_redirects=False)
        self.assertIn(
            response.status_code, (302, 303), "anonymous visitors log in first"
        )

    def test_roles_page_queries_do_not_grow(self):
        """The same number of queries for 1 role and for 30 (a full page)."""
        groups = self.env["excfp.specialist.group"].create(
            [{"name": f"Many Page SG {i}", "code": f"MPSG{i}"} for i in range(29)]
        )
        self.env["excfp.role"].create(
            [
                {
                    "partner_id": self.portal_a.partner_id.id,
                    "group_id": group.id,
                    "role_type": "member",
                    "state": "active",
                }
                for group in groups
            ]
        )
        counts = {}
        for login in ("excfp_page_b", "excfp_page_a"):
            self.authenticate(login, f"{login}_pw")
            self.url_open("/my/ssc/roles")  # warm-up
            self.env.invalidate_all()
            start = self.cr.sql_log_count
            response = self.url_open("/my/ssc/roles")
            counts[login] = self.cr.sql_log_count - start
            self.assertEqual(response.status_code, 200)
        self.assertIn("Many Page SG 28", response.text)
        self.assertGreater(counts["excfp_page_b"], 5, "the requests were counted")
        self.assertEqual(counts["excfp_page_a"], counts["excfp_page_b"], counts)
