# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    """The acknowledgement reminders moved from the contacts to the
    acknowledgements; their scheduled action is noupdate (its timing is the
    secretariat's to change), so point it at the new method here."""
    env = api.Environment(cr, SUPERUSER_ID, {})
    cron = env.ref("excfp_odoo.ir_cron_ack_reminders", raise_if_not_found=False)
    if cron:
        cron.write(
            {
                "model_id": env["ir.model"]._get_id("excfp.acknowledgement"),
                "code": "model._cron_reminders()",
            }
        )
