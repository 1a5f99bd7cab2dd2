# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class MailingMailingTest(models.TransientModel):
    _inherit = "mailing.mailing.test"

    excfp_translation_id = fields.Many2one(
        "excfp.mailing.translation",
        string="Language",
        domain="[('mailing_id', '=', mass_mailing_id)]",
        help="The translation to send; empty: the mailing as written.",
    )
    excfp_has_translations = fields.Boolean(
        string="Has Translations", compute="_compute_excfp_has_translations"
    )

    def _compute_excfp_has_translations(self):
        for wizard in self:
            wizard.excfp_has_translations = bool(
                wizard.mass_mailing_id.excfp_translation_ids
            )

    def send_mail_test(self):
        # the version chosen here, not the one of whichever record core
        # renders the test on
        return super(
            MailingMailingTest,
            self.with_context(
                excfp_mailing_translation_id=self.excfp_translation_id.id
            ),
        ).send_mail_test()
