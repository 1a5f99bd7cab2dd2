# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools.sql import create_index


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

    def init(self):
        # The lookups below go by email within a mailing (traces) and by email
        # (contacts): without these indexes each batch scans what was sent.
        create_index(
            self.env.cr,
            "mailing_trace_excfp_mailing_email_index",
            "mailing_trace",
            ["mass_mailing_id", "email"],
        )
        create_index(
            self.env.cr,
            "mailing_contact_excfp_email_normalized_index",
            "mailing_contact",
            ["email_normalized"],
        )

    def _get_seen_list_extra(self):
        """Core reads every email the mailing already reached, once per batch
        of recipients; with the batch's emails in the context (see the mail
        composer), only those are looked up. The answer for them is core's."""
        join, where = super()._get_seen_list_extra()
        emails = self.env.context.get("mass_mailing_batch_emails")
        if emails is None or self.env.context.get("mass_mailing_core_optout"):
            return join, where
        clause = self.env.cr.mogrify("AND s.email = ANY(%s)", [list(emails)]).decode()
        # the caller formats the query with %, then PostgreSQL's driver again
        return join, f"{where} {clause.replace('%', '%%')}"

    def _render_field(self, field, res_ids, *args, **kwargs):
        """The subject, preview and body in the recipient's language where
        the mailing has a translation: "view online" and test mails."""
        if field not in ("subject", "preview", "body_html") or not (
            self.excfp_translation_ids
        ):
            return super()._render_field(field, res_ids, *args, **kwargs)
        rendered = {}
        for translation, ids in self._excfp_translation_groups(res_ids):
            if translation:
                rendered.update(
                    self.with_context(lang=translation.lang)._excfp_render_source(
                        field, translation[field] or "", ids, kwargs.get("options")
                    )
                )
            else:
                rendered.update(super()._render_field(field, ids, *args, **kwargs))
        return rendered

    def _excfp_translation_groups(self, res_ids):
        """[(translation, ids)]: the recipients among res_ids by the
        translation they get; None for the mailing as written."""
        self.ensure_one()
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
