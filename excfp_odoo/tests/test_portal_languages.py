# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo.tests import tagged

from .common import ExcfpPortalCase, make_french_and_spanish_available

# English of core's portal and of the addon's pages, as a focal point sees it.
ENGLISH = (
    "My account",
    "Connection & Security",
    "Sort By",
    "Governance documents",
    "Liaison requests",
    "SSC roles",
    "Ex situ opportunities",
    "Propose an opportunity",
    # not "Collaborations": French writes it the same
)


@tagged("post_install", "-at_install")
class TestPortalLanguages(ExcfpPortalCase):
    """The French and Spanish portal is French and Spanish, Odoo's own
    strings included: languages are made available with their translations."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # on the demo database, what it checks is how they were installed
        make_french_and_spanish_available(cls.env)
        cls.opportunity_a = cls.env["excfp.opportunity"].create(
            {"name": "Axolotl insurance colony", "group_id": cls.group_a.id}
        )

    def test_no_english_left(self):
        self.login(self.portal_a)
        pages = [
            "/my",
            "/my/ssc/roles",
            f"/my/ssc/groups/{self.group_a.id}",
            "/my/ssc/governance",
            "/my/ssc/profile",
            "/my/ssc/requests?filterby=all",
            self.request_a.access_url,
            "/my/ssc/opportunities",
            self.opportunity_a.access_url,
            "/my/ssc/opportunities/new",
            "/my/ssc/collaborations",
        ]
        for code, expected in (("fr", "Mon compte"), ("es", "Mi cuenta")):
            for page in pages:
                with self.subTest(lang=code, page=page):
                    response = self.url_open(f"/{code}{page}")
                    self.assertEqual(response.status_code, 200)
                    html = response.text
                    for english in ENGLISH:
                        found = re.search(
                            rf">\s*{re.escape(english)}\s*<", html.replace("&amp;", "&")
                        )
                        self.assertIsNone(found, f"{english!r} in /{code}{page}")
                    if page == "/my":
                        self.assertIn(expected, html)
