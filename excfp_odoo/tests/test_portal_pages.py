# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from lxml import html

from odoo.tests import tagged

from .common import ExcfpPortalCase


@tagged("post_install", "-at_install")
class TestPortalHomeAndRoles(ExcfpPortalCase):
    def test_roles_page_shows_own_roles_only(self):
        self.login(self.portal_member)
        response = self.url_open("/my/ssc/roles")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Axolotl Portal SG", response.text)
        self.assertNotIn("Bongo Portal SG", response.text)
        self.assertIn(f"/my/ssc/groups/{self.group_a.id}", response.text)
        for sortby in ("group", "role", "state", "term", "nonsense"):
            response = self.url_open(f"/my/ssc/roles?sortby={sortby}")
            self.assertEqual(response.status_code, 200, sortby)
        response = self.url_open("/my/ssc/roles/page/99")
        self.assertEqual(response.status_code, 200)

    def test_home_counters(self):
        self.login(self.portal_a)
        response = self.url_open("/my")
        self.assertEqual(response.status_code, 200)
        for url in ("/my/ssc/roles", "/my/ssc/governance", "/my/ssc/requests"):
            self.assertIn(url, response.text)
        for icon in (
            "portal-roles.svg",
            "portal-governance.svg",
            "portal-requests.svg",
        ):
            self.assertIn(f"/excfp_odoo/static/src/img/{icon}", response.text)
        # The focal point's figures come with the page, the roles as a counter.
        cards = self._cards(response.text)
        self.assertEqual(cards["/my/ssc/governance"], f"0 / {len(self.documents)}")
        self.assertEqual(cards["/my/ssc/requests"], "1")
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["excfp_role_count"]}
        )
        # the focal point role, and the member role activation added
        self.assertEqual(counters, {"excfp_role_count": 2})
        # a member who is no focal point: no focal point cards
        self.login(self.portal_member)
        page = self.url_open("/my").text
        self.assertIn("portal-roles.svg", page)
        self.assertNotIn("portal-governance.svg", page)
        self.assertNotIn("portal-requests.svg", page)
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["excfp_role_count"]}
        )
        self.assertEqual(counters, {"excfp_role_count": 1})

    def _cards(self, page):
        """Each portal card's link and the figure it shows with the page."""
        tree = html.fromstring(page)
        return {
            link.get("href"): (
                link.xpath(".//div[contains(@class, 'fs-5')]")[0].text or ""
            ).strip()
            for link in tree.xpath("//div[contains(@class, 'o_portal_index_card')]/a")
        }

    def test_home_checklist_follows_the_focal_point(self):
        self.login(self.portal_a)
        page = self.url_open("/my").text
        self.assertIn("Your first steps as Ex situ Focal Point", page)
        self.assertIn("/my/ssc/profile#cpsg", page)
        self.assertEqual(page.count("fa-check-circle"), 0, "nothing done yet")
        partner = self.portal_a.partner_id
        partner.write(
            {
                "cpsg_status": "member",
                "cpsg_training_state": "completed",
                "exsitu_org_type": "zoo",
                "exsitu_network_ids": [
                    (6, 0, self.env["excfp.exsitu.network"].search([], limit=1).ids)
                ],
                "exsitu_experience": "<p>Twenty years of amphibian husbandry.</p>",
            }
        )
        self.env["excfp.acknowledgement"]._acknowledge(partner, self.documents)
        page = self.url_open("/my").text
        self.assertEqual(page.count("fa-check-circle"), 4, "every step done")
        # no checklist for a member who is not a focal point
        self.login(self.portal_member)
        self.assertNotIn("Your first steps", self.url_open("/my").text)

    def test_anonymous_visitors_log_in_first(self):
        for url in (
            "/my/ssc/roles",
            "/my/ssc/governance",
            "/my/ssc/profile",
            "/my/ssc/requests",
            f"/my/ssc/requests/{self.request_a.id}",
            f"/my/ssc/groups/{self.group_a.id}",
        ):
            response = self.url_open(url, allow_redirects=False)
            self.assertIn(response.status_code, (302, 303), url)
            self.assertIn("/web/login", response.headers["Location"], url)

    def test_group_page(self):
        self.env["res.partner"].create(
            {
                "name": "Lakeside Amphibian Ark",
                "is_company": True,
                "exsitu_group_ids": self.group_a.ids,
            }
        )
        self.login(self.portal_member)
        response = self.url_open(f"/my/ssc/groups/{self.group_a.id}")
        self.assertEqual(response.status_code, 200)
        self.assertRegex(response.text, r'o_excfp_group_open_requests">\s*1\s*<')
        for text in (
            "Lakeside Amphibian Ark",
            "Axolotl Portal SG",
            "Carla Chair",
            "Paula Focal",
            "Covered",
            "Axolotls and their wetlands.",
            'href="https://axolotl.example.org"',
        ):
            self.assertIn(text, response.text)
        # not a group of theirs, or none at all: not found
        for group_id in (self.group_b.id, 0, 2**31 - 1, 2**40):
            response = self.url_open(f"/my/ssc/groups/{group_id}")
            self.assertEqual(response.status_code, 404, group_id)
        # a website that is not a web address is not made a link
        self.login(self.internal_fp)
        response = self.url_open(f"/my/ssc/groups/{self.group_i.id}")
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("javascript:x()", response.text)

    def test_focal_point_pages_are_for_focal_points(self):
        self.login(self.portal_member)
        for url in ("/my/ssc/governance", "/my/ssc/profile", "/my/ssc/requests"):
            response = self.url_open(url, allow_redirects=False)
            self.assertEqual(response.status_code, 303, url)
            self.assertTrue(response.headers["Location"].endswith("/my"), url)
        response = self.post(
            "/my/ssc/governance/acknowledge",
            {
                "document_id": "all",
                "document_ids": ",".join(map(str, self.documents.ids)),
            },
        )
        self.assertEqual(response.status_code, 403)
        response = self.post("/my/ssc/profile", {"exsitu_org_type": "zoo"})
        self.assertEqual(response.status_code, 403)
        self.assertFalse(self.portal_member.partner_id.exsitu_org_type)
        self.assertFalse(
            self.env["excfp.acknowledgement"].search(
                [("partner_id", "=", self.portal_member.partner_id.id)]
            )
        )

    def test_pages_in_the_users_language(self):
        """Every SSC page, in French and in Spanish (the shipped .po files)."""
        pages = {
            "/my": {
                "fr_FR": "Vos premiers pas en tant que Point focal ex situ",
                "es_ES": "Sus primeros pasos como Punto Focal ex situ",
            },
            "/my/ssc/roles": {
                "fr_FR": "Rôles à la CSE",
                "es_ES": "Funciones en la CSE",
            },
            f"/my/ssc/groups/{self.group_a.id}": {
                "fr_FR": "Point focal ex situ",
                "es_ES": "Punto Focal ex situ",
            },
            "/my/ssc/governance": {
                "fr_FR": "Documents de gouvernance",
                "es_ES": "Documentos de gobernanza",
            },
            "/my/ssc/profile": {"fr_FR": "Profil ex situ", "es_ES": "Perfil ex situ"},
            "/my/ssc/requests": {
                "fr_FR": "Demandes de liaison",
                "es_ES": "Solicitudes de enlace",
            },
            f"/my/ssc/requests/{self.request_a.id}": {
                "fr_FR": "Marquer comme répondue",
                "es_ES": "Marcar como respondida",
            },
        }
        for code in ("fr_FR", "es_ES"):
            self.env["res.lang"]._activate_lang(code)
        self.env["ir.module.module"].search(
            [("name", "=", "excfp_odoo")]
        )._update_translations(["fr_FR", "es_ES"], overwrite=True)
        for code in ("fr_FR", "es_ES"):
            self.portal_a.lang = code
            self.login(self.portal_a)
            for url, texts in pages.items():
                response = self.url_open(url)
                self.assertEqual(response.status_code, 200, url)
                self.assertIn(texts[code], response.text, f"{code} {url}")
