# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from psycopg2 import IntegrityError

from odoo.exceptions import UserError
from odoo.tests import Form, users
from odoo.tools import mute_logger

from .common import ExcfpCase


class TestGovernance(ExcfpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.documents = cls.env["excfp.governance.document"].search(
            [("required_for_focal_points", "=", True)]
        )

    def _ack(self, partner, documents, **vals):
        return self.env["excfp.acknowledgement"].create(
            [
                {"partner_id": partner.id, "document_id": doc.id, **vals}
                for doc in documents
            ]
        )

    @users("excfp_secretariat")
    def test_ratio_and_completion(self):
        total = len(self.documents)
        self.assertGreaterEqual(total, 13)
        self.assertEqual(self.ana.governance_ack_ratio, 0)
        self.assertFalse(self.ana.governance_ack_complete)
        half = self.documents[: total // 2]
        acks = self._ack(self.ana, half)
        self.assertEqual(
            acks.mapped("version"),
            half.mapped("version"),
            "the document's current version is recorded",
        )
        self.assertEqual(self.ana.governance_ack_ratio, round(100 * len(half) / total))
        self._ack(self.ana, self.documents - half)
        self.assertEqual(self.ana.governance_ack_ratio, 100)
        self.assertTrue(self.ana.governance_ack_complete)

    @users("excfp_secretariat")
    def test_new_version_no_longer_counts(self):
        self._ack(self.ana, self.documents)
        self.assertTrue(self.ana.governance_ack_complete)
        doc = self.documents[0]
        old_ack = self.ana.acknowledgement_ids.filtered(lambda a: a.document_id == doc)
        doc.version = "2027"
        self.assertFalse(old_ack.is_current)
        self.assertFalse(self.ana.governance_ack_complete)
        self.assertLess(self.ana.governance_ack_ratio, 100)
        # acknowledging the new version completes the set again; history is kept
        self._ack(self.ana, doc)
        self.assertTrue(self.ana.governance_ack_complete)
        self.assertEqual(
            len(self.ana.acknowledgement_ids.filtered(lambda a: a.document_id == doc)),
            2,
        )

    @users("excfp_secretariat")
    def test_search_ratio_and_complete(self):
        Partner = self.env["res.partner"]
        self._ack(self.ana, self.documents)
        self._ack(self.ben, self.documents[:3])
        people = self.ana | self.ben | self.cai
        complete = Partner.search(
            [("governance_ack_complete", "=", True), ("id", "in", people.ids)]
        )
        self.assertEqual(complete, self.ana)
        incomplete = Partner.search(
            [("governance_ack_complete", "=", False), ("id", "in", people.ids)]
        )
        self.assertEqual(incomplete, self.ben | self.cai)
        self.assertEqual(
            Partner.search(
                [("governance_ack_ratio", ">", 0), ("id", "in", people.ids)]
            ),
            self.ana | self.ben,
        )
        self.assertEqual(
            Partner.search(
                [("governance_ack_ratio", "<", 50), ("id", "in", people.ids)]
            ),
            self.ben | self.cai,
        )
        self.assertEqual(
            Partner.search(
                [("governance_ack_ratio", "=", 0), ("id", "in", people.ids)]
            ),
            self.cai,
        )

    @users("excfp_secretariat")
    def test_archived_or_optional_documents_do_not_count(self):
        self._ack(self.ana, self.documents[1:])
        self.assertFalse(self.ana.governance_ack_complete)
        self.documents[0].required_for_focal_points = False
        self.ana.invalidate_recordset(
            ["governance_ack_ratio", "governance_ack_complete"]
        )
        self.assertTrue(self.ana.governance_ack_complete)
        self.documents[0].required_for_focal_points = True
        self.documents[0].action_archive()
        self.ana.invalidate_recordset(
            ["governance_ack_ratio", "governance_ack_complete"]
        )
        self.assertTrue(self.ana.governance_ack_complete)
        self.assertIn(
            self.ana,
            self.env["res.partner"].search([("governance_ack_complete", "=", True)]),
        )

    @users("excfp_manager")
    def test_ratio_rounds_as_searched(self):
        """The ratio shown and the ratio searched agree, halves included."""
        Document = self.env["excfp.governance.document"]
        (Document.search([]) - self.documents[:7]).required_for_focal_points = False
        extra = Document.create(
            {"name": "Eighth", "code": "eighth_t", "url": "https://www.iucn.org/8"}
        )
        self.documents = self.documents[:7] | extra
        self._ack(self.ana, self.documents[:1])  # 1 of 8: 12.5 %
        self.ana.invalidate_recordset(["governance_ack_ratio"])
        shown = self.ana.governance_ack_ratio
        self.assertEqual(shown, 13)
        self.assertIn(
            self.ana,
            self.env["res.partner"].search([("governance_ack_ratio", "=", shown)]),
        )

    @users("excfp_secretariat")
    def test_default_version_in_form(self):
        doc = self.documents[0]
        form = Form(self.env["excfp.acknowledgement"].with_user(self.user_secretariat))
        form.partner_id = self.ana
        form.document_id = doc
        self.assertEqual(form.version, doc.version)
        ack = form.save()
        self.assertTrue(ack.is_current)
        self.assertEqual(ack.channel, "back_office")

    @users("excfp_secretariat")
    def test_new_acknowledgement_title(self):
        """A new form reads as one, not "False (version False)"."""
        Ack = self.env["excfp.acknowledgement"].with_user(self.user_secretariat)
        values = Ack.onchange({}, [], {"display_name": {}, "document_id": {}})
        self.assertEqual(values["value"]["display_name"], "New Acknowledgement")
        doc = self.documents[0]
        values = Ack.onchange(
            {"document_id": doc.id},
            ["document_id"],
            {"display_name": {}, "version": {}},
        )
        self.assertEqual(
            values["value"]["display_name"], f"{doc.name} (version {doc.version})"
        )

    @users("excfp_secretariat")
    def test_bad_ratio_search(self):
        with self.assertRaises(UserError):
            self.env["res.partner"].search([("governance_ack_ratio", "=", False)])

    @users("excfp_secretariat")
    def test_unique_per_version(self):
        doc = self.documents[0]
        self._ack(self.ana, doc)
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self._ack(self.ana, doc)

    @users("excfp_manager")
    def test_document_code_unique(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self.env["excfp.governance.document"].create(
                {"name": "Copy", "code": self.documents[0].code}
            )


class TestAcknowledgeWizard(ExcfpCase):
    @users("excfp_secretariat")
    def test_one_step_for_every_outstanding_document(self):
        documents = self.env["excfp.governance.document"].search(
            self.env["excfp.governance.document"]._required_domain()
        )
        first = documents[0]
        self.env["excfp.acknowledgement"].create(
            {"partner_id": self.ana.id, "document_id": first.id}
        )
        wizard = Form(
            self.env["excfp.acknowledge.wizard"]
            .with_user(self.user_secretariat)
            .with_context(default_partner_id=self.ana.id)
        )
        self.assertEqual(
            set(wizard.document_ids.ids),
            set((documents - first).ids),
            "outstanding ones",
        )
        wizard.channel = "email"
        wizard = wizard.save()
        # as the file widget uploads it, with its name
        wizard.write(
            {
                "evidence": base64.b64encode(b"Signed: Ana"),
                "evidence_name": "ana-signed.pdf",
            }
        )
        wizard.action_acknowledge()
        acks = self.ana.acknowledgement_ids.filtered(lambda a: a.document_id != first)
        self.assertEqual(acks.document_id, documents - first)
        self.assertEqual(set(acks.mapped("channel")), {"email"})
        self.assertEqual(acks.evidence_id.name, "ana-signed.pdf")
        self.assertEqual(acks.evidence_id.raw, b"Signed: Ana")
        self.assertTrue(self.ana.governance_ack_complete)
        self.assertIn(
            "ana-signed.pdf", self.ana.message_ids[0].attachment_ids.mapped("name")
        )
        # nothing left: said, not an empty record
        wizard = Form(
            self.env["excfp.acknowledge.wizard"]
            .with_user(self.user_secretariat)
            .with_context(default_partner_id=self.ana.id)
        ).save()
        with self.assertRaises(UserError):
            wizard.action_acknowledge()
