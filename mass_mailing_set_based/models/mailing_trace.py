# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class MailingTrace(models.Model):
    _inherit = "mailing.trace"

    # the seen list of a batch looks its traces up by email (see
    # mailing.mailing)
    email = fields.Char(index=True)
