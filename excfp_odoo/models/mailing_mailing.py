# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class MailingMailing(models.Model):
    _inherit = "mailing.mailing"

    excfp_translation_ids = fields.One2many(
        "excfp.mailing.translation",
        "mailing_id",
        string="Translations",
        copy=True,
        help="Recipients whose language has a translation get it; the others "
        "get the mailing as written above.",
    )

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
        """The subject, preview and body in the recipient's language where
        the mailing has a translation: "view online" and test mails."""
        translated = field in ("subject", "preview", "body_html") and bool(
            self.excfp_translation_ids
        )
        return self._excfp_render_field(
            super()._render_field,
            self if translated else None,
            field,
            res_ids,
            # as sent: a translation without preview text keeps the mailing's
            lambda t: t[field] or (self.preview if field == "preview" else "") or "",
            engine=engine,
            compute_lang=compute_lang,
            set_lang=set_lang,
            add_context=add_context,
            options=options,
        )

    def _excfp_render_translated(
        self, renderer, field, res_ids, source, render_core, options, add_context
    ):
        """Render field for res_ids with renderer (this mailing, or its mail
        composer): the source(translation) of each recipient's translation
        where there is one, render_core(ids) for the others."""
        rendered = {}
        for translation, ids in self._excfp_translation_groups(res_ids):
            if translation:
                rendered.update(
                    renderer.with_context(lang=translation.lang)._excfp_render_source(
                        field, source(translation), ids, options, add_context
                    )
                )
            else:
                rendered.update(render_core(ids))
        return rendered

    def _excfp_translation_groups(self, res_ids):
        """[(translation, ids)]: the recipients among res_ids by the
        translation they get; None for the mailing as written."""
        self.ensure_one()
        if "excfp_mailing_translation_id" in self.env.context:
            # a test mail of one version, whoever the sample recipient is
            chosen = self.excfp_translation_ids.filtered(
                lambda t: t.id == self.env.context["excfp_mailing_translation_id"]
            )
            return [(chosen or None, list(res_ids))]
        translations = {t.lang: t for t in self.excfp_translation_ids}
        langs = self._excfp_recipient_langs(res_ids) if translations else {}
        groups = {}
        for res_id in res_ids:
            groups.setdefault(translations.get(langs.get(res_id)), []).append(res_id)
        return list(groups.items())

    def _excfp_recipient_langs(self, res_ids):
        """{res_id: language} of the recipients among res_ids. A mailing
        contact has no language of its own in core: it is that of the SSC
        contact with its email."""
        self.ensure_one()
        records = self.env[self.mailing_model_real].browse(res_ids).exists()
        field = next(
            (name for name in ("excfp_lang", "lang") if name in records._fields),
            None,
        )
        if not field:
            return {}
        return {record.id: record[field] for record in records}
