# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from unittest.mock import patch

from odoo.tests import tagged

from odoo.addons.mail.tests.common import MailCommon

from .common import EMAIL


@tagged("post_install", "-at_install")
class TestMailGatewayAutoSubmitted(MailCommon):
    """What the gateway creates from an automatic email sees
    mail_gateway_auto_submitted in its context; from any other email, not."""

    def _receive(self, extra, subject):
        """The context message_new sees for an email with these headers (to
        res.partner, which any database has)."""
        Partner = type(self.env["res.partner"])
        message_new = Partner.message_new
        seen = []

        def spy(record, msg_dict, custom_values=None):
            seen.append(record.env.context.get("mail_gateway_auto_submitted"))
            return message_new(record, msg_dict, custom_values=custom_values)

        with patch.object(Partner, "message_new", spy):
            partner = self.format_and_process(
                EMAIL,
                '"Zoe Keeper" <zoe.keeper@zoo.example.org>',
                f"info@{self.alias_domain}",
                subject=subject,
                extra=extra,
                model="res.partner",
                target_model="res.partner",
            )
        self.assertEqual(len(partner), 1, "the email is processed all the same")
        self.assertEqual(len(seen), 1)
        return seen[0]

    def test_automatic_email_is_flagged(self):
        for number, extra in enumerate(
            (
                "Auto-Submitted: auto-replied",
                "Auto-Submitted: auto-generated",
                "auto-submitted: Auto-Notified; owner-email=list@example.org",
                "Precedence: bulk",
                "Precedence: list",
                "Precedence: Junk",
                "X-Autoreply: yes",
            )
        ):
            with self.subTest(extra):
                self.assertTrue(self._receive(extra, f"Automatic {number}"))

    def test_other_email_is_not_flagged(self):
        for number, extra in enumerate(
            (
                "",
                "Auto-Submitted: no",
                "Auto-Submitted: No ",
                "Precedence: first-class",
                "X-Mailer: Thunderbird",
            )
        ):
            with self.subTest(extra):
                self.assertFalse(self._receive(extra, f"Personal {number}"))

    def test_is_automatic(self):
        parse = self.from_string
        Thread = self.env["mail.thread"]
        self.assertTrue(
            Thread._mail_gateway_is_automatic(
                parse("Auto-Submitted: auto-replied\n\nAway")
            )
        )
        self.assertFalse(Thread._mail_gateway_is_automatic(parse("Subject: Hi\n\nHi")))
