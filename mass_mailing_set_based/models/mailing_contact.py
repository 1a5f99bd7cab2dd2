# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class MailingContact(models.Model):
    _inherit = "mailing.contact"

    # inherited from mail.thread.blacklist: the opt-out list of a batch looks
    # its contacts up by email (see mailing.list)
    email_normalized = fields.Char(index=True)
