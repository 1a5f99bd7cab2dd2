# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta

from odoo import Command
from odoo.exceptions import UserError, ValidationError

from .common import ExcfpCase


class TestEngagement(ExcfpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["excfp.role"].create(
            {
                "partner_id": cls.ana.id,
                "group_id": cls.group.id,
                "role_type": "focal_point",
                "state": "active",
            }
        )
        cls.zoo = cls.env["res.partner"].create(
            {
                "name": "Newt Zoo",
                "is_company": True,
                "email": "info@newt-zoo.example.org",
            }
        )
        cls.start = datetime.now().replace(microsecond=0) + timedelta(days=20)

    def _engagement(self, **vals):
        return (
            self.env["excfp.engagement"]
            .with_user(self.user_secretariat)
            .create(
                {
                    "name": "Newt planning workshop",
                    "engagement_type": "workshop",
                    "group_id": self.group.id,
                    "date_start": self.start,
                    "date_end": self.start + timedelta(hours=3),
                    "organisation_ids": [Command.set(self.zoo.ids)],
                    "attendee_ids": [Command.set(self.ben.ids)],
                    **vals,
                }
            )
        )

    def test_ends_after_it_starts(self):
        with self.assertRaises(ValidationError):
            self._engagement(date_end=self.start - timedelta(hours=1))

    def test_calendar_event_linked_both_ways_and_kept_up_to_date(self):
        engagement = self._engagement()
        self.assertEqual(engagement.focal_point_id, self.ana)
        with self.mock_mail_gateway():
            engagement.action_add_to_calendar()
        event = engagement.calendar_event_id
        self.assertEqual(event.name, "Newt planning workshop")
        self.assertEqual(event.start, self.start)
        self.assertEqual(event.stop, self.start + timedelta(hours=3))
        self.assertEqual(event.partner_ids, self.ben | self.ana)
        # the event opens the collaboration (its Document link)
        self.assertEqual(
            (event.res_model, event.res_id), (engagement._name, engagement.id)
        )
        # changing the dates or the attendees moves the event
        with self.mock_mail_gateway():
            engagement.write(
                {
                    "date_start": self.start + timedelta(days=1),
                    "date_end": self.start + timedelta(days=1, hours=2),
                    "attendee_ids": [Command.link(self.cai.id)],
                }
            )
        self.assertEqual(event.start, self.start + timedelta(days=1))
        self.assertEqual(event.partner_ids, self.ben | self.cai | self.ana)
        # a second click updates the same event
        engagement.action_add_to_calendar()
        self.assertEqual(engagement.calendar_event_id, event)
        # cancelled: the event leaves the calendars, and comes back if planned
        engagement.action_cancel()
        self.assertFalse(event.active)
        engagement.action_plan()
        self.assertTrue(event.active)

    def test_taken_place_is_archived_not_deleted(self):
        engagement = self._engagement()
        engagement.action_done()
        with self.assertRaises(UserError):
            engagement.with_user(self.user_manager).unlink()
        future = self._engagement(name="Next year's workshop")
        future.with_user(self.user_manager).unlink()
        self.assertFalse(future.exists())

    def test_smart_buttons_count_the_groups_and_organisations(self):
        engagement = self._engagement()
        opportunity = self.env["excfp.opportunity"].create(
            {
                "name": "Head-starting newts",
                "group_id": self.group.id,
                "exsitu_partner_ids": [Command.set(self.zoo.ids)],
                "engagement_ids": [Command.set(engagement.ids)],
            }
        )
        group = self.group.with_user(self.user_secretariat)
        self.assertEqual((group.opportunity_count, group.engagement_count), (1, 1))
        zoo = self.zoo.with_user(self.user_secretariat)
        self.assertEqual(
            (zoo.excfp_opportunity_count, zoo.excfp_engagement_count), (1, 1)
        )
        self.assertEqual(
            self.env["excfp.opportunity"].search(
                zoo.action_view_excfp_opportunities()["domain"]
            ),
            opportunity,
        )
        self.assertEqual(opportunity.engagement_count, 1)
        self.assertEqual(
            self.env["excfp.engagement"].search(
                opportunity.action_view_engagements()["domain"]
            ),
            engagement,
        )
