# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re
from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import ExcfpHttpCase, solve_proof


class MailingOptinCase(ExcfpHttpCase):
    def _post(self, **values):
        data = {
            "csrf_token": self.csrf_token(),
            "name": "Rita Reptile",
            "email": "rita@reptile-park.example.org",
            "organisation": "Reptile Park",
            "org_type": "zoo",
            "network_ids": [self.env.ref("excfp_odoo.exsitu_network_eaza").id],
            "consent": "1",
            **solve_proof(self.env),
        }
        data.update(values)
        with self.mock_mail_gateway():
            response = self.url_open("/exsitu/subscribe", data=data)
        self.env.invalidate_all()
        return response

    def _confirm_link(self):
        mail = self._new_mails.filtered(
            lambda m: "rita@reptile-park" in (m.email_to or "")
        )
        self.assertEqual(len(mail), 1)
        match = re.search(
            r"/exsitu/subscribe/confirm\?token=([0-9a-f]+)", mail.body_html
        )
        self.assertTrue(match)
        return f"/exsitu/subscribe/confirm?token={match.group(1)}"

    def _confirm(self, link):
        """Open the link (a page with a button), then click the button."""
        page = self.url_open(link)
        self.assertIn("o_excfp_subscribe_confirm_form", page.text)
        token = link.split("token=")[1]
        response = self.url_open(
            "/exsitu/subscribe/confirm",
            data={"csrf_token": self.csrf_token(), "token": token},
        )
        self.env.invalidate_all()
        return response


@tagged("post_install", "-at_install")
class TestMailingOptin(MailingOptinCase):
    def test_double_opt_in(self):
        self.authenticate(None, None)
        self.assertEqual(self.url_open("/exsitu/subscribe").status_code, 200)
        response = self._post()
        self.assertIn("o_excfp_subscribe_sent", response.text)
        Partner = self.env["res.partner"]
        self.assertFalse(
            Partner.search([("email", "=", "rita@reptile-park.example.org")])
        )
        link = self._confirm_link()
        # opening the link alone (a mail scanner does) confirms nothing
        self.url_open(link)
        self.env.invalidate_all()
        self.assertFalse(
            Partner.search([("email", "=", "rita@reptile-park.example.org")])
        )
        response = self._confirm(link)
        self.assertIn("o_excfp_subscribe_confirmed", response.text)
        rita = Partner.search(
            [("email_normalized", "=", "rita@reptile-park.example.org")]
        )
        self.assertEqual(len(rita), 1)
        self.assertEqual(rita.exsitu_mailing_consent, "opted_in")
        self.assertEqual(rita.exsitu_mailing_consent_source, "web_form")
        self.assertEqual(rita.exsitu_org_type, "zoo")
        # she is in the EAZA audience at the next sync
        audience = self.env.ref("excfp_odoo.audience_network_eaza")
        audience.action_sync()
        self.assertIn(
            "rita@reptile-park.example.org",
            audience.mailing_list_id.subscription_ids.contact_id.mapped(
                "email_normalized"
            ),
        )
        # the link again: nothing more, no error
        self.assertEqual(self.url_open(link).status_code, 200)
        self.assertEqual(
            Partner.search_count(
                [("email_normalized", "=", "rita@reptile-park.example.org")]
            ),
            1,
        )

    def test_no_mail_cannon(self):
        """The same address asked again at once gets no second email; later,
        the same link again, three emails at most; the first link still
        works. Requests never confirmed are forgotten after thirty days."""
        self.authenticate(None, None)
        self._post()
        self.assertEqual(len(self._new_mails), 1)
        first_link = self._confirm_link()
        self._post()
        self.assertFalse(self._new_mails, "not sent again within ten minutes")
        Optin = self.env["excfp.mailing.optin"]
        self.assertEqual(Optin.search_count([]), 1)
        sent = 1
        for hours in (1, 2, 3, 4):
            with freeze_time(fields.Datetime.now() + timedelta(hours=hours)):
                self._post()
                sent += len(self._new_mails)
                if self._new_mails:
                    self.assertEqual(self._confirm_link(), first_link)
        self.assertEqual(sent, 3, "three emails for one request at most")
        self.assertEqual(Optin.search_count([]), 1)
        # never confirmed: forgotten after thirty days, not before
        with freeze_time(fields.Datetime.now() + timedelta(days=29)):
            Optin._cron_forget_unconfirmed()
        self.assertEqual(Optin.search_count([]), 1)
        with freeze_time(fields.Datetime.now() + timedelta(days=31)):
            Optin._cron_forget_unconfirmed()
        self.assertFalse(Optin.search([]))

    def test_form_errors_keep_the_input(self):
        self.authenticate(None, None)
        response = self._post(email="not-an-email", consent="")
        self.assertIn("Enter a valid email address.", response.text)
        self.assertIn("Tick the box", response.text)
        self.assertIn('value="Rita Reptile"', response.text)
        response = self._post(org_type="volcano", network_ids=["abc", "999999"])
        self.assertIn("Choose an organisation type", response.text)
        self.assertIn("Choose networks", response.text)
        self.assertFalse(self.env["excfp.mailing.optin"].search([]))

    def test_robots_bad_tokens_and_expiry(self):
        self.authenticate(None, None)
        response = self._post(website_url="http://spam.example.org")
        self.assertIn("o_excfp_subscribe_sent", response.text)
        self.assertFalse(self.env["excfp.mailing.optin"].search([]), "nothing recorded")
        for token in ("", "0" * 32, "x" * 500, "%00"):
            response = self.url_open(f"/exsitu/subscribe/confirm?token={token}")
            self.assertEqual(response.status_code, 404, token)
        self._post()
        link = self._confirm_link()
        with freeze_time(fields.Datetime.now() + timedelta(days=8)):
            response = self.url_open(link)
        self.assertIn("expired", response.text)
        self.env.invalidate_all()
        self.assertFalse(
            self.env["res.partner"].search(
                [("email", "=", "rita@reptile-park.example.org")]
            )
        )

    def test_coming_back_after_leaving(self):
        """Someone who unsubscribed from an audience list and subscribes again
        on the page is reached again once confirmed."""
        Partner = self.env["res.partner"]
        eaza = self.env.ref("excfp_odoo.exsitu_network_eaza")
        rita = Partner.create(
            {
                "name": "Rita Reptile",
                "email": "rita@reptile-park.example.org",
                "exsitu_network_ids": [(6, 0, eaza.ids)],
                "exsitu_mailing_consent": "opted_in",
            }
        )
        audience = self.env.ref("excfp_odoo.audience_network_eaza")
        audience.action_sync()
        audience.mailing_list_id.subscription_ids.filtered(
            lambda s: s.contact_id.email_normalized == rita.email_normalized
        ).write({"opt_out": True})
        self.assertEqual(rita.exsitu_mailing_consent, "opted_out")
        self.authenticate(None, None)
        self._post()
        self._confirm(self._confirm_link())
        self.assertEqual(rita.exsitu_mailing_consent, "opted_in")
        audience.action_sync()
        subscription = audience.mailing_list_id.subscription_ids.filtered(
            lambda s: s.contact_id.email_normalized == rita.email_normalized
        )
        self.assertFalse(subscription.opt_out)

    def test_unsubscribe_link_opts_out(self):
        """The unsubscribe link of a mailing to an audience opts the person out,
        and later syncs respect it."""
        eaza = self.env.ref("excfp_odoo.exsitu_network_eaza")
        ola = self.env["res.partner"].create(
            {
                "name": "Ola Otter",
                "email": "ola@otter-centre.example.org",
                "exsitu_network_ids": [(6, 0, eaza.ids)],
                "exsitu_mailing_consent": "opted_in",
            }
        )
        audience = self.env.ref("excfp_odoo.audience_network_eaza")
        audience.action_sync()
        mailing = self.env["mailing.mailing"].create(
            {
                "name": "Newsletter",
                "subject": "Ex situ news",
                "body_html": "<p>News</p>",
                "mailing_model_id": self.env["ir.model"]._get("mailing.list").id,
                "contact_list_ids": [(6, 0, audience.mailing_list_id.ids)],
            }
        )
        with self.mock_mail_gateway():
            mailing.action_send_mail()
        contact = audience.mailing_list_id.subscription_ids.contact_id.filtered(
            lambda c: c.email_normalized == ola.email_normalized
        )
        url = mailing._get_unsubscribe_url(ola.email, contact.id)
        url = url.replace(mailing.get_base_url(), "").replace(
            "confirm_unsubscribe", "unsubscribe"
        )
        self.authenticate(None, None)
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.env.invalidate_all()
        self.assertEqual(ola.exsitu_mailing_consent, "opted_out")
        self.assertEqual(ola.exsitu_mailing_consent_source, "unsubscribe")
        audience.action_sync()
        subscription = audience.mailing_list_id.subscription_ids.filtered(
            lambda s: s.contact_id == contact
        )
        self.assertTrue(subscription.opt_out, "not subscribed again")


@tagged("post_install", "-at_install")
class TestMailingOptinAbuse(MailingOptinCase):
    """The public form is no relay: what one visitor, or all of them, can
    make the server send, and what they can put in it."""

    def test_one_client_cannot_mail_anyone(self):
        self.authenticate(None, None)
        sent, refused = 0, 0
        for number in range(12):
            response = self._post(email=f"victim{number}@example.com")
            sent += len(self._new_mails)
            refused += "Too many requests" in response.text
        self.assertEqual(sent, 5, "five emails an hour from one client address")
        self.assertEqual(refused, 7)
        # an hour later the client may ask again
        with freeze_time(fields.Datetime.now() + timedelta(hours=1)):
            self._post(email="later@example.com")
            self.assertEqual(len(self._new_mails), 1)

    def test_all_clients_together_are_limited(self):
        self.env["ir.config_parameter"].set_param("excfp_odoo.form_rate_total", 3)
        Throttle = self.env["excfp.form.throttle"]
        # two other clients already asked this hour
        Throttle._count("exsitu_subscribe", ["all", "address:10.0.0.1"])
        Throttle._count("exsitu_subscribe", ["all", "address:10.0.0.2"])
        self.authenticate(None, None)
        self._post(email="first@example.com")
        self.assertEqual(len(self._new_mails), 1)
        response = self._post(email="second@example.com")
        self.assertFalse(self._new_mails)
        self.assertIn("Too many requests", response.text)

    def test_proof_of_work_is_required_once(self):
        self.authenticate(None, None)
        page = self.url_open("/exsitu/subscribe").text
        self.assertIn('name="proof_challenge"', page)
        self.assertIn("data-proof-bits", page)
        proof = solve_proof(self.env)
        bad = [
            {"proof_nonce": ""},
            {"proof_signature": "0" * 64},
            {"proof_nonce": str(int(proof["proof_nonce"]) + 1)},
        ]
        for values in bad:
            response = self._post(**{**proof, **values})
            self.assertFalse(self._new_mails, values)
            self.assertIn("could not confirm this request", response.text)
        # a solved challenge of the day before is stale
        with freeze_time(fields.Datetime.now() - timedelta(hours=2)):
            stale = solve_proof(self.env)
        response = self._post(**stale)
        self.assertFalse(self._new_mails)
        self.assertIn("could not confirm this request", response.text)
        self.assertIn('value="Rita Reptile"', response.text, "the input is kept")
        # solved: sent; the same proof again: refused
        self._post(**proof)
        self.assertEqual(len(self._new_mails), 1)
        response = self._post(email="other@example.com", **proof)
        self.assertFalse(self._new_mails)
        self.assertIn("already sent", response.text)

    def test_browser_solves_the_proof(self):
        with self.mock_mail_gateway():
            self.start_tour("/exsitu/subscribe", "excfp_exsitu_subscribe", login=None)
        optin = self.env["excfp.mailing.optin"].search(
            [("email", "=", "rita@reptile-park.example.org")]
        )
        self.assertEqual(optin.state, "pending")
        self.assertEqual(optin.send_count, 1, "the confirmation email went")

    def test_no_visitor_text_in_the_email(self):
        self.authenticate(None, None)
        self._post(
            name="Cheap pills at https://spam.example.com",
            organisation="Click www.spam.example.com",
        )
        mail = self._new_mails
        self.assertEqual(len(mail), 1)
        for text in ("spam.example.com", "Cheap pills"):
            self.assertNotIn(text, mail.body_html)
            self.assertNotIn(text, mail.subject)
        self.assertIn("Dear colleague", mail.body_html)

    def test_pending_request_keeps_what_was_first_asked(self):
        self.authenticate(None, None)
        self._post()
        link = self._confirm_link()
        eaza = self.env.ref("excfp_odoo.exsitu_network_eaza")
        waza = self.env.ref("excfp_odoo.exsitu_network_waza")
        # someone else, fifteen minutes later, with the same address
        with freeze_time(fields.Datetime.now() + timedelta(minutes=15)):
            self._post(
                name="Mallory",
                organisation="Mallory Ltd",
                org_type="other",
                network_ids=[waza.id],
            )
        optin = self.env["excfp.mailing.optin"].search([])
        self.assertEqual(len(optin), 1)
        self.assertEqual(
            (optin.name, optin.organisation, optin.network_ids),
            ("Rita Reptile", "Reptile Park", eaza),
        )
        self._confirm(link)
        partner = self.env["res.partner"].search(
            [("email", "=", "rita@reptile-park.example.org")]
        )
        self.assertEqual(partner.name, "Rita Reptile")
        self.assertEqual(partner.exsitu_network_ids, eaza)

    def test_tokens_are_the_systems_only(self):
        self.authenticate(None, None)
        self._post()
        optin = self.env["excfp.mailing.optin"].search([])
        as_secretariat = optin.with_user(self.user_secretariat)
        self.assertEqual(as_secretariat.read(["email"])[0]["email"], optin.email)
        with self.assertRaises(AccessError):
            as_secretariat.read(["token"])
        with self.assertRaises(AccessError):
            as_secretariat.search([("token", "=", optin.sudo().token)])
