# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase


class TestData(TransactionCase):
    def test_terms(self):
        names = self.env["excfp.term"].search([]).mapped("name")
        for name in ("2017-2020", "2021-2025", "2026-2029"):
            self.assertIn(name, names)
        self.assertEqual(
            self.env.ref("excfp_odoo.term_2026_2029").date_start.isoformat(),
            "2025-10-16",
        )

    def test_governance_documents(self):
        codes = [
            "iucn_programme",
            "one_programme_charter",
            "ssc_mandate",
            "ssc_bylaws",
            "code_of_conduct",
            "code_of_conduct_guidance",
            "species_strategic_plan",
            "cites_guidelines",
            "tor_chairs",
            "tor_rla_coordinators",
            "tor_members",
            "tor_excfp",
            "exsitu_guidelines",
        ]
        docs = self.env["excfp.governance.document"].browse(
            [self.env.ref(f"excfp_odoo.governance_doc_{code}").id for code in codes]
        )
        self.assertEqual(docs.mapped("code"), codes)
        self.assertEqual(
            docs.mapped("category").count("governance_framework"),
            8,
            "The ToR annex lists eight governance framework documents",
        )
        self.assertEqual(docs.mapped("category").count("terms_of_reference"), 4)
        self.assertEqual(
            self.env.ref("excfp_odoo.governance_doc_exsitu_guidelines").category,
            "guidelines",
        )
        self.assertTrue(all(docs.mapped("required_for_focal_points")))

    def test_networks(self):
        codes = set(self.env["excfp.exsitu.network"].search([]).mapped("code"))
        expected = {
            "WAZA",
            "EAZA",
            "AZA",
            "ZAA",
            "PAAZA",
            "SEAZA",
            "ALPZA",
            "AMACZOOA",
            "CAZA",
            "BIAZA",
            "VdZ",
            "Arabian ZAA",
            "BGCI",
            "Species360",
            "Amphibian Ark",
        }
        self.assertLessEqual(expected, codes)

    def test_mail_data(self):
        template = self.env.ref("excfp_odoo.mail_template_cpsg_invitation")
        self.assertEqual(template.model, "res.partner")
        activity_type = self.env.ref("excfp_odoo.mail_activity_type_cpsg_followup")
        self.assertEqual(activity_type.res_model, "res.partner")
