# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import tagged

from odoo.addons.excfp_odoo.tests.common import ExcfpHttpCase, solve_proof


@tagged("post_install", "-at_install")
class TestDirectory(ExcfpHttpCase):
    """The public directory as an anonymous visitor sees it, and its contact
    form, which makes the request an email to the group's address makes."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Group = cls.env["excfp.specialist.group"]
        frogs = cls.env["excfp.taxon"].create(
            {
                "name": "Anura tour",
                "rank": "order",
                "common_names": "golden frogs, tree frogs, glassfrogs",
            }
        )
        cls.listed = Group.create(
            {
                "name": "Tour Amphibian Specialist Group",
                "code": "TASG",
                "scope": "Frogs, toads and salamanders of the tropics.",
                "taxon_ids": [Command.set(frogs.ids)],
            }
        )
        cls.unlisted = Group.create(
            {"name": "Quiet Quokka Specialist Group", "code": "QQSG"}
        )
        Partner = cls.env["res.partner"]
        zoo = Partner.create({"name": "Riverbank Zoo", "is_company": True})
        # a portal user: she finds the request on the portal
        cls.lena = cls._user("excfp_lena", "Lena Listed", "base.group_portal")
        cls.fp_listed = cls.lena.partner_id
        cls.fp_listed.write(
            {
                "email": "lena.private@example.org",
                "phone": "+41 22 999 0001",
                "parent_id": zoo.id,
                "excfp_directory_consent": True,
            }
        )
        cls.fp_unlisted = Partner.create(
            {
                "name": "Uma Unlisted",
                "email": "uma.private@example.org",
                "phone": "+41 22 999 0002",
            }
        )
        for partner, group in (
            (cls.fp_listed, cls.listed),
            (cls.fp_unlisted, cls.unlisted),
        ):
            cls.env["excfp.role"].create(
                {
                    "partner_id": partner.id,
                    "group_id": group.id,
                    "role_type": "focal_point",
                    "state": "active",
                }
            )

    def setUp(self):
        super().setUp()
        self.authenticate(None, None)  # an anonymous visitor's session

    def _url(self, group):
        return f"/ssc/focal-points/{self.env['ir.http']._slug(group)}"

    def _form(self, **values):
        return {
            "csrf_token": self.csrf_token(),
            "name": "Zoe Keeper",
            "email": "zoe.keeper@zoo.example.org",
            "organisation": "Riverside Zoo",
            "org_type": "zoo",
            "subject": "Golden frog husbandry",
            "message": "We keep twelve golden frogs.\nHow do we breed them?",
            **solve_proof(self.env),
            **values,
        }

    def _send(self, group=None, **values):
        url = self._url(group) if group else "/ssc/focal-points/contact"
        with self.mock_mail_gateway():
            response = self.url_open(url, data=self._form(**values))
        self.env.invalidate_all()
        return response

    def _requests(self, subject="Golden frog husbandry"):
        return self.env["excfp.liaison"].search([("name", "=", subject)])

    def test_the_directory_finds_groups_by_name_taxon_and_type(self):
        for search, found in (
            ("frog", True),
            ("Anura", True),
            ("TASG", True),
            ("amphibian", True),
            ("quokka", False),
        ):
            with self.subTest(search=search):
                page = self.url_open(f"/ssc/focal-points?search={search}").text
                self.assertEqual("Tour Amphibian Specialist Group" in page, found)
        page = self.url_open("/ssc/focal-points?group_type=task_force").text
        self.assertNotIn("Tour Amphibian Specialist Group", page)

    def test_a_focal_point_is_shown_only_with_consent_and_never_their_address(self):
        listed = self.url_open(self._url(self.listed))
        self.assertEqual(listed.status_code, 200)
        self.assertIn("Lena Listed", listed.text)
        self.assertIn("Riverbank Zoo", listed.text)
        self.assertIn("o_excfp_focal_point_card", listed.text)
        unlisted = self.url_open(self._url(self.unlisted)).text
        self.assertNotIn("Uma Unlisted", unlisted)
        self.assertIn("can be reached through the form below", unlisted)
        directory = self.url_open("/ssc/focal-points").text
        for page in (listed.text, unlisted, directory):
            for secret in (
                "lena.private@example.org",
                "uma.private@example.org",
                "999 0001",
                "999 0002",
                "Uma Unlisted",
            ):
                self.assertNotIn(secret, page)
        # the page's title and description come from the group
        self.assertIn("<title>Tour Amphibian Specialist Group", listed.text)
        self.assertIn(
            'name="description" content="Frogs, toads and salamanders of the tropics."',
            listed.text,
        )
        # an archived group is not found
        self.unlisted.active = False
        self.assertEqual(self.url_open(self._url(self.unlisted)).status_code, 404)

    def test_the_form_makes_the_request_an_email_to_the_group_makes(self):
        response = self._send(self.listed)
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_excfp_directory_sent", response.text)
        request = self._requests()
        self.assertEqual(len(request), 1)
        self.assertEqual(request.group_id, self.listed)
        self.assertEqual(request.focal_point_id, self.fp_listed)
        self.assertEqual(request.direction, "inbound")
        self.assertTrue(request.date_received)
        self.assertTrue(request.date_due)
        sender = request.counterpart_id
        self.assertEqual(sender.email, "zoe.keeper@zoo.example.org")
        self.assertEqual(sender.exsitu_org_type, "zoo")
        self.assertIn(self.fp_listed, request.message_partner_ids)
        self.assertIn(sender, request.message_partner_ids)
        opening = request.message_ids.filtered(lambda m: m.author_id == sender)
        self.assertIn("How do we breed them?", opening.body)
        self.assertIn("Riverside Zoo", opening.body)
        # the sender's acknowledgement, which they can answer in the thread
        acknowledgement = request.message_ids.filtered(
            lambda m: sender in m.partner_ids
        )
        self.assertIn("reply to this email", acknowledgement.body)
        # a second message from the same address: the same contact
        self._send(self.listed, subject="Second question")
        self.assertEqual(self._requests("Second question").counterpart_id, sender)

    def test_accents_and_a_known_address(self):
        """Accented names and addresses come through; an address already
        known is that contact, whom the form does not change."""
        response = self._send(
            self.listed, name="José Pérez", email="josé@zoo.example.org"
        )
        self.assertIn("o_excfp_directory_sent", response.text)
        self.assertEqual(self._requests().counterpart_id.name, "José Pérez")
        before = (self.fp_listed.company_name, self.fp_listed.exsitu_org_type)
        self._send(
            self.listed,
            subject="Posing as Lena",
            email="lena.private@example.org",
            organisation="Spam Inc",
        )
        request = self._requests("Posing as Lena")
        self.assertEqual(request.counterpart_id, self.fp_listed)
        self.fp_listed.invalidate_recordset()
        self.assertEqual(
            (self.fp_listed.company_name, self.fp_listed.exsitu_org_type), before
        )
        self.assertIn("was not verified", " ".join(request.message_ids.mapped("body")))

    def test_the_generic_form_is_routed_by_its_text(self):
        self._send(subject="Tree frogs", message="Our glassfrogs breed.")
        request = self._requests("Tree frogs")
        self.assertEqual(request.group_id, self.listed)
        self.assertIn("Routed to", " ".join(request.message_ids.mapped("body")))

    def test_bad_input_is_said_with_the_input_kept(self):
        response = self._send(
            self.listed, email="not an address", name="N" * 300, message=""
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("This email address does not look right.", response.text)
        self.assertIn("At most 200 characters", response.text)
        self.assertIn("is required", response.text)
        self.assertIn('value="Golden frog husbandry"', response.text)
        self.assertFalse(self._requests())

    def test_honeypot_rate_limit_and_csrf(self):
        # a robot fills the hidden field: thanked, nothing made
        response = self._send(self.listed, website_url="http://spam.example")
        self.assertIn("o_excfp_directory_sent", response.text)
        self.assertFalse(self._requests())
        # without the proof of work, refused
        response = self._send(self.listed, proof_nonce="x")
        self.assertIn("could not confirm", response.text)
        # five an hour for an address, whatever the client
        for i in range(5):
            self._send(self.listed, subject=f"Limited {i}")
        response = self._send(self.listed, subject="Limited 5")
        self.assertIn("Too many requests", response.text)
        self.assertFalse(self._requests("Limited 5"))
        # without the CSRF token
        data = self._form(subject="Forged")
        del data["csrf_token"]
        response = self.url_open(self._url(self.listed), data=data)
        self.assertEqual(response.status_code, 400)
        self.assertFalse(self._requests("Forged"))

    def test_a_visitor_finds_the_frog_group_and_the_focal_point_sees_the_request(self):
        self.start_tour("/ssc/focal-points", "excfp_directory_frog", login=None)
        request = self._requests()
        self.assertEqual(request.group_id, self.listed)
        # the focal point, on the portal
        self.login(self.lena)
        page = self.url_open("/my/ssc/requests").text
        self.assertIn("Golden frog husbandry", page)

    def test_the_visitor_reads_nothing_but_the_pages(self):
        """The public user has no access to the models behind the pages: the
        controller reads in sudo what the pages show, and only that."""
        public = self.env.ref("base.public_user")
        for model in ("excfp.specialist.group", "excfp.taxon", "excfp.liaison"):
            with self.subTest(model=model):
                self.assertFalse(self.env[model].with_user(public).has_access("read"))
        # by JSON-RPC either
        self.authenticate(None, None)
        response = self.url_open(
            "/web/dataset/call_kw/excfp.specialist.group/search_read",
            data='{"jsonrpc": "2.0", "method": "call", "params": {"model": '
            '"excfp.specialist.group", "method": "search_read", "args": [[]], '
            '"kwargs": {"fields": ["name"]}}}',
            headers={"Content-Type": "application/json"},
        )
        self.assertNotIn("Tour Amphibian Specialist Group", response.text)
        self.assertIn("error", response.json())

    def test_a_page_of_the_directory_in_a_constant_number_of_queries(self):
        """Five groups on the page or twenty: the same queries."""
        Group = self.env["excfp.specialist.group"]
        taxon = self.env["excfp.taxon"].create({"name": "Countia", "rank": "genus"})

        def groups(prefix, count):
            return Group.create(
                [
                    {
                        "name": f"{prefix} Counting Group {i}",
                        "code": f"{prefix}{i}",
                        "scope": "Counting.",
                        "parent_id": self.listed.id,
                        "taxon_ids": [Command.set(taxon.ids)],
                    }
                    for i in range(count)
                ]
            )

        groups("Few", 5)
        groups("Many", 20)

        def queries(search):
            url = f"/ssc/focal-points?search={search}"
            self.url_open(url)  # warm-up
            self.env.invalidate_all()
            start = self.cr.sql_log_count
            response = self.url_open(url)
            self.assertEqual(response.status_code, 200)
            return self.cr.sql_log_count - start

        self.assertEqual(queries("Few Counting"), queries("Many Counting"))
