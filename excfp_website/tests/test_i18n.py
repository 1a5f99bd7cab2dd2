# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import polib

from odoo.tests import TransactionCase, tagged
from odoo.tools.misc import file_path
from odoo.tools.translate import TranslationModuleReader

from odoo.addons.excfp_odoo.tests.common import (
    ExcfpHttpCase,
    make_french_and_spanish_available,
)


class TestTranslations(TransactionCase):
    def test_french_and_spanish_are_complete(self):
        """Every string of the directory has a French and a Spanish
        translation."""
        reader = TranslationModuleReader(self.env.cr, modules=["excfp_website"])
        terms = {entry[4] for entry in reader if entry[0] == "excfp_website"}
        self.assertGreater(len(terms), 40)
        for lang in ("fr", "es"):
            po = polib.pofile(file_path(f"excfp_website/i18n/{lang}.po"))
            translated = {e.msgid for e in po if e.msgstr and not e.obsolete}
            missing = sorted(terms - translated)
            self.assertFalse(missing, f"{lang}.po lacks: {missing}")


@tagged("post_install", "-at_install")
class TestDirectoryLanguages(ExcfpHttpCase):
    def test_the_directory_in_the_websites_languages(self):
        make_french_and_spanish_available(self.env)
        Lang = self.env["res.lang"]
        website = self.env["website"].get_current_website()
        website.language_ids |= Lang._lang_get("fr_FR") | Lang._lang_get("es_ES")
        self.authenticate(None, None)
        for prefix, title in (
            ("", "Find your focal point"),
            ("/fr", "Trouver votre point focal"),
            ("/es", "Encuentre su punto focal"),
        ):
            with self.subTest(lang=prefix or "en"):
                response = self.url_open(f"{prefix}/ssc/focal-points")
                self.assertEqual(response.status_code, 200)
                self.assertIn(title, response.text)
