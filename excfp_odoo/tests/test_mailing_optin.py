# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re
from datetime import timedelta

from freezegun import freeze_time

from odoo import fields, http
from odoo.tests import HttpCase, tagged

from odoo.addons.mail.tests.common import MockEmail


@tagged("post_install", "-at_install")
class TestMailingOptin(HttpCase, MockEmail):
    def _post(self, **values):
        data = {
            "csrf_token": http.Request.csrf_token(self),
            "name": "Rita Reptile",
            "email": "rita@reptile-park.example.org",
            "organisation": "Reptile Park",
            "org_type": "zoo",
            "network_ids": [self.env.ref("excfp_odoo.exsitu_network_eaza").id],
            "consent": "1",
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
            data={"csrf_token": http.Request.csrf_token(self), "token": token},
        )
        self.env.invalidate_all()
        return response

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
