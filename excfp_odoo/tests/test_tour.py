# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo.tests import tagged

from .common import ExcfpHttpCase


@tagged("post_install", "-at_install")
class TestTour(ExcfpHttpCase):
    """The secretariat's work in the web client, as its user, on the common
    group (self.group) with a nominated focal point of the tour's own."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.partner = cls.env["res.partner"].create(
            {"name": "Tomas Tour", "email": "tomas@example.org"}
        )
        cls.role = cls.env["excfp.role"].create(
            {
                "partner_id": cls.partner.id,
                "group_id": cls.group.id,
                "role_type": "focal_point",
            }
        )

    def test_activate_focal_point_from_group_form(self):
        self.start_tour(
            f"/odoo/action-excfp_odoo.excfp_specialist_group_action/{self.group.id}",
            "excfp_activate_focal_point",
            login=self.user_secretariat.login,
        )
        self.assertEqual(self.role.state, "active")
        self.assertEqual(self.group.excfp_status, "covered")
        self.assertEqual(self.partner.cpsg_status, "invited")

    def test_answer_liaison_request_from_chatter(self):
        zoo = self.env["res.partner"].create(
            {"name": "Zora Zoo", "email": "zora@zoo.example.org"}
        )
        request = self.env["excfp.liaison"].create(
            {
                "name": "Studbook data",
                "group_id": self.group.id,
                "counterpart_id": zoo.id,
            }
        )
        request.message_post(
            body="Could you share the studbook data for the hornbills?",
            message_type="email",
            author_id=zoo.id,
            subtype_xmlid="mail.mt_comment",
        )
        self.start_tour(
            f"/odoo/action-excfp_odoo.excfp_liaison_action/{request.id}",
            "excfp_answer_liaison",
            login=self.user_secretariat.login,
        )
        answer = request.message_ids.filtered(
            lambda m: "studbook keeper" in (m.body or "")
        )
        self.assertEqual(answer.author_id, self.user_secretariat.partner_id)
        self.assertIn(
            zoo, answer.notified_partner_ids, "the zoo gets the answer by email"
        )
        self.assertEqual(request.state, "answered", "answering stops the clock")
        self.assertTrue(request.date_answered)

    def test_every_smart_button_opens(self):
        zoo = self.env["res.partner"].create(
            {"name": "Zola Zoo", "is_company": True, "exsitu_group_ids": self.group.ids}
        )
        self.role.action_activate()
        self.env["excfp.liaison"].create(
            {
                "name": "Hornbill nest boxes",
                "group_id": self.group.id,
                "counterpart_id": zoo.id,
            }
        )
        engagement = self.env["excfp.engagement"].create(
            {"name": "Hornbill workshop", "group_id": self.group.id}
        )
        opportunity = self.env["excfp.opportunity"].create(
            {
                "name": "Hornbill insurance",
                "group_id": self.group.id,
                "engagement_ids": engagement.ids,
            }
        )
        audience = self.env.ref("excfp_odoo.audience_focal_points")
        audience.action_sync()
        document = self.env["excfp.governance.document"].search([], limit=1)
        for tour, url in (
            (
                "excfp_smart_buttons_opportunity",
                f"/odoo/action-excfp_odoo.excfp_opportunity_action/{opportunity.id}",
            ),
            (
                "excfp_smart_buttons_engagement",
                f"/odoo/action-excfp_odoo.excfp_engagement_action/{engagement.id}",
            ),
            (
                "excfp_smart_buttons_group",
                f"/odoo/action-excfp_odoo.excfp_specialist_group_action/{self.group.id}",
            ),
            ("excfp_smart_buttons_partner", f"/odoo/contacts/{self.partner.id}"),
            (
                "excfp_smart_buttons_audience",
                f"/odoo/action-excfp_odoo.excfp_audience_action/{audience.id}",
            ),
            (
                "excfp_smart_buttons_document",
                f"/odoo/action-excfp_odoo.excfp_governance_document_action/{document.id}",
            ),
        ):
            with self.subTest(tour=tour):
                self.start_tour(url, tour, login=self.user_secretariat.login)

    def test_one_plan_buttons(self):
        engagement = self.env["excfp.engagement"].create(
            {
                "name": "Hornbill planning workshop",
                "group_id": self.group.id,
                "date_start": "2030-03-02 09:00:00",
                "date_end": "2030-03-02 12:00:00",
            }
        )
        self.start_tour(
            f"/odoo/action-excfp_odoo.excfp_engagement_action/{engagement.id}",
            "excfp_engagement_buttons",
            login=self.user_secretariat.login,
        )
        self.assertEqual(engagement.state, "cancelled")
        self.assertFalse(engagement.calendar_event_id.active)
        opportunity = self.env["excfp.opportunity"].create(
            {"name": "Hornbill head-starting", "group_id": self.group.id}
        )
        self.start_tour(
            f"/odoo/action-excfp_odoo.excfp_opportunity_action/{opportunity.id}",
            "excfp_opportunity_drop",
            login=self.user_secretariat.login,
        )
        self.assertEqual(
            opportunity.stage_id, self.env.ref("excfp_odoo.opportunity_stage_dropped")
        )
        self.assertEqual(opportunity.drop_reason, "Found thriving in a second gorge.")

    def test_network_dashboard_opens_the_records_behind_a_figure(self):
        self.env["excfp.specialist.group"].create(
            {"name": "Tour Vacant SG", "code": "TVSG"}
        )
        self.env["excfp.liaison"].create(
            [
                {
                    "name": name,
                    "group_id": self.group.id,
                    "direction": direction,
                    "request_type": "information",
                }
                for name, direction in (
                    ("Tour dashboard request", "inbound"),
                    ("Tour dashboard outbound", "outbound"),
                )
            ]
        )
        self.start_tour(
            "/odoo/action-excfp_odoo.excfp_network_dashboard_action",
            "excfp_network_dashboard",
            login=self.user_secretariat.login,
        )

    def test_turnover_from_the_terms_form(self):
        Term = self.env["excfp.term"]
        start = self.term_current.date_end + timedelta(days=1)
        term = Term.search([("date_start", ">", self.term_current.date_end)], limit=1)
        if term:
            term.name = "Tour term"
        else:
            term = Term.create(
                {
                    "name": "Tour term",
                    "date_start": start,
                    "date_end": start + timedelta(days=4 * 365),
                }
            )
        group = self.env["excfp.specialist.group"].create(
            {"name": "Tour Turnover SG", "code": "TTOSG"}
        )
        tina, tomas, carl = self.env["res.partner"].create(
            [
                {"name": "Tina Tour"},
                {"name": "Tomas Turn"},
                {"name": "Carl Chair", "email": "carl@example.org"},
            ]
        )
        for partner, role_type in (
            (tina, "member"),
            (tomas, "member"),
            (carl, "chair"),
        ):
            self._role(partner, role_type, state="active", group=group)
        self.start_tour(
            f"/odoo/action-excfp_odoo.excfp_term_action/{term.id}",
            "excfp_turnover",
            login=self.user_secretariat.login,
        )
        proposals = self.env["excfp.reappointment"].search(
            [("group_id", "=", group.id), ("term_id", "=", term.id)]
        )
        states = {p.partner_id: p.state for p in proposals}
        self.assertEqual(states, {tina: "declined", tomas: "applied", carl: "proposed"})
        self.assertEqual(
            proposals.filtered(lambda p: p.partner_id == tomas).new_role_ids.state,
            "nominated",
        )
        # the Chair was written to twice: when prepared, and reminded
        self.assertEqual(
            len(group.message_ids.filtered(lambda m: carl in m.partner_ids)), 2
        )
