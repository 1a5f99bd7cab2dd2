# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command

from odoo.addons.mail.tests.common import MailCommon
from odoo.addons.mail_gateway_auto_submitted.tests.common import (
    EMAIL as REPLY_EMAIL,
)

# A delivery status notification, as a mail server sends it back to the
# bounce address, with the original email attached.
BOUNCE_EMAIL = """Return-Path: <>
To: {to}
From: MAILER-DAEMON@mx.zoo.example.org (Mail Delivery System)
Subject: Undelivered Mail Returned to Sender
Auto-Submitted: auto-replied
MIME-Version: 1.0
Message-Id: <{dsn_id}@mx.zoo.example.org>
Content-Type: multipart/report; report-type=delivery-status;
    boundary="DSN-BOUNDARY"

--DSN-BOUNDARY
Content-Type: text/plain; charset=us-ascii

Your message could not be delivered: 550 No such person at this address.

--DSN-BOUNDARY
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.zoo.example.org

Final-Recipient: rfc822; {email}
Original-Recipient: rfc822;{email}
Action: failed
Status: 5.1.1
Diagnostic-Code: smtp; 550 No such person at this address.

--DSN-BOUNDARY
Content-Type: message/rfc822

Return-Path: <{to}>
Message-Id: {message_id}
Subject: Call for ex situ expertise
From: SSC <ssc@example.org>
To: {email}
Content-Type: text/plain

Dear colleague

--DSN-BOUNDARY--
"""


class TestMailingGateway(MailCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a network of the tests' own: demo data has EAZA contacts too
        eaza = cls.env["excfp.exsitu.network"].create(
            {"code": "TESTNET", "name": "Test Network"}
        )
        zoo = cls.env["res.partner"].create(
            {
                "name": "Bounce Zoo",
                "is_company": True,
                "exsitu_org_type": "zoo",
                "exsitu_network_ids": [Command.set(eaza.ids)],
            }
        )
        cls.keeper = cls.env["res.partner"].create(
            {
                "name": "Kit Keeper",
                "email": "kit@bounce-zoo.example.org",
                "parent_id": zoo.id,
                "exsitu_mailing_consent": "opted_in",
            }
        )
        cls.audience = cls.env["excfp.audience"].create(
            {
                "name": "Test network contacts, opted in",
                "source": "community",
                "network_ids": [Command.set(eaza.ids)],
            }
        )

    def _subscribed(self):
        return {
            s.contact_id.email_normalized
            for s in self.audience.mailing_list_id.subscription_ids
            if not s.opt_out
        }

    def _send(self):
        mailing = self.env["mailing.mailing"].create(
            {
                "name": "Bounce test",
                "subject": "Call for ex situ expertise",
                "body_html": "<p>Dear colleague</p>",
                "mailing_model_id": self.env["ir.model"]._get("mailing.list").id,
                "contact_list_ids": [Command.set(self.audience.mailing_list_id.ids)],
            }
        )
        with self.mock_mail_gateway():
            mailing.action_send_mail()
        return mailing.mailing_trace_ids

    def _bounce(self, trace, count):
        raw = BOUNCE_EMAIL.format(
            to=f"{self.alias_bounce}@{self.alias_domain}",
            email=trace.email,
            message_id=trace.message_id,
            dsn_id=f"dsn-{trace.id}-{count}",
        )
        self.env["mail.thread"].sudo().message_process(None, raw)

    def test_bounces_take_the_contact_out(self):
        self.audience.action_sync()
        self.assertIn("kit@bounce-zoo.example.org", self._subscribed())
        for count in range(1, 4):
            trace = self._send()
            self.assertEqual(len(trace), 1)
            self._bounce(trace, count)
            self.assertEqual(trace.trace_status, "bounce")
            self.assertEqual(self.keeper.message_bounce, count)
            if count < 3:
                self.assertIn("kit@bounce-zoo.example.org", self._subscribed())
        # past the threshold: out of the audience, an activity to fix the address
        self.assertNotIn("kit@bounce-zoo.example.org", self._subscribed())
        fix = self.env.ref("excfp_odoo.mail_activity_type_fix_email")
        activity = self.keeper.activity_ids.filtered(
            lambda a: a.activity_type_id == fix
        )
        self.assertEqual(len(activity), 1)
        self.audience.action_sync()
        self.assertNotIn("kit@bounce-zoo.example.org", self._subscribed())
        # fixed: the new address joins at the next sync, the activity is done
        self.keeper.email = "kit.keeper@bounce-zoo.example.org"
        self.assertEqual(self.keeper.message_bounce, 0)
        self.assertFalse(
            self.keeper.activity_ids.filtered(lambda a: a.activity_type_id == fix)
        )
        self.audience.action_sync()
        self.assertIn("kit.keeper@bounce-zoo.example.org", self._subscribed())

    def test_replies_become_liaison_requests(self):
        alias = self.env.ref("excfp_odoo.mail_alias_liaison")
        alias.alias_domain_id = self.mail_alias_domain
        action = self.audience.action_new_mailing()
        mailing = (
            self.env["mailing.mailing"]
            .with_context(**action["context"])
            .create({"name": "Replies", "body_html": "<p>Dear colleague</p>"})
        )
        self.assertEqual(mailing.reply_to, f"ssc-liaison@{self.alias_domain}")
        self.assertEqual(mailing.contact_list_ids, self.audience.mailing_list_id)
        with self.mock_mail_gateway():
            mailing.action_send_mail()
        sent = self._new_mails.filtered(
            lambda m: "kit@bounce-zoo" in (m.email_to or "")
        )
        self.assertEqual(sent.reply_to, f"ssc-liaison@{self.alias_domain}")
        # Kit replies: the answer is kept as a request for the secretariat
        request = self.format_and_process(
            REPLY_EMAIL,
            '"Kit Keeper" <kit@bounce-zoo.example.org>',
            f"ssc-liaison@{self.alias_domain}",
            subject="Re: Call for ex situ expertise",
            target_model="excfp.liaison",
        )
        self.assertEqual(len(request), 1)
        self.assertEqual(request.counterpart_id, self.keeper)
        self.assertFalse(request.group_id, "to route")
