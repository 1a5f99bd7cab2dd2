# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tools import mute_logger

from odoo.addons.mail.tests.common import mail_new_test_user

from .common import ExcfpCase


class TestMailingTranslation(ExcfpCase):
    """Recipients get a mailing in their language where it has a
    translation in it, the mailing as written otherwise."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for code in ("fr_FR", "es_ES"):
            cls.env["res.lang"]._activate_lang(code)
        network = cls.env["excfp.exsitu.network"].create(
            {"code": "LANGNET", "name": "Language Test Network"}
        )
        zoo = cls.env["res.partner"].create(
            {
                "name": "Zoo des Langues",
                "is_company": True,
                "exsitu_org_type": "zoo",
                "exsitu_network_ids": [Command.set(network.ids)],
                "exsitu_group_ids": [Command.set(cls.group.ids)],
            }
        )
        people = {
            "fanny": "fr_FR",
            "elena": "es_ES",
            "edward": "en_US",
        }
        cls.people = cls.env["res.partner"].create(
            [
                {
                    "name": name.title(),
                    "email": f"{name}@zoo-des-langues.example.org",
                    "lang": lang,
                    "parent_id": zoo.id,
                    "exsitu_mailing_consent": "opted_in",
                }
                for name, lang in people.items()
            ]
        )
        cls.audience = cls.env["excfp.audience"].create(
            {
                "name": "Language test audience",
                "source": "community",
                "network_ids": [Command.set(network.ids)],
            }
        )
        cls.audience.action_sync()
        # someone on the list with no SSC contact: no language known
        cls.env["mailing.contact"].create(
            {
                "name": "Nobody Known",
                "email": "nobody@example.org",
                "list_ids": [Command.link(cls.audience.mailing_list_id.id)],
            }
        )
        cls.mailing = (
            cls.env["mailing.mailing"]
            .with_user(cls.user_secretariat)
            .create(
                {
                    "name": "Call for expertise",
                    "subject": "Call for ex situ expertise",
                    "preview": "The SSC needs you",
                    "body_html": "<p>Dear colleague of "
                    '<t t-out="object.excfp_group_names"/>.</p>',
                    "mailing_model_id": cls.env["ir.model"]._get("mailing.list").id,
                    "contact_list_ids": [Command.set(cls.audience.mailing_list_id.ids)],
                    "excfp_translation_ids": [
                        Command.create(
                            {
                                "lang": "fr_FR",
                                "subject": "Appel à expertise ex situ",
                                "body_html": "<p>Chère collègue du "
                                '<t t-out="object.excfp_group_names">groupe</t>.</p>',
                            }
                        )
                    ],
                }
            )
        )

    def _mail_to(self, email):
        return self._new_mails.filtered(lambda mail: email in (mail.email_to or ""))

    def test_each_recipient_in_their_language(self):
        with self.mock_mail_gateway():
            self.mailing.with_user(self.user_secretariat).action_send_mail()
        self.assertEqual(len(self._new_mails), 4)
        fanny = self._mail_to("fanny@")
        self.assertEqual(fanny.subject, "Appel à expertise ex situ")
        self.assertIn("Chère collègue du Test Newt Specialist Group.", fanny.body_html)
        # no French preview: the mailing's is kept rather than none
        self.assertIn("The SSC needs you", fanny.body_html)
        # no Spanish translation, English speakers, the unknown: as written
        for email in ("elena@", "edward@", "nobody@"):
            mail = self._mail_to(email)
            self.assertEqual(mail.subject, "Call for ex situ expertise", email)
            self.assertNotIn("Chère", mail.body_html, email)
        self.assertIn(
            "Dear colleague of Test Newt Specialist Group.",
            self._mail_to("edward@").body_html,
        )
        self.assertIn("Dear colleague of .", self._mail_to("nobody@").body_html)
        # one mailing for statistics, whatever the language
        self.assertEqual(self._new_mails.mailing_id, self.mailing)
        self.assertEqual(len(self.mailing.mailing_trace_ids), 4)

    def test_a_second_language(self):
        self.mailing.write(
            {
                "excfp_translation_ids": [
                    Command.create(
                        {
                            "lang": "es_ES",
                            "subject": "Convocatoria de experiencia ex situ",
                            "preview": "La CSE le necesita",
                            "body_html": "<p>Estimada colega</p>",
                        }
                    )
                ]
            }
        )
        with self.mock_mail_gateway():
            self.mailing.action_send_mail()
        elena = self._mail_to("elena@")
        self.assertEqual(elena.subject, "Convocatoria de experiencia ex situ")
        self.assertIn("Estimada colega", elena.body_html)
        self.assertIn("La CSE le necesita", elena.body_html)
        self.assertEqual(self._mail_to("fanny@").subject, "Appel à expertise ex situ")

    def test_view_online_in_the_recipients_language(self):
        contacts = self.audience.mailing_list_id.contact_ids
        fanny = contacts.filtered(lambda c: c.email_normalized.startswith("fanny@"))
        edward = contacts.filtered(lambda c: c.email_normalized.startswith("edward@"))
        bodies = self.mailing._render_field(
            "body_html", [fanny.id, edward.id, 0], options={"post_process": False}
        )
        self.assertIn("Chère collègue", bodies[fanny.id])
        self.assertIn("Dear colleague", bodies[edward.id])
        # "view online" without a recipient: the mailing as written
        self.assertIn("Dear colleague", bodies[0])
        subjects = self.mailing._render_field("subject", [fanny.id, edward.id])
        self.assertEqual(subjects[fanny.id], "Appel à expertise ex situ")
        self.assertEqual(subjects[edward.id], "Call for ex situ expertise")
        # no French preview: the mailing's, as in the mail sent
        previews = self.mailing._render_field("preview", [fanny.id])
        self.assertEqual(previews[fanny.id], "The SSC needs you")

    def test_test_mail_in_the_chosen_language(self):
        """Send a test: the version chosen, not the language of whichever
        record core renders it on."""
        french = self.mailing.excfp_translation_ids
        Test = self.env["mailing.mailing.test"].with_user(self.user_secretariat)
        for translation, subject in (
            (french, "[TEST] Appel à expertise ex situ"),
            (french.browse(), "[TEST] Call for ex situ expertise"),
        ):
            wizard = Test.create(
                {
                    "email_to": "tester@example.org",
                    "mass_mailing_id": self.mailing.id,
                    "excfp_translation_id": translation.id,
                }
            )
            self.assertTrue(wizard.excfp_has_translations)
            with self.mock_mail_gateway():
                wizard.send_mail_test()
            self.assertEqual(self._new_mails.subject, subject)

    def test_one_translation_per_language(self):
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            with self.env.cr.savepoint():
                self.mailing.write(
                    {
                        "excfp_translation_ids": [
                            Command.create({"lang": "fr_FR", "subject": "Encore"})
                        ]
                    }
                )
                self.env.flush_all()

    def test_languages_cost_no_query_per_recipient(self):
        Contact = self.env["mailing.contact"]
        self.mailing._excfp_translation_groups(
            self.mailing.contact_list_ids.contact_ids.ids
        )
        counts = []
        for size in (5, 50):
            contacts = Contact.create(
                [
                    {"name": f"Q {size}-{i}", "email": f"q{size}-{i}@example.org"}
                    for i in range(size)
                ]
            )
            self.env.invalidate_all()
            start = self.env.cr.sql_log_count
            groups = self.mailing._excfp_translation_groups(contacts.ids)
            counts.append(self.env.cr.sql_log_count - start)
            self.assertEqual(sum(len(ids) for _t, ids in groups), size)
        self.assertEqual(counts[0], counts[1], counts)

    def test_who_edits_translations(self):
        """Those who edit mailings (Email Marketing users, administrators as
        for core's mailings) edit their translations; others not."""
        translation = self.mailing.excfp_translation_ids
        admin = mail_new_test_user(
            self.env, login="excfp_sysadmin", groups="base.group_user,base.group_system"
        )
        for user in (self.user_secretariat, admin):
            translation.with_user(user).write({"subject": f"Appel ({user.login})"})
        with self.assertRaises(AccessError):
            translation.with_user(self.user_employee).read(["subject"])

    def test_translations_go_with_a_copy(self):
        """A/B test versions and duplicates are copies: they keep them."""
        copy = self.mailing.copy()
        self.assertEqual(copy.excfp_translation_ids.mapped("lang"), ["fr_FR"])

    def test_only_template_editors_write_code(self):
        """The mail queue renders without its author's restrictions: a
        translation holds plain placeholders unless a template editor
        writes it, as core asks of mail templates."""
        translation = self.mailing.excfp_translation_ids.with_user(
            self.user_secretariat
        )
        self.assertFalse(
            self.user_secretariat.has_group("mail.group_mail_template_editor")
        )
        for values in (
            {"body_html": '<p><t t-out="object.env.user.password"/></p>'},
            {"subject": "{{ object.env.cr.dbname }}"},
        ):
            with self.assertRaises(AccessError), self.env.cr.savepoint():
                translation.write(values)
        self.assertIn("Chère collègue", translation.body_html)
        translation.write({"subject": "Appel pour {{ object.name }}"})
