# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import SQL
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
        # The lookups below go by email (traces, contacts): without these
        # indexes each batch of a send scans what was sent or the whole list.
        create_index(
            self.env.cr, "mailing_trace_excfp_email_index", "mailing_trace", ["email"]
        )
        create_index(
            self.env.cr,
            "mailing_contact_excfp_email_normalized_index",
            "mailing_contact",
            ["email_normalized"],
        )

    def _get_seen_list(self):
        """Core's answer for the batch's emails only, when the mail composer
        passes them (see mail.compose.message): core reads every email the
        mailing (an A/B test: its campaign) already reached, once per batch of
        recipients, a cost growing with each batch sent."""
        emails = self.env.context.get("mass_mailing_batch_emails")
        if emails is None or self.env.context.get("mass_mailing_core_optout"):
            return super()._get_seen_list()
        self.ensure_one()
        # "+ 0": by the batch's emails, never by the mailing's or campaign's
        # own index, which PostgreSQL takes when its statistics predate the
        # send, reading all the traces sent so far for every batch
        if self.ab_testing_enabled:
            scope = SQL("s.campaign_id + 0 = %s", self.campaign_id.id)
        else:
            scope = SQL(
                "s.mass_mailing_id + 0 = %s AND s.model = %s",
                self.id,
                self.mailing_model_real,
            )
        self.env["mailing.trace"].flush_model(
            ["email", "mass_mailing_id", "campaign_id", "model", "res_id"]
        )
        self.env.cr.execute(
            SQL(
                """
                SELECT s.email
                  FROM mailing_trace s
                  JOIN %s t ON t.id = s.res_id
                 WHERE s.email = ANY(%s) AND %s
                """,
                SQL.identifier(self.env[self.mailing_model_real]._table),
                list(emails),
                scope,
            )
        )
        return {email for (email,) in self.env.cr.fetchall()}

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
        core = {
            "engine": engine,
            "compute_lang": compute_lang,
            "set_lang": set_lang,
            "add_context": add_context,
            "options": options,
        }
        if field not in ("subject", "preview", "body_html") or not (
            self.excfp_translation_ids
        ):
            return super()._render_field(field, res_ids, **core)
        return self._excfp_render_translated(
            self,
            field,
            res_ids,
            # as sent: a translation without preview text keeps the mailing's
            lambda t: t[field] or (self.preview if field == "preview" else "") or "",
            lambda ids: super(MailingMailing, self)._render_field(field, ids, **core),
            options,
            add_context,
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
