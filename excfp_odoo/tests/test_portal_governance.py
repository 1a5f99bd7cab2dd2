# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .portal_common import ExcfpPortalCase


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
                {"document_id": "all", "document_ids": listed},
            )
        acks = self._acks(self.portal_a)
        self.assertEqual(acks.document_id, self.documents)
        self.assertEqual(len(acks), len(self.documents), "each once")
        self.assertTrue(self.portal_a.partner_id.sudo().governance_ack_complete)
        # the back office sees them, as the secretariat
        partner = self.portal_a.partner_id.with_user(self.secretariat)
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
