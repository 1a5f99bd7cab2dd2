# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from ..const import GROUP_TYPES


class ExcfpReappointmentWizard(models.TransientModel):
    """Prepare the next term: one reappointment proposal per active role of
    the current term in the chosen groups, and the Chairs told that their
    groups' proposals wait for them. Run again, it proposes only what is
    missing and writes only to the Chairs of groups that got new proposals."""

    _name = "excfp.reappointment.wizard"
    _description = "Prepare the Next Term"

    term_id = fields.Many2one(
        "excfp.term",
        string="Next Term",
        required=True,
        domain=lambda self: [("date_start", ">", fields.Date.context_today(self))],
        default=lambda self: self.env["excfp.term"].search(
            [("date_start", ">", fields.Date.context_today(self))],
            order="date_start",
            limit=1,
        ),
    )
    group_type = fields.Selection(GROUP_TYPES, help="All group types when empty.")
    group_ids = fields.Many2many(
        "excfp.specialist.group",
        string="Groups",
        help="Only these groups; all the groups (of the type chosen) when empty.",
    )
    notify_chairs = fields.Boolean(
        string="Write to the Chairs",
        default=True,
        help='Send the "Reappointments open" email to the Chairs and Co-Chairs of '
        "the groups that get new proposals.",
    )

    def _groups(self):
        if self.group_ids:
            return self.group_ids
        domain = [("group_type", "=", self.group_type)] if self.group_type else []
        return self.env["excfp.specialist.group"].search(domain)

    def action_prepare(self):
        self.ensure_one()
        Reappointment = self.env["excfp.reappointment"]
        proposals = Reappointment._prepare(self.term_id, self._groups())
        if self.notify_chairs:
            Reappointment._notify_chairs(proposals.group_id)
        return self.term_id.action_view_reappointments()
