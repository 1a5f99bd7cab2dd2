# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import random
from unittest.mock import patch

from odoo.tests import TransactionCase, tagged
from odoo.tools.sql import index_exists, make_index_name

from odoo.addons.mail.tests.common import MockEmail
from odoo.addons.mass_mailing.models.mailing_list import MassMailingList


@tagged("post_install", "-at_install")
class TestMailingOptOut(TransactionCase, MockEmail):
    """The set-based opt-out, seen-list and blacklist lookups give core's
    answers: on lists with shared emails, mixed opt-outs, blacklisted emails
    and contacts without email, and through a whole send in small batches."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        List = cls.env["mailing.list"]
        cls.list_1, cls.list_2, cls.list_3 = List.create(
            [{"name": f"Opt-out list {i}"} for i in (1, 2, 3)]
        )
        Contact = cls.env["mailing.contact"]
        rng = random.Random(7)
        pool = [f"person{i}@example.org" for i in range(150)]
        values = []
        for i in range(240):
            email = rng.choice(pool)
            # mixed case and display names: the normalized email is what counts
            if i % 7 == 0:
                email = email.upper()
            if i % 11 == 0:
                email = f'"Person {i}" <{email}>'
            if i % 37 == 0:
                email = False
            subscriptions = [
                (0, 0, {"list_id": mailing_list.id, "opt_out": rng.random() < 0.35})
                for mailing_list in (cls.list_1, cls.list_2, cls.list_3)
                if rng.random() < 0.6
            ]
            values.append(
                {
                    "name": f"Contact {i}",
                    "email": email,
                    "subscription_ids": subscriptions,
                }
            )
        # and two known cases: out of both lists; out on one contact, in on another
        values += [
            {
                "name": "Only Out",
                "email": "only.out@example.org",
                "subscription_ids": [
                    (0, 0, {"list_id": cls.list_1.id, "opt_out": True}),
                    (0, 0, {"list_id": cls.list_2.id, "opt_out": True}),
                ],
            },
            {
                "name": "Shared Out",
                "email": "shared@example.org",
                "subscription_ids": [
                    (0, 0, {"list_id": cls.list_1.id, "opt_out": True})
                ],
            },
            {
                "name": "Shared In",
                "email": "Shared@Example.org",
                "subscription_ids": [
                    (0, 0, {"list_id": cls.list_2.id, "opt_out": False})
                ],
            },
        ]
        cls.contacts = Contact.create(values)
        cls.env["mail.blacklist"].create([{"email": pool[i]} for i in range(0, 60, 9)])
        cls.mailing = cls.env["mailing.mailing"].create(
            {
                "name": "Equivalence",
                "subject": "Ex situ news",
                "body_html": "<p>Hello</p>",
                "mailing_model_id": cls.env["ir.model"]._get("mailing.list").id,
                "contact_list_ids": [(6, 0, (cls.list_1 | cls.list_2).ids)],
            }
        )

    def _core(self, lists, mailing):
        return set(MassMailingList._mailing_get_opt_out_list(lists, mailing))

    def test_opt_out_list_is_cores(self):
        cases = [
            self.list_1,
            self.list_2,
            self.list_1 | self.list_2,
            self.list_1 | self.list_2 | self.list_3,
            self.env["mailing.list"],  # the mailing's lists
        ]
        for lists in cases:
            ours = lists._mailing_get_opt_out_list(self.mailing)
            core = self._core(lists, self.mailing)
            self.assertEqual(ours, core, lists.mapped("name"))
            if lists in (self.list_1 | self.list_2, self.env["mailing.list"]):
                self.assertIn("only.out@example.org", ours)
                # out on one contact, in on another with the same email: not out
                self.assertNotIn("shared@example.org", ours)
        # restricted to a batch's emails: core's answer for those emails
        batch = {"person1@example.org", "person2@example.org", "nobody@example.org"}
        lists = self.list_1 | self.list_2
        ours = lists.with_context(
            mass_mailing_set_based_batch_emails=batch
        )._mailing_get_opt_out_list(self.mailing)
        self.assertEqual(ours, self._core(lists, self.mailing) & batch)

    def _send(self, mailing, core):
        mailing = mailing.with_context(mass_mailing_set_based_core=core)
        with self.mock_mail_gateway():
            mailing.action_send_mail()
        return {
            (trace.res_id, trace.email, trace.trace_status, trace.failure_type)
            for trace in mailing.mailing_trace_ids
        }

    def test_whole_send_is_cores(self):
        """The same mailing sent with core's lookups and with ours, 7 recipients
        a batch, cancels and sends exactly the same."""
        self.env["ir.config_parameter"].set_param("mail.batch_size", "7")
        twin = self.mailing.copy({"name": "Equivalence, core"})
        ours = self._send(self.mailing, core=False)
        core = self._send(twin, core=True)
        self.assertEqual(ours, core)
        outcomes = {(status, failure) for _id, _email, status, failure in ours}
        for expected in (
            ("outgoing", False),
            ("cancel", "mail_optout"),
            ("cancel", "mail_dup"),
            ("cancel", "mail_bl"),
        ):
            self.assertIn(expected, outcomes)
        # every email reached once at most
        sent = [email for _id, email, status, _f in ours if status == "outgoing"]
        self.assertEqual(len(sent), len(set(sent)))

    def _ab_test_half_sent(self, campaign_name, prefix):
        """Versions A and B of an A/B test of the mailing: the mailing sent
        to 60 contacts and version A to 60 others, B not sent."""
        campaign = self.env["utm.campaign"].create({"name": campaign_name})
        version_a, version_b = (
            self.mailing.copy(
                {
                    "name": f"{prefix} {name}",
                    "ab_testing_enabled": True,
                    "ab_testing_pc": 50,
                    "campaign_id": campaign.id,
                }
            )
            for name in "AB"
        )
        with self.mock_mail_gateway():
            self.mailing.action_send_mail(self.contacts[:60].ids)
            version_a.action_send_mail(self.contacts[60:120].ids)
        return version_a, version_b

    def test_seen_list_is_cores(self):
        """The emails already reached, by a mailing or by any version of an
        A/B test's campaign: core's answer for a batch's emails."""
        self.env["ir.config_parameter"].set_param("mail.batch_size", "7")
        version_a, version_b = self._ab_test_half_sent("Seen list A/B", "Version")
        batch = {
            email for email in self.contacts.mapped("email_normalized") if email
        } | {"nobody@example.org"}
        for mailing in (self.mailing, version_a, version_b, self.mailing.copy()):
            core = mailing.with_context(
                mass_mailing_set_based_core=True
            )._get_seen_list()
            ours = mailing.with_context(
                mass_mailing_set_based_batch_emails=batch
            )._get_seen_list()
            self.assertEqual(ours, core & batch, mailing.name)
        # version B never sent, but its campaign reached version A's people
        self.assertTrue(
            version_b.with_context(
                mass_mailing_set_based_batch_emails=batch
            )._get_seen_list()
        )

    def test_seen_list_keeps_cores_hook(self):
        """Core's _get_seen_list_extra() hook (a JOIN and a WHERE, with core's
        named parameters) restricts the batch's seen list as it restricts
        core's."""
        version_a, version_b = self._ab_test_half_sent(
            "Seen list hook", "Hooked version"
        )
        batch = {email for email in self.contacts.mapped("email_normalized") if email}

        def own_traces_only(mailing):
            return (
                "JOIN mailing_mailing m ON m.id = s.mass_mailing_id",
                "AND m.id = %(mailing_id)s AND s.model = %(target_model)s",
            )

        Mailing = type(self.env["mailing.mailing"])
        with patch.object(Mailing, "_get_seen_list_extra", own_traces_only):
            for mailing in (self.mailing, version_a, version_b):
                core = mailing.with_context(
                    mass_mailing_set_based_core=True
                )._get_seen_list()
                ours = mailing.with_context(
                    mass_mailing_set_based_batch_emails=batch
                )._get_seen_list()
                self.assertEqual(ours, core & batch, mailing.name)
            # the campaign reached version A's people, version B none itself
            hooked = version_b.with_context(mass_mailing_set_based_batch_emails=batch)
            self.assertFalse(hooked._get_seen_list())
        self.assertTrue(hooked._get_seen_list())

    def test_email_lookups_are_indexed(self):
        """The lookups by email of a batch have their indexes (index=True)."""
        for table, column in (
            ("mailing_trace", "email"),
            ("mailing_contact", "email_normalized"),
        ):
            self.assertTrue(
                index_exists(self.env.cr, make_index_name(table, column)), table
            )
