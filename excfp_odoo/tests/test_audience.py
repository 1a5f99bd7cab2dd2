# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import random
from contextlib import closing
from unittest.mock import patch

from odoo import Command
from odoo.exceptions import UserError
from odoo.sql_db import db_connect
from odoo.tests import users

from odoo.addons.excfp_odoo.models import excfp_audience

from .common import ExcfpCase


class TestAudience(ExcfpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a network of the tests' own: demo data has EAZA contacts too
        cls.eaza = cls.env["excfp.exsitu.network"].create(
            {"code": "TESTNET", "name": "Test Network"}
        )
        Partner = cls.env["res.partner"]
        cls.cai.exsitu_mailing_consent = "opted_out"
        cls.group_2 = cls.env["excfp.specialist.group"].create(
            {"name": "Second Audience SG", "code": "SASG"}
        )
        Role = cls.env["excfp.role"]
        cls.role_ana = Role.create(
            {
                "partner_id": cls.ana.id,
                "group_id": cls.group.id,
                "role_type": "focal_point",
                "state": "active",
            }
        )
        cls.role_cai = Role.create(
            {
                "partner_id": cls.cai.id,
                "group_id": cls.group_2.id,
                "role_type": "focal_point",
                "state": "active",
            }
        )
        Role.create(
            {
                "partner_id": cls.ben.id,
                "group_id": cls.group.id,
                "role_type": "member",
                "state": "active",
            }
        )
        cls.zoo = Partner.create(
            {
                "name": "Audience Zoo",
                "is_company": True,
                "exsitu_org_type": "zoo",
                "exsitu_network_ids": [Command.set(cls.eaza.ids)],
                "exsitu_group_ids": [Command.set(cls.group.ids)],
            }
        )
        cls.keeper = Partner.create(
            {
                "name": "Kim Keeper",
                "email": "kim@audience-zoo.example.org",
                "parent_id": cls.zoo.id,
                "exsitu_mailing_consent": "opted_in",
            }
        )
        cls.unknown = Partner.create(
            {
                "name": "Uma Unknown",
                "email": "uma@audience-zoo.example.org",
                "parent_id": cls.zoo.id,
            }
        )
        cls.blacklisted = Partner.create(
            {
                "name": "Bo Blacklisted",
                "email": "bo@audience-zoo.example.org",
                "parent_id": cls.zoo.id,
                "exsitu_mailing_consent": "opted_in",
            }
        )
        cls.env["mail.blacklist"].create({"email": "bo@audience-zoo.example.org"})
        cls.fps = cls.env.ref("excfp_odoo.audience_focal_points")
        cls.eaza_audience = cls.env["excfp.audience"].create(
            {
                "name": "Test network contacts, opted in",
                "source": "community",
                "network_ids": [Command.set(cls.eaza.ids)],
            }
        )

    def _emails(self, audience):
        subscriptions = audience.mailing_list_id.subscription_ids
        return {s.contact_id.email_normalized: s.opt_out for s in subscriptions}

    def test_focal_points_audience(self):
        self.fps.action_sync()
        emails = self._emails(self.fps)
        self.assertIn("ana@example.org", emails)
        self.assertNotIn("cai@example.org", emails, "opted out")
        self.assertNotIn("ben@example.org", emails, "a member, not a focal point")
        # in sync: nothing more to do
        self.assertEqual(self.fps._sync(), (0, 0))
        # a role ended: removed at the next sync
        self.role_ana.action_end()
        self.fps.action_sync()
        self.assertNotIn("ana@example.org", self._emails(self.fps))

    def test_sync_now_says_what_it_did(self):
        before = len(self._emails(self.fps))  # the demo's, synced at install
        notification = self.fps.with_user(self.user_secretariat).action_sync()
        params = notification["params"]
        subscribed = len(self._emails(self.fps)) - before
        self.assertEqual(
            params["message"], f"{subscribed} subscribed, 0 taken off the mailing list."
        )
        self.role_ana.action_end()
        params = self.fps.action_sync()["params"]
        self.assertEqual(
            params["message"], "0 subscribed, 1 taken off the mailing list."
        )

    def test_unsubscribed_are_never_subscribed_again(self):
        self.fps.action_sync()
        subscription = self.fps.mailing_list_id.subscription_ids.filtered(
            lambda s: s.contact_id.email_normalized == "ana@example.org"
        )
        # what the unsubscribe page of a mailing to the list does
        subscription.write({"opt_out": True})
        self.assertEqual(self.ana.exsitu_mailing_consent, "opted_out")
        self.assertEqual(self.ana.exsitu_mailing_consent_source, "unsubscribe")
        self.fps.action_sync()
        self.assertEqual(self._emails(self.fps)["ana@example.org"], True)
        # even if the consent is set back by hand, the list's opt-out stays
        self.ana.exsitu_mailing_consent = "unknown"
        self.fps.action_sync()
        self.assertEqual(self._emails(self.fps)["ana@example.org"], True)

    @users("excfp_secretariat")
    def test_consent_is_the_contacts_and_the_lists_follow(self):
        """One owner: the contact's consent. Kim at work opts out in the back
        office: her lists follow at once, and her second contact (same
        email) keeps its own consent, the email staying out of every list.
        An opt-out on a list (core's unsubscribe page) that the consent does
        not say yet is Kim's word: both her contacts record it."""
        twin = self.env["res.partner"].create(
            {
                "name": "Kim at home",
                "email": "kim@audience-zoo.example.org",
                "exsitu_network_ids": [Command.set(self.eaza.ids)],
                "exsitu_mailing_consent": "opted_in",
            }
        )
        keeper = self.keeper.with_env(self.env)
        self.eaza_audience.action_sync()
        kim = "kim@audience-zoo.example.org"
        self.assertFalse(self._emails(self.eaza_audience)[kim])
        keeper.exsitu_mailing_consent = "opted_out"
        self.assertTrue(self._emails(self.eaza_audience)[kim])
        self.assertEqual(keeper.exsitu_mailing_consent_source, "back_office")
        self.assertEqual(twin.exsitu_mailing_consent, "opted_in")
        self.eaza_audience.action_sync()
        self.assertTrue(self._emails(self.eaza_audience)[kim])
        # both opt in again; then the list's unsubscribe page is their word
        (keeper | twin).exsitu_mailing_consent = "opted_in"
        subscription = self.eaza_audience.mailing_list_id.subscription_ids.filtered(
            lambda s: s.contact_id.email_normalized == kim
        )
        subscription.sudo().write({"opt_out": False})
        self.assertEqual(keeper.exsitu_mailing_consent, "opted_in")
        subscription.sudo().write({"opt_out": True})
        self.assertEqual(
            (keeper | twin).mapped("exsitu_mailing_consent"), ["opted_out"] * 2
        )
        self.assertEqual(twin.exsitu_mailing_consent_source, "unsubscribe")

    @users("excfp_secretariat")
    def test_an_opt_out_holds_on_every_list_at_once(self):
        """Kim leaves one list (or the secretariat records her opt-out): a
        mailing to another audience list that afternoon does not reach her,
        without waiting for the daily sync."""
        group_audience = self.env["excfp.audience"].create(
            {
                "name": "Newt group partners",
                "source": "community",
                "group_ids": [Command.set(self.group.ids)],
            }
        )
        (self.eaza_audience | group_audience).action_sync()
        kim = "kim@audience-zoo.example.org"
        self.assertFalse(self._emails(group_audience)[kim])
        subscription = self.eaza_audience.mailing_list_id.subscription_ids.filtered(
            lambda s: s.contact_id.email_normalized == kim
        )
        subscription.write({"opt_out": True})
        self.assertTrue(self._emails(group_audience)[kim])
        mailing = self.env["mailing.mailing"].create(
            {
                "name": "Newt news",
                "subject": "Newt news",
                "body_html": "<p>News</p>",
                "mailing_model_id": self.env["ir.model"]._get("mailing.list").id,
                "contact_list_ids": [Command.set(group_audience.mailing_list_id.ids)],
            }
        )
        with self.mock_mail_gateway():
            mailing.action_send_mail()
        trace = mailing.mailing_trace_ids.filtered(lambda t: t.email == kim)
        self.assertEqual(trace.trace_status, "cancel")
        self.assertEqual(trace.failure_type, "mail_optout")
        # from the back office: the same
        self.keeper.exsitu_mailing_consent = "opted_in"
        self.unknown.exsitu_mailing_consent = "opted_in"
        group_audience.action_sync()
        self.assertFalse(self._emails(group_audience)["uma@audience-zoo.example.org"])
        self.unknown.exsitu_mailing_consent = "opted_out"
        self.assertTrue(self._emails(group_audience)["uma@audience-zoo.example.org"])
        self.assertEqual(self.unknown.exsitu_mailing_consent_source, "back_office")

    @users("excfp_secretariat")
    def test_mailing_to_contacts_leaves_opted_out_out(self):
        """A mailing to contacts rather than to a list: those who opted out
        (on any contact with their email) get none; core would mail them."""
        twin = self.env["res.partner"].create(
            {"name": "Kim at home", "email": "KIM@audience-zoo.example.org"}
        )
        self.keeper.exsitu_mailing_consent = "opted_out"
        people = self.keeper | self.unknown | twin
        mailing = self.env["mailing.mailing"].create(
            {
                "name": "To contacts",
                "subject": "To contacts",
                "body_html": "<p>Hello</p>",
                "mailing_model_id": self.env["ir.model"]._get("res.partner").id,
                "mailing_domain": repr([("id", "in", people.ids)]),
            }
        )
        with self.mock_mail_gateway():
            mailing.action_send_mail()
        status = {
            trace.res_id: (trace.trace_status, trace.failure_type)
            for trace in mailing.mailing_trace_ids
        }
        self.assertEqual(status[self.keeper.id], ("cancel", "mail_optout"))
        self.assertEqual(status[twin.id], ("cancel", "mail_optout"))
        self.assertNotEqual(status[self.unknown.id][0], "cancel")

    def test_new_network_gets_its_audience(self):
        """As the shipped networks: a network added later has its opted-in
        contacts as an audience, synced with a mailing list."""
        network = (
            self.env["excfp.exsitu.network"]
            .with_user(self.user_manager)
            .create({"name": "Iberian Zoos and Aquaria", "code": "AIZA-T"})
        )
        audience = self.env["excfp.audience"].search(
            [("network_ids", "in", network.ids)]
        )
        self.assertEqual(len(audience), 1)
        self.assertEqual(audience.name, "AIZA-T contacts, opted in")
        self.assertEqual(audience.source, "community")
        self.assertTrue(audience.mailing_list_id)
        member = self.env["res.partner"].create(
            {
                "name": "Ines Iberia",
                "email": "ines@aiza.example.org",
                "exsitu_network_ids": [Command.set(network.ids)],
                "exsitu_mailing_consent": "opted_in",
            }
        )
        audience.action_sync()
        self.assertEqual(self._emails(audience), {member.email: False})

    def test_community_audience_opted_in_only(self):
        self.eaza_audience.action_sync()
        emails = self._emails(self.eaza_audience)
        # a person of an EAZA organisation, opted in
        self.assertEqual(set(emails), {"kim@audience-zoo.example.org"})
        self.unknown.exsitu_mailing_consent = "opted_in"
        self.eaza_audience.action_sync()
        self.assertIn("uma@audience-zoo.example.org", self._emails(self.eaza_audience))

    def test_sync_in_small_batches_resumes(self):
        Partner = self.env["res.partner"]
        people = Partner.create(
            [
                {
                    "name": f"Batch Person {i}",
                    "email": f"batch{i}@example.org",
                    "parent_id": self.zoo.id,
                    "exsitu_mailing_consent": "opted_in",
                }
                for i in range(25)
            ]
        )
        runs = 0
        while True:
            done, left = self.eaza_audience._sync(limit=7)
            runs += 1
            self.assertLessEqual(done, 7)
            if not left:
                break
        self.assertEqual(runs, 4)  # 26 emails, 7 at a time
        self.assertEqual(len(self._emails(self.eaza_audience)), 26)
        # half the people leave the network's organisation: removed in batches
        people[:10].write({"parent_id": False})
        self.eaza_audience._sync(limit=4)
        self.assertEqual(len(self._emails(self.eaza_audience)), 22)
        self.eaza_audience.action_sync()
        self.assertEqual(len(self._emails(self.eaza_audience)), 16)
        self.assertEqual(self.eaza_audience._sync(), (0, 0))

    def test_sync_now_hands_large_changes_to_the_scheduled_action(self):
        """A click on Sync now stays within a request's time: past
        SYNC_PER_RUN changes the scheduled action takes over at once."""
        self.env["res.partner"].create(
            [
                {
                    "name": f"Click Person {i}",
                    "email": f"click{i}@example.org",
                    "parent_id": self.zoo.id,
                    "exsitu_mailing_consent": "opted_in",
                }
                for i in range(12)
            ]
        )
        cron = self.env.ref("excfp_odoo.ir_cron_audience_sync")
        triggers = self.env["ir.cron.trigger"].search([("cron_id", "=", cron.id)])
        with patch.object(excfp_audience, "SYNC_PER_RUN", 5):
            action = self.eaza_audience.action_sync()
        self.assertEqual(action["tag"], "display_notification")
        self.assertIn("8 more changes", action["params"]["message"])
        self.assertEqual(len(self._emails(self.eaza_audience)), 5)
        self.assertTrue(
            self.env["ir.cron.trigger"].search([("cron_id", "=", cron.id)]) - triggers
        )
        self.env["excfp.audience"]._cron_sync()
        self.assertEqual(len(self._emails(self.eaza_audience)), 13)
        # all done: Sync now says what it did, nothing left for the background
        params = self.eaza_audience.action_sync()["params"]
        self.assertEqual(
            params["message"], "0 subscribed, 0 taken off the mailing list."
        )

    def test_one_sync_at_a_time(self):
        """While another transaction syncs an audience, Sync now says so and
        the scheduled action leaves it: never two syncs of one list."""
        audience = self.env.ref("excfp_odoo.audience_network_waza")
        with closing(db_connect(self.env.cr.dbname).cursor()) as other:
            other.execute(
                "SELECT id FROM excfp_audience WHERE id = %s FOR UPDATE NOWAIT",
                [audience.id],
            )
            with self.assertRaisesRegex(UserError, "being synchronised already"):
                audience.action_sync()
            self.env["excfp.audience"]._cron_sync()  # the others, no error
            other.rollback()
        self.assertEqual(audience._sync(limit=None)[1], 0)

    def test_cron_syncs_every_audience(self):
        self.env["excfp.audience"]._cron_sync()
        self.assertIn("ana@example.org", self._emails(self.fps))
        self.assertIn("kim@audience-zoo.example.org", self._emails(self.eaza_audience))
        self.assertTrue(self.fps.last_sync_date)

    @users("excfp_secretariat")
    def test_mailing_from_the_group_form(self):
        action = self.group.with_user(
            self.user_secretariat
        ).action_mail_exsitu_partners()
        self.assertEqual(action["res_model"], "mailing.mailing")
        audience = self.env["excfp.audience"].search(
            [("group_ids", "=", self.group.id), ("source", "=", "community")]
        )
        self.assertEqual(len(audience), 1)
        self.assertEqual(
            action["context"]["default_contact_list_ids"],
            audience.mailing_list_id.ids,
        )
        self.assertEqual(set(self._emails(audience)), {"kim@audience-zoo.example.org"})
        # the second time, the same audience
        self.group.action_mail_exsitu_partners()
        self.assertEqual(
            self.env["excfp.audience"].search_count(
                [("group_ids", "=", self.group.id)]
            ),
            1,
        )

    @users("excfp_secretariat")
    def test_mailing_reaches_exactly_the_right_people(self):
        """A few hundred contacts of the ex situ community, with opt-outs,
        unknown consent, blacklisted, bounced, archived and shared emails."""
        rng = random.Random(11)
        Partner = self.env["res.partner"]
        values = []
        for i in range(300):
            email = f"member{rng.randrange(240)}@example.org"
            values.append(
                {
                    "name": f"Member {i}",
                    "email": email,
                    "parent_id": self.zoo.id,
                    "exsitu_mailing_consent": rng.choice(
                        ("opted_in", "opted_in", "unknown", "opted_out")
                    ),
                    "active": rng.random() > 0.05,
                    # past the threshold of 3: out, with every contact of the email
                    "message_bounce": rng.choice((0, 0, 0, 0, 0, 1, 2, 3, 5)),
                }
            )
        people = Partner.with_context(active_test=False).create(values)
        blacklisted = {f"member{i}@example.org" for i in range(0, 240, 13)}
        self.env["mail.blacklist"].create([{"email": email} for email in blacklisted])
        active = people.filtered("active")
        opted_out = {
            p.email_normalized
            for p in active
            if p.exsitu_mailing_consent == "opted_out"
        }
        bounced = {p.email_normalized for p in active if p.message_bounce >= 3}
        # one email per person: an opt-out or bounces on any of its contacts count
        expected = {
            p.email_normalized
            for p in active
            if p.exsitu_mailing_consent == "opted_in"
            and p.email_normalized not in blacklisted | opted_out | bounced
        } | {"kim@audience-zoo.example.org"}
        self.assertTrue(
            any(p.email_normalized in bounced and p.message_bounce < 3 for p in active),
            "the sample has an email bounced on one contact and not on another",
        )
        self.assertGreater(len(expected), 50)
        self.eaza_audience.action_sync()
        mailing = self.env["mailing.mailing"].create(
            {
                "name": "Call for ex situ expertise",
                "subject": "Call for ex situ expertise",
                "body_html": "<p>Dear colleague</p>",
                "mailing_model_id": self.env["ir.model"]._get("mailing.list").id,
                "contact_list_ids": [
                    Command.set(self.eaza_audience.mailing_list_id.ids)
                ],
            }
        )
        with self.mock_mail_gateway():
            mailing.action_send_mail()
        reached = {
            trace.email
            for trace in mailing.mailing_trace_ids
            if trace.trace_status not in ("cancel", "error")
        }
        self.assertEqual(reached, expected)
        self.assertEqual(len(self._new_mails), len(expected))

    def test_sync_has_no_query_per_person(self):
        """Subscribing 400 new people costs no query per person."""
        self.eaza_audience.action_sync()  # warm-up: the list, caches
        counts = {}
        for size in (10, 40, 400):
            self.env["res.partner"].create(
                [
                    {
                        "name": f"Query Person {size}-{i}",
                        "email": f"query{size}-{i}@example.org",
                        "parent_id": self.zoo.id,
                        "exsitu_mailing_consent": "opted_in",
                    }
                    for i in range(size)
                ]
            )
            self.env.flush_all()
            self.env.invalidate_all()
            start = self.env.cr.sql_log_count
            done, left = self.eaza_audience._sync()
            self.env.flush_all()
            counts[size] = self.env.cr.sql_log_count - start
            self.assertEqual(left, 0)
            self.assertGreaterEqual(done, size)
        # no query per person: 360 more people cost a few batched queries of
        # the ORM's creates (measured: 17 for 40, 33 for 400), not 360
        self.assertLess(counts[400] - counts[40], 360 // 10, counts)

    def test_placeholders_for_group_and_focal_point(self):
        """A mailing can name each recipient's SSC groups and their focal
        points: Kim's zoo works with the Newt group, whose focal point is Ana.
        The secretariat uses them without being mail template editors."""
        self.eaza_audience.action_sync()
        mailing = (
            self.env["mailing.mailing"]
            .with_user(self.user_secretariat)
            .create(
                {
                    "name": "Placeholders",
                    "subject": "Your group",
                    "body_html": '<p>Your group: <t t-out="object.excfp_group_names"/>; '
                    'its focal point: <t t-out="object.excfp_focal_point_names"/>.</p>',
                    "mailing_model_id": self.env["ir.model"]._get("mailing.list").id,
                    "contact_list_ids": [
                        Command.set(self.eaza_audience.mailing_list_id.ids)
                    ],
                }
            )
        )
        with self.mock_mail_gateway():
            mailing.action_send_mail()
        mail = self._new_mails.filtered(
            lambda m: "kim@audience-zoo" in (m.email_to or "")
        )
        self.assertIn("Your group: Test Newt Specialist Group;", mail.body_html)
        self.assertIn("its focal point: Ana Test.", mail.body_html)
