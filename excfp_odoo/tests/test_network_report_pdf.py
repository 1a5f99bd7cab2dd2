# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import shutil
import subprocess
import tempfile

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import ExcfpHttpCase, make_french_and_spanish_available


@tagged("post_install", "-at_install")
class TestNetworkReportPdf(ExcfpHttpCase):
    """The Steering Committee's PDF, rendered by wkhtmltopdf and read back
    with pdftotext: its figures are the report's, in the wizard's language."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # HttpCase: the PDF renderer fetches the report's styles from the server
        make_french_and_spanish_available(cls.env)
        cls.env["excfp.role"].create(
            {
                "partner_id": cls.ana.id,
                "group_id": cls.group.id,
                "role_type": "focal_point",
                "state": "active",
                "date_start": cls.term_current.date_start,
            }
        )

    def _pdf_text(self, wizard):
        self.assertTrue(shutil.which("pdftotext"), "poppler-utils is needed")
        pdf, report_type = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf("excfp_odoo.action_report_network", wizard.ids)
        )
        self.assertEqual(report_type, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
            file.write(pdf)
            file.flush()
            return subprocess.run(
                ["pdftotext", "-layout", file.name, "-"],
                check=True,
                capture_output=True,
                text=True,
            ).stdout

    def _wizard(self, **vals):
        return (
            self.env["excfp.network.report.wizard"]
            .with_user(self.user_secretariat)
            .create({"group_type": "taxonomic_sg", **vals})
        )

    def test_pdf_has_the_figures(self):
        wizard = self._wizard(lang="en_US")
        figures = wizard._figures()
        coverage = figures["coverage"]
        text = " ".join(self._pdf_text(wizard).split())
        self.assertIn("State of the ExCFP network", text)
        self.assertIn(self.term_current.name, text)
        self.assertIn(
            f"{len(coverage['covered'])} groups covered, "
            f"{len(coverage['nominated'])} nominated, "
            f"{len(coverage['vacant'])} vacant.",
            text,
        )
        self.assertIn(
            f"{figures['focal_points']['count']} focal points in the term", text
        )
        for row in figures["trend"]:
            self.assertIn(row["term"].name, text)

    def test_pdf_in_french_and_spanish(self):
        for lang, title, covered in (
            ("fr_FR", "État du réseau", "groupes pourvus"),
            ("es_ES", "Estado de la red", "grupos cubiertos"),
        ):
            with self.subTest(lang=lang):
                wizard = self._wizard(lang=lang)
                text = " ".join(self._pdf_text(wizard).split())
                self.assertIn(title, text)
                # whole sentences, translated with their figures
                sentence = wizard._figures()["sentences"]["coverage"]
                self.assertIn(covered, sentence)
                self.assertIn(sentence, text)
                self.assertNotIn("groups covered", text)

    def test_secretariat_only_and_a_wrong_range_is_said(self):
        with self.assertRaises(AccessError):
            self.env["excfp.network.report.wizard"].with_user(
                self.user_employee
            ).create({})
        wizard = self._wizard(
            date_from=self.term_current.date_end, date_to=self.term_current.date_start
        )
        with self.assertRaises(UserError):
            wizard.action_print()
        action = self._wizard().action_print()
        self.assertEqual(action["report_name"], "excfp_odoo.report_network")
