# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo.tests import tagged

from odoo.addons.mail.tests.common import mail_new_test_user

from .common import ExcfpPortalCase

PAGES = (
    "/my",
    "/my/ssc/roles",
    "/my/ssc/governance",
    "/my/ssc/profile",
    "/my/ssc/requests?filterby=all",
)
COUNTERS = ["excfp_role_count"]


@tagged("post_install", "-at_install")
class TestPortalQueries(ExcfpPortalCase):
    """The portal pages cost the same number of queries for a focal point
    with one role and one request as for one with 30 roles and 200 requests:
    nothing is read record by record."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_one = mail_new_test_user(
            cls.env,
            login="excfp_fp_one",
            password="excfp_fp_one",
            name="Olga One",
            email="olga@example.org",
            groups="base.group_portal",
        )
        group = cls.env["excfp.specialist.group"].create(
            {"name": "One Role SG", "code": "ORSG"}
        )
        Role = cls.env["excfp.role"]
        Role.create(
            {
                "partner_id": cls.portal_one.partner_id.id,
                "group_id": group.id,
                "role_type": "focal_point",
                "state": "nominated",
            }
        )
        cls.env["excfp.acknowledgement"]._acknowledge(
            cls.portal_one.partner_id, cls.documents[:1]
        )
        Liaison = cls.env["excfp.liaison"]
        Liaison.create(
            {
                "name": "The only request",
                "counterpart_id": cls.chair.id,
                "group_id": group.id,
                "focal_point_id": cls.portal_one.partner_id.id,
            }
        )
        # B: 30 roles, 200 requests, some answered, some acknowledgements
        many = cls.env["excfp.specialist.group"].create(
            [{"name": f"Many SG {i:02d}", "code": f"MSG{i}"} for i in range(28)]
        )
        Role.create(
            [
                {
                    "partner_id": cls.portal_b.partner_id.id,
                    "group_id": group.id,
                    "role_type": "member",
                    "state": "active",
                }
                for group in many
            ]
        )
        zoos = cls.env["res.partner"].create(
            [{"name": f"Zoo {i}", "email": f"zoo{i}@example.org"} for i in range(20)]
        )
        requests = Liaison.create(
            [
                {
                    "name": f"Request {i:03d}",
                    "group_id": cls.group_b.id,
                    "counterpart_id": zoos[i % 20].id,
                }
                for i in range(199)
            ]
        )
        requests[:50].action_answer()
        cls.env["excfp.acknowledgement"]._acknowledge(
            cls.portal_b.partner_id, cls.documents[:5]
        )
        cls.env.flush_all()

    def test_pages_do_not_grow_with_roles_and_requests(self):
        self.assertEqual(
            self.env["excfp.role"].search_count(
                [("partner_id", "=", self.portal_b.partner_id.id)]
            ),
            30,
        )
        self.assertEqual(
            self.env["excfp.liaison"].search_count(
                [("focal_point_id", "=", self.portal_b.partner_id.id)]
            ),
            200,
        )
        counts = {}
        for url in PAGES:
            few = self.page_queries(self.portal_one, url)
            self.login(self.portal_b)
            self.url_open(url)
            self.env.invalidate_all()
            with self.assertQueryCount(few):
                response = self.url_open(url)
            self.assertEqual(response.status_code, 200, url)
            many = self.page_queries(self.portal_b, url)
            self.assertEqual(many, few, url)
            self.assertGreater(few, 3, f"{url}: the requests were counted")
            counts[url] = few
        self.assertLess(counts["/my"], 25, counts)

    def test_counters_do_not_grow(self):
        counts = {}
        for user in (self.portal_one, self.portal_b):
            self.login(user)
            self.make_jsonrpc_request("/my/counters", {"counters": COUNTERS})
            self.env.invalidate_all()
            start = self.cr.sql_log_count
            values = self.make_jsonrpc_request("/my/counters", {"counters": COUNTERS})
            counts[user.login] = self.cr.sql_log_count - start
        self.assertEqual(values, {"excfp_role_count": 30})
        self.assertEqual(counts["excfp_fp_one"], counts["excfp_fp_b"], counts)

    def test_home_with_its_counters_under_25_queries(self):
        """What a focal point's browser asks to show /my: the page, then the
        counters its cards leave to /my/counters."""
        for user in (self.portal_one, self.portal_b):
            self.login(user)
            page = self.url_open("/my").text
            wanted = re.findall(r'data-placeholder_count="([^"]+)"', page)
            self.make_jsonrpc_request("/my/counters", {"counters": wanted})
            self.env.invalidate_all()
            start = self.cr.sql_log_count
            page = self.url_open("/my").text
            self.make_jsonrpc_request("/my/counters", {"counters": wanted})
            queries = self.cr.sql_log_count - start
            self.assertIn("excfp_role_count", wanted)
            self.assertLess(queries, 25, user.login)
        self.assertIn(f"5 / {len(self.documents)}", page)
