# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common import ExcfpPortalCase


@tagged("post_install", "-at_install")
class TestOpportunityTours(ExcfpPortalCase):
    def test_secretariat_takes_an_opportunity_through_the_five_steps(self):
        group = self.env["excfp.specialist.group"].create(
            {"name": "Tour Toad Specialist Group", "code": "TTSG"}
        )
        # the only opportunity the kanban shows
        self.env["excfp.opportunity"].search([]).action_archive()
        opportunity = self.env["excfp.opportunity"].create(
            {"name": "Tour toad insurance", "group_id": group.id}
        )
        self.start_tour(
            "/odoo/action-excfp_odoo.excfp_opportunity_action",
            "excfp_opportunity_steps",
            login=self.user_secretariat.login,
        )
        self.assertEqual(
            opportunity.stage_id, self.env.ref("excfp_odoo.opportunity_stage_decided")
        )
        self.assertEqual(opportunity.decision, "include")
        self.assertEqual(
            opportunity.chosen_role_ids,
            self.env.ref("excfp_odoo.exsitu_role_insurance"),
        )
        self.assertTrue(opportunity.decision_date)

    def test_focal_point_writes_the_notes_on_the_portal(self):
        opportunity = self.env["excfp.opportunity"].create(
            {"name": "Axolotl insurance colony", "group_id": self.group_a.id}
        )
        self.start_tour("/my", "excfp_portal_opportunity", login=self.portal_a.login)
        self.assertIn("About 50 adults", opportunity.status_review_notes)
