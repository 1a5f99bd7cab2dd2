# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class MailComposeMessage(models.TransientModel):
    _inherit = "mail.compose.message"

    def _render_field(
        self,
        field,
        res_ids,
        engine="inline_template",
        compute_lang=False,
        set_lang=False,
        add_context=None,
        options=None,
    ):
        """A mailing's subject and body in each recipient's language where
        the mailing has a translation in it (excfp.mailing.translation)."""
        mailing = self.mass_mailing_id
        translated = (
            field in ("subject", "body")
            and self.composition_mode == "mass_mail"
            and bool(mailing.excfp_translation_ids)
        )
        return self._excfp_render_field(
            super()._render_field,
            mailing if translated else None,
            field,
            res_ids,
            lambda t: (
                t.subject
                if field == "subject"
                else self._prepend_preview(
                    t.body_html or "", t.preview or mailing.preview
                )
            ),
            engine=engine,
            compute_lang=compute_lang,
            set_lang=set_lang,
            add_context=add_context,
            options=options,
        )
