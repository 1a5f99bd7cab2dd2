# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError


class ExcfpMailingTranslation(models.Model):
    """The subject and body of a mailing in another language. Recipients
    whose language has one get it; the others get the mailing itself.

    Core's mailings are not translatable, and making their body a translated
    field would have a secretariat member working in French edit the French
    text while believing they edit the mailing."""

    _name = "excfp.mailing.translation"
    _description = "Mailing Translation"
    _order = "lang, id"
    _rec_name = "lang"

    mailing_id = fields.Many2one(
        "mailing.mailing", required=True, ondelete="cascade", index=True
    )
    lang = fields.Selection(
        selection="_get_languages", string="Language", required=True
    )
    subject = fields.Char(required=True)
    preview = fields.Char(
        string="Preview Text",
        help="Shown after the subject in most mail readers.",
    )
    body_html = fields.Html(
        string="Body",
        sanitize="email_outgoing",
        help="Recipients see it in the mailing's layout; placeholders such as "
        "object.excfp_group_names work as in the mailing.",
    )
    # the model whose fields the editor proposes as placeholders
    mailing_model_real = fields.Char(related="mailing_id.mailing_model_real")

    _sql_constraints = [
        (
            "mailing_lang_unique",
            "unique(mailing_id, lang)",
            "A mailing has one translation per language.",
        ),
    ]

    @api.model
    def _get_languages(self):
        return self.env["res.lang"].get_installed()

    @api.model_create_multi
    def create(self, vals_list):
        translations = super().create(vals_list)
        translations._check_placeholders()
        return translations

    def write(self, vals):
        result = super().write(vals)
        self._check_placeholders()
        return result

    def _check_placeholders(self):
        """Scheduled mailings are rendered by the mail queue without the
        restrictions of their author: only mail template editors may write
        code beyond plain placeholders, as for mail templates."""
        if self.env.su or self.env.user.has_group("mail.group_mail_template_editor"):
            return
        for translation in self:
            mailing = translation.mailing_id
            model = mailing.render_model
            if mailing._has_unsafe_expression_template_qweb(
                translation.body_html, model
            ) or any(
                mailing._has_unsafe_expression_template_inline_template(text, model)
                for text in (translation.subject, translation.preview)
            ):
                raise AccessError(
                    self.env._(
                        "Only mail template editors may use placeholders other "
                        "than the proposed ones in a mailing's translation."
                    )
                )
