# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class MailTemplate(models.Model):
    _inherit = "mail.template"

    def send_mail(
        self,
        res_id,
        force_send=False,
        raise_exception=False,
        email_values=None,
        email_layout_xmlid=False,
    ):
        """``excfp_queue_mail`` in the context queues what core would send at
        once: the portal wizard sends its invitation during the activation,
        and with the mail server unreachable it ends in an error the mail
        queue does not retry. Queued, it leaves with the next run of the
        queue, like the CPSG invitation."""
        if self.env.context.get("excfp_queue_mail"):
            force_send = False
        return super().send_mail(
            res_id,
            force_send=force_send,
            raise_exception=raise_exception,
            email_values=email_values,
            email_layout_xmlid=email_layout_xmlid,
        )
