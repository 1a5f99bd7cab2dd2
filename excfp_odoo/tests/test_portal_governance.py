# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import ExcfpPortalCase


@tagged("post_install", "-at_install")
class TestPortalGovernance(ExcfpPortalCase):
    def _acks(self, user):
        return self.env["excfp.acknowledgement"].search(
            [("partner_id", "=", user.partner_id.id)]
        )

    def test_page_lists_documents_by_category(self):
        self.login(self.portal_a)
        response = self.url_open("/my/ssc/governance")
        self.assertEqual(response.status_code, 200)
        for document in self.documents:
            self.assertIn(document.name, response.text)
        for label in ("Governance Framework", "Terms of Reference", "Guidelines"):
            self.assertIn(label, response.text)
        self.assertEqual(
            response.text.count("o_excfp_ack_one"),
            len(self.documents),
            "all outstanding",
        )

    def test_acknowledge_one_twice_records_once(self):
        document = self.documents[0]
        self.login(self.portal_a)
        data = {"document_id": document.id, "version": document.version}
        for _attempt in range(2):
            response = self.post("/my/ssc/governance/acknowledge", data)
            self.assertEqual(response.status_code, 303)
        acks = self._acks(self.portal_a)
        self.assertEqual(len(acks), 1)
        self.assertEqual(
            (acks.document_id, acks.version, acks.channel),
            (document, document.version, "portal"),
        )
        page = self.url_open("/my/ssc/governance").text
        self.assertEqual(page.count("o_excfp_ack_one"), len(self.documents) - 1)
        # a new version is outstanding again
        document.version = "2099"
        page = self.url_open("/my/ssc/governance").text
        self.assertEqual(page.count("o_excfp_ack_one"), len(self.documents))
        # a form opened before the new version acknowledges nothing
        response = self.post("/my/ssc/governance/acknowledge", data)
        self.assertIn("message=new_version", response.headers["Location"])
        self.assertEqual(len(self._acks(self.portal_a)), 1)

    def test_acknowledge_all_lists_and_asks_for_confirmation(self):
        self.login(self.portal_a)
        page = self.url_open("/my/ssc/governance").text
        form = page[page.index("o_excfp_ack_all_form") :]
        form = form[: form.index("</form>")]
        for document in self.documents:
            self.assertIn(document.name, form, "the form names what it covers")
        self.assertIn('name="confirm"', form)
        listed = ",".join(map(str, self.documents.ids))
        response = self.post(
            "/my/ssc/governance/acknowledge",
            {"document_id": "all", "document_ids": listed},
        )
        self.assertIn("message=confirm", response.headers["Location"])
        self.assertFalse(self._acks(self.portal_a), "nothing without the confirmation")

    def test_a_document_nobody_can_read_is_not_acknowledged(self):
        """Neither link nor file: "not yet available", not counted, and not
        acknowledgeable, one by one or with the others."""
        unreadable = self.documents[0]
        unreadable.url = False
        readable = self.documents - unreadable
        self.login(self.portal_a)
        page = self.url_open("/my/ssc/governance").text
        self.assertIn("Not yet available", page)
        self.assertEqual(page.count("o_excfp_ack_one"), len(readable))
        response = self.post(
            "/my/ssc/governance/acknowledge",
            {"document_id": unreadable.id, "version": unreadable.version},
        )
        self.assertEqual(response.status_code, 404)
        self.post(
            "/my/ssc/governance/acknowledge",
            {
                "document_id": "all",
                "document_ids": ",".join(map(str, self.documents.ids)),
                "confirm": "1",
            },
        )
        self.assertEqual(self._acks(self.portal_a).document_id, readable)
        partner = self.portal_a.partner_id.sudo()
        self.assertEqual(partner.governance_ack_ratio, 100, "of what can be read")
        self.assertIn(
            partner,
            self.env["res.partner"].search([("governance_ack_complete", "=", True)]),
        )

    def test_document_given_as_a_file(self):
        document = self.documents[0]
        document.write(
            {
                "url": False,
                "file": base64.b64encode(b"%PDF-1.4 SSC mandate"),
                "file_name": "mandate.pdf",
            }
        )
        self.login(self.portal_a)
        page = self.url_open("/my/ssc/governance").text
        url = f"/my/ssc/governance/{document.id}/file"
        self.assertIn(f'href="{url}"', page)
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, b"%PDF-1.4 SSC mandate")
        self.assertIn("inline", response.headers.get("Content-Disposition", ""))
        # another kind of file is downloaded, not shown on the portal's site
        document.write(
            {
                "file": base64.b64encode(b"<script>alert(1)</script>"),
                "file_name": "x.html",
            }
        )
        response = self.url_open(url)
        self.assertIn("attachment", response.headers.get("Content-Disposition", ""))
        # not for a member without a focal point role, nor for a document
        # that is not asked of focal points
        optional = self.env["excfp.governance.document"].create(
            {
                "name": "Optional reading",
                "code": "optional_test",
                "required_for_focal_points": False,
                "file": base64.b64encode(b"optional"),
            }
        )
        self.assertEqual(
            self.url_open(f"/my/ssc/governance/{optional.id}/file").status_code, 404
        )
        self.login(self.portal_member)
        self.assertEqual(self.url_open(url).status_code, 404)

    def test_acknowledge_all_outstanding(self):
        self.login(self.portal_a)
        self.post(
            "/my/ssc/governance/acknowledge",
            {"document_id": self.documents[0].id, "version": self.documents[0].version},
        )
        listed = ",".join(map(str, self.documents.ids))
        for _attempt in range(2):
            self.post(
                "/my/ssc/governance/acknowledge",
                {"document_id": "all", "document_ids": listed, "confirm": "1"},
            )
        acks = self._acks(self.portal_a)
        self.assertEqual(acks.document_id, self.documents)
        self.assertEqual(len(acks), len(self.documents), "each once")
        self.assertTrue(self.portal_a.partner_id.sudo().governance_ack_complete)
        # the back office sees them, as the secretariat
        partner = self.portal_a.partner_id.with_user(self.user_secretariat)
        self.assertEqual(partner.governance_ack_ratio, 100)
        self.assertEqual(set(partner.acknowledgement_ids.mapped("channel")), {"portal"})
        page = self.url_open("/my/ssc/governance").text
        self.assertIn("You have acknowledged every document", page)

    def test_tampered_and_unprotected_posts_change_nothing(self):
        self.login(self.portal_a)
        # without, or with a wrong, CSRF token
        for token in (None, "0" * 40 + "o9999999999"):
            data = {
                "document_id": "all",
                "document_ids": ",".join(map(str, self.documents.ids)),
            }
            if token:
                data["csrf_token"] = token
            response = self.post("/my/ssc/governance/acknowledge", data, csrf=False)
            self.assertEqual(response.status_code, 400)
        # a document that does not exist or is not required
        optional = self.env["excfp.governance.document"].create(
            {
                "name": "Optional",
                "code": "opt",
                "version": "1",
                "required_for_focal_points": False,
            }
        )
        for document_id in ("999999999", "-1", "abc", str(optional.id), "", "9" * 30):
            response = self.post(
                "/my/ssc/governance/acknowledge",
                {"document_id": document_id, "version": "1"},
            )
            self.assertEqual(response.status_code, 404, document_id)
        # a partner id slipped into the form is ignored: the acknowledgement is the user's
        self.post(
            "/my/ssc/governance/acknowledge",
            {
                "document_id": self.documents[0].id,
                "version": self.documents[0].version,
                "partner_id": self.portal_b.partner_id.id,
            },
        )
        self.assertEqual(len(self._acks(self.portal_a)), 1)
        self.assertFalse(self._acks(self.portal_b))
        # GET on the action is not allowed
        response = self.url_open(
            "/my/ssc/governance/acknowledge", allow_redirects=False
        )
        self.assertEqual(response.status_code, 405)

    def test_links_are_web_addresses(self):
        document = self.documents[0]
        with self.assertRaises(ValidationError):
            document.url = "javascript:alert(document.cookie)"
        # one stored before the check existed is shown, but not as a link
        self.env.cr.execute(
            "UPDATE excfp_governance_document SET url = %s WHERE id = %s",
            ("javascript:alert(1)", document.id),
        )
        self.env.invalidate_all()
        self.login(self.portal_a)
        page = self.url_open("/my/ssc/governance").text
        self.assertIn(document.name, page)
        self.assertNotIn("javascript:alert(1)", page)
