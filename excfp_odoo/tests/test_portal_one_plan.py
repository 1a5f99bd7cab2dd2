# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import tagged

from .common import ExcfpPortalCase


@tagged("post_install", "-at_install")
class TestPortalOnePlan(ExcfpPortalCase):
    """Focal point A sees and works on group A's opportunities; B, of another
    group, gets "not found"; a member of group A reads them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Opportunity = cls.env["excfp.opportunity"]
        cls.opportunity_a = Opportunity.create(
            {
                "name": "Axolotl insurance colony",
                "species_name": "Ambystoma mexicanum",
                "redlist_category": "CR",
                "group_id": cls.group_a.id,
                "exsitu_role_ids": [
                    Command.set(cls.env.ref("excfp_odoo.exsitu_role_insurance").ids)
                ],
            }
        )
        cls.opportunity_b = Opportunity.create(
            {"name": "Bongo breeding", "group_id": cls.group_b.id}
        )
        cls.engagement_a = cls.env["excfp.engagement"].create(
            {
                "name": "Axolotl husbandry workshop",
                "group_id": cls.group_a.id,
                "outcome": "<p>Two zoos will hold founders.</p>",
            }
        )

    def test_list_and_page_of_the_groups_opportunities(self):
        self.login(self.portal_a)
        page = self.url_open("/my/ssc/opportunities").text
        self.assertIn("Axolotl insurance colony", page)
        self.assertIn("Critically Endangered", page)
        self.assertIn("Insurance population", page)
        self.assertNotIn("Bongo breeding", page)
        response = self.url_open(self.opportunity_a.access_url)
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_excfp_notes_form", response.text)
        self.assertIn("o_portal_chatter", response.text)
        page = self.url_open("/my/ssc/collaborations").text
        self.assertIn("Two zoos will hold founders.", page)

    def test_other_groups_and_strangers_get_not_found(self):
        self.login(self.portal_b)
        for url in (
            self.opportunity_a.access_url,
            f"/my/ssc/opportunities/{self.opportunity_a.id + 10000}",
        ):
            self.assertEqual(self.url_open(url).status_code, 404, url)
        response = self.post(self.opportunity_a.access_url, {"notes": "Hijack"})
        self.assertEqual(response.status_code, 404)
        self.assertFalse(self.opportunity_a.status_review_notes)
        self.assertNotIn("Two zoos", self.url_open("/my/ssc/collaborations").text)

    def test_a_member_reads_but_does_not_write(self):
        self.login(self.portal_member)
        response = self.url_open(self.opportunity_a.access_url)
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("o_excfp_notes_form", response.text)
        response = self.post(self.opportunity_a.access_url, {"notes": "Mine"})
        self.assertIn("cannot be changed", response.text)
        self.assertFalse(self.opportunity_a.status_review_notes)

    def test_the_focal_point_writes_the_current_steps_notes(self):
        self.login(self.portal_a)
        response = self.post(
            self.opportunity_a.access_url, {"notes": "Wild: a few hundred."}
        )
        self.assertEqual(response.status_code, 303)
        self.assertIn("Wild: a few hundred.", self.opportunity_a.status_review_notes)
        # without the token: refused, nothing written
        response = self.post(
            self.opportunity_a.access_url, {"notes": "Forged"}, csrf=False
        )
        self.assertEqual(response.status_code, 400)
        self.assertNotIn("Forged", self.opportunity_a.status_review_notes)
        # too long: the form says so and keeps the text
        response = self.post(self.opportunity_a.access_url, {"notes": "x" * 6000})
        self.assertEqual(response.status_code, 200)
        self.assertIn("at most 5000 characters", response.text)
        self.assertIn("x" * 6000, response.text)

    def test_the_focal_point_proposes_an_opportunity(self):
        self.login(self.portal_a)
        response = self.post(
            "/my/ssc/opportunities/new",
            {"name": "", "species_name": "Ambystoma", "group_id": self.group_b.id},
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("Choose one of your groups.", response.text)
        self.assertIn('value="Ambystoma"', response.text)
        response = self.post(
            "/my/ssc/opportunities/new",
            {
                "name": "Axolotl head-starting",
                "species_name": "Ambystoma mexicanum",
                "redlist_category": "CR",
                "group_id": self.group_a.id,
                "notes": "Larvae survive poorly in the canals.",
            },
        )
        self.assertEqual(response.status_code, 303)
        proposal = self.env["excfp.opportunity"].search(
            [("name", "=", "Axolotl head-starting")]
        )
        self.assertEqual(
            proposal.stage_id,
            self.env.ref("excfp_odoo.opportunity_stage_status_review"),
        )
        self.assertEqual(proposal.focal_point_id, self.portal_a.partner_id)
        self.assertIn(self.portal_a.partner_id, proposal.message_partner_ids)
        self.assertEqual(proposal.activity_ids.user_id, proposal.user_id)
        self.assertTrue(proposal.user_id._is_internal())
        # a member, who is no focal point, cannot
        self.login(self.portal_member)
        response = self.post(
            "/my/ssc/opportunities/new",
            {"name": "Mine", "group_id": self.group_a.id},
        )
        self.assertEqual(response.status_code, 403)
