# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.tools import SQL


class MailComposeMessage(models.TransientModel):
    _inherit = "mail.compose.message"

    def _set_based_batch_emails(self, mail_values_dict):
        """The normalized emails of a batch's recipients."""
        recipients = self._get_recipients_data(mail_values_dict)
        return {
            email
            for info in recipients.values()
            for email in info["mail_to_normalized"]
            if email
        }

    def _process_mail_values_state(self, mail_values_dict):
        """Each batch of a mass mailing looks up the opt-outs, the emails
        already reached and the blacklist for its own recipients only (see
        mailing.list and mailing.mailing), instead of reading them whole: the
        batch's emails go in the context as
        ``mass_mailing_set_based_batch_emails``, which any model's
        ``_mailing_get_opt_out_list`` may read too."""
        if self.composition_mode != "mass_mail" or self.env.context.get(
            "mass_mailing_set_based_core"
        ):
            return super()._process_mail_values_state(mail_values_dict)
        batch = self.with_context(
            mass_mailing_set_based_batch_emails=self._set_based_batch_emails(
                mail_values_dict
            )
        )
        return super(MailComposeMessage, batch)._process_mail_values_state(
            mail_values_dict
        )

    def _get_blacklist_record_ids(self, mail_values_dict, recipients_info=None):
        """Core's answer, reading only the batch's emails from the blacklist
        rather than the whole blacklist for every batch."""
        emails = self.env.context.get("mass_mailing_set_based_batch_emails")
        if (
            emails is None
            or not self.use_exclusion_list
            or self.composition_mode != "mass_mail"
        ):
            return super()._get_blacklist_record_ids(mail_values_dict, recipients_info)
        Target = self.env[self.model]
        is_blacklist_mixin = isinstance(Target, self.pool["mail.thread.blacklist"])
        if is_blacklist_mixin:
            targets = Target.browse(mail_values_dict.keys())
            targets.fetch(["email_normalized"])
            emails = emails | {
                t.email_normalized for t in targets if t.email_normalized
            }
        self.env["mail.blacklist"].flush_model(["email", "active"])
        self.env.cr.execute(
            SQL(
                "SELECT email FROM mail_blacklist WHERE active AND email = ANY(%s)",
                list(emails),
            )
        )
        blacklist = {email for (email,) in self.env.cr.fetchall()}
        if not blacklist:
            return set()
        if is_blacklist_mixin:
            return {t.id for t in targets if t.email_normalized in blacklist}
        if recipients_info:
            return {
                res_id
                for res_id, info in recipients_info.items()
                if blacklist & set(info["mail_to_normalized"])
            }
        return set()
