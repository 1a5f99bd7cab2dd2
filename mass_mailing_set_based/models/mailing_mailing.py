# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.tools import SQL


class MailingMailing(models.Model):
    _inherit = "mailing.mailing"

    def _get_seen_list(self):
        """Core's answer for the batch's emails only, when the mail composer
        passes them (``mass_mailing_set_based_batch_emails``, see
        mail.compose.message): core reads every email the mailing (an A/B
        test: its campaign) already reached, once per batch of recipients, a
        cost growing with each batch sent.

        The JOIN and WHERE fragments of core's ``_get_seen_list_extra()`` hook
        go into the query as in core's, with the same named parameters
        (``mailing_id``, ``mailing_campaign_id``, ``target_model``).
        """
        context = self.env.context
        emails = context.get("mass_mailing_set_based_batch_emails")
        if emails is None or context.get("mass_mailing_set_based_core"):
            return super()._get_seen_list()
        self.ensure_one()
        join_domain, where_domain = self._get_seen_list_extra()
        if "%%" in join_domain + where_domain:
            # an escaped "%", which SQL() does not read: core's query
            return super()._get_seen_list()
        params = {
            "mailing_id": self.id,
            "mailing_campaign_id": self.campaign_id.id,
            "target_model": self.mailing_model_real,
        }
        self.env["mailing.trace"].flush_model(
            ["email", "mass_mailing_id", "campaign_id", "model", "res_id"]
        )
        self.env.cr.execute(
            SQL(
                """
                SELECT s.email
                  FROM mailing_trace s
                  JOIN %s t ON t.id = s.res_id
                  %s
                 WHERE s.email = ANY(%s) %s AND %s
                """,
                SQL.identifier(self.env[self.mailing_model_real]._table),
                SQL(join_domain, **params),
                list(emails),
                SQL(where_domain, **params),
                self._seen_list_scope(),
            )
        )
        return {email for (email,) in self.env.cr.fetchall()}

    def _seen_list_scope(self):
        """The traces of this mailing (an A/B test: of its campaign). "+ 0":
        looked up by the batch's emails, never by the mailing's or
        campaign's own index, which PostgreSQL takes when its statistics
        predate the send, reading all the traces sent so far for every
        batch."""
        if self.ab_testing_enabled:
            return SQL("s.campaign_id + 0 = %s", self.campaign_id.id)
        return SQL(
            "s.mass_mailing_id + 0 = %s AND s.model = %s",
            self.id,
            self.mailing_model_real,
        )
