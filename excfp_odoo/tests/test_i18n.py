# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import polib

from odoo.tests import TransactionCase
from odoo.tools.misc import file_path
from odoo.tools.translate import TranslationModuleReader


class TestTranslations(TransactionCase):
    def test_french_and_spanish_are_complete(self):
        """Every string the addon shows, read from its code, views and data
        as Odoo's own export reads them, has a French and a Spanish
        translation: a new string without them fails here, not in front of
        a focal point."""
        reader = TranslationModuleReader(self.env.cr, modules=["excfp_odoo"])
        terms = {entry[4] for entry in reader if entry[0] == "excfp_odoo"}
        self.assertGreater(len(terms), 400)
        for lang in ("fr", "es"):
            po = polib.pofile(file_path(f"excfp_odoo/i18n/{lang}.po"))
            translated = {
                entry.msgid for entry in po if entry.msgstr and not entry.obsolete
            }
            missing = sorted(terms - translated)
            self.assertFalse(missing, f"{lang}.po lacks: {missing}")
