# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from .test_liaison import INBOUND_EMAIL, LiaisonCase

AUTHSERV = "mx.ssc.example.org"


class TestLiaisonGatewaySecurity(LiaisonCase):
    """Nothing in an email's headers is proven unless our mail server says
    so: an email adds to a request's thread, it does not answer it."""

    def _receive(self, email_from, to=None, extra="", subject="Studbook data"):
        return self.format_and_process(
            INBOUND_EMAIL,
            email_from,
            to or f"newt-liaison@{self.alias_domain}",
            subject=subject,
            extra=extra,
            target_model="excfp.liaison",
        )

    def _reply_as(self, sender, request, extra=""):
        """A reply to the request's thread whose From names ``sender``."""
        message_id = request.message_ids[-1].message_id
        self.format_and_process(
            INBOUND_EMAIL,
            sender.email_formatted,
            f"newt-liaison@{self.alias_domain}",
            subject=f"Re: {request.name}",
            extra=f"In-Reply-To: {message_id}\n{extra}",
            target_model="excfp.liaison",
            target_field="name",
        )

    def _header(self, server=AUTHSERV, dmarc="pass", domain="ssc.example.org"):
        return (
            f"Authentication-Results: {server}; spf=pass smtp.mailfrom={domain}; "
            f"dkim=pass header.d={domain}; dmarc={dmarc} header.from={domain}\n"
        )

    def test_forged_reply_does_not_answer(self):
        """Anyone who saw the request's Message-Id can write "From: the
        secretariat" (or the focal point): the reply lands in the thread,
        the clock keeps running."""
        with self.mock_mail_gateway():
            request = self._receive('"Zoe Keeper" <zoe.keeper@zoo.example.org>')
            self._reply_as(self.user_secretariat.partner_id, request)
            self._reply_as(self.focal_point, request)
        emails = request.message_ids.filtered(lambda m: m.message_type == "email")
        self.assertEqual(len(emails), 3)
        self.assertEqual(request.state, "new")
        self.assertFalse(request.date_answered)

    def test_headers_only_our_mail_server_vouches_for(self):
        secretariat = self.user_secretariat.partner_id
        domain = secretariat.email.split("@")[1]
        with self.mock_mail_gateway():
            request = self._receive('"Zoe Keeper" <zoe.keeper@zoo.example.org>')
        # no authserv-id configured: no header is believed
        with self.mock_mail_gateway():
            self._reply_as(secretariat, request, self._header(domain=domain))
        self.assertEqual(request.state, "new")
        self.env["ir.config_parameter"].set_param(
            "excfp_odoo.mail_authserv_id", AUTHSERV
        )
        # a header the sender wrote names another server; a failed DMARC; a
        # pass for another domain than the From's
        for header in (
            self._header(server="mx.attacker.example.com", domain=domain),
            self._header(server="", domain=domain),  # no authserv-id at all
            self._header(dmarc="fail", domain=domain),
            self._header(domain="attacker.example.com"),
        ):
            with self.mock_mail_gateway():
                self._reply_as(secretariat, request, header)
            self.assertEqual(request.state, "new", header)
        # the focal point's reply, even vouched for, may be a holding reply
        with self.mock_mail_gateway():
            self._reply_as(self.focal_point, request, self._header())
        self.assertEqual(request.state, "new")
        with self.mock_mail_gateway():
            self._reply_as(secretariat, request, self._header(domain=domain))
        self.assertEqual(request.state, "answered", "our server vouched for them")

    def test_the_opening_email_is_never_the_answer(self):
        """Email from the focal point's or an employee's address opens a
        request: it is new, not answered after 0 days."""
        self.env["ir.config_parameter"].set_param(
            "excfp_odoo.mail_authserv_id", AUTHSERV
        )
        for sender in (self.focal_point, self.user_secretariat.partner_id):
            with self.mock_mail_gateway():
                request = self._receive(
                    sender.email_formatted,
                    extra=self._header(domain=sender.email.split("@")[1]),
                    subject=f"From {sender.name}",
                )
            self.assertEqual(request.state, "new", sender.name)
            self.assertFalse(request.date_answered)

    def test_flood_from_one_sender(self):
        """Core's loop thresholds apply (20 requests in 120 minutes by
        default): past them nothing is created and nothing goes back; the
        sender is told once, not once per email."""
        alias = self.env.ref("excfp_odoo.mail_alias_liaison")
        to = f"{alias.alias_name}@{self.alias_domain}"
        sender = '"Flo Flood" <flo@flood.example.org>'
        replies = self.env["mail.mail"]
        with self.mock_mail_gateway():
            for number in range(25):
                self._receive(sender, to=to, subject=f"Question {number}")
                replies |= self._new_mails
        requests = self.env["excfp.liaison"].search(
            [("counterpart_id.email_normalized", "=", "flo@flood.example.org")]
        )
        self.assertEqual(len(requests), 20)
        to_sender = replies.filtered(
            lambda m: (
                "flo@flood.example.org" in (m.email_to or "")
                or any(
                    p.email_normalized == "flo@flood.example.org"
                    for p in m.recipient_ids
                )
            )
        )
        self.assertEqual(len(to_sender), 1, "one notice, no loop bounces")

    def test_x_autoreply_alone_is_automatic(self):
        alias = self.env.ref("excfp_odoo.mail_alias_liaison")
        with self.mock_mail_gateway():
            request = self._receive(
                '"Away" <away@aquarium.example.org>',
                to=f"{alias.alias_name}@{self.alias_domain}",
                extra="X-Autoreply: yes\n",
            )
        self.assertEqual(len(request), 1, "kept")
        self.assertFalse(self._new_mails, "no notice back to an auto-reply")
        # nor does an auto-reply from the secretariat answer a request
        self.env["ir.config_parameter"].set_param(
            "excfp_odoo.mail_authserv_id", AUTHSERV
        )
        with self.mock_mail_gateway():
            request = self._receive(
                '"Zoe Keeper" <zoe.keeper@zoo.example.org>', subject="Husbandry"
            )
            secretariat = self.user_secretariat.partner_id
            self._reply_as(
                secretariat,
                request,
                "X-Autoreply: yes\n"
                + self._header(domain=secretariat.email.split("@")[1]),
            )
        self.assertEqual(request.state, "new")
