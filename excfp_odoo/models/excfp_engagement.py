# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..const import ENGAGEMENT_TYPES

# Changes of these fields are carried to the calendar event.
EVENT_FIELDS = ("name", "date_start", "date_end", "attendee_ids", "focal_point_id")


class ExcfpEngagement(models.Model):
    """A collaboration with the ex situ community (ToR s.3 c): a meeting, a
    workshop, a planning session, a joint project... with its outcome, its
    follow-up activities and, once added, a calendar event."""

    _name = "excfp.engagement"
    _description = "Collaboration"
    _inherit = ["excfp.group.record.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"

    name = fields.Char(required=True, tracking=True)
    engagement_type = fields.Selection(
        ENGAGEMENT_TYPES, string="Type", required=True, default="meeting", tracking=True
    )
    date_start = fields.Datetime(
        string="Start", required=True, default=fields.Datetime.now, tracking=True
    )
    date_end = fields.Datetime(string="End", tracking=True)
    group_id = fields.Many2one(required=True)
    organisation_ids = fields.Many2many(
        "res.partner",
        "excfp_engagement_organisation_rel",
        "engagement_id",
        "partner_id",
        string="Ex situ Organisations",
        domain=[("is_company", "=", True)],
    )
    attendee_ids = fields.Many2many(
        "res.partner",
        "excfp_engagement_attendee_rel",
        "engagement_id",
        "partner_id",
        string="Attendees",
    )
    opportunity_ids = fields.Many2many(
        "excfp.opportunity",
        "excfp_engagement_opportunity_rel",
        "engagement_id",
        "opportunity_id",
        string="Opportunities",
    )
    opportunity_count = fields.Integer(compute="_compute_opportunity_count")
    outcome = fields.Html()
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done"), ("cancelled", "Cancelled")],
        required=True,
        default="planned",
        tracking=True,
    )
    calendar_event_id = fields.Many2one(
        "calendar.event", copy=False, ondelete="set null"
    )
    active = fields.Boolean(default=True)

    def _compute_opportunity_count(self):
        for engagement in self:
            engagement.opportunity_count = len(engagement.opportunity_ids)

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for engagement in self:
            if engagement.date_end and engagement.date_end < engagement.date_start:
                raise ValidationError(
                    self.env._("%s ends before it starts.", engagement.name)
                )

    def write(self, vals):
        res = super().write(vals)
        if any(fname in vals for fname in EVENT_FIELDS):
            self.filtered("calendar_event_id")._update_calendar_event()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_history(self):
        """One that took place is history: archived, not deleted."""
        now = fields.Datetime.now()
        if any(e.state == "done" or e.date_start <= now for e in self):
            raise UserError(
                self.env._(
                    "A collaboration that has taken place is kept: archive it instead."
                )
            )

    # ---- Calendar ----

    def _event_values(self):
        self.ensure_one()
        return {
            "name": self.name,
            "start": self.date_start,
            "stop": self.date_end or self.date_start,
            "partner_ids": [Command.set((self.attendee_ids | self.focal_point_id).ids)],
            "res_model_id": self.env["ir.model"]._get_id(self._name),
            "res_id": self.id,
        }

    def _update_calendar_event(self):
        for engagement in self:
            engagement.calendar_event_id.write(engagement._event_values())

    def action_add_to_calendar(self):
        """Create the calendar event (core sends the invitations), or bring
        it up to date; it opens this collaboration from its Document link."""
        for engagement in self:
            if engagement.calendar_event_id:
                engagement._update_calendar_event()
            else:
                engagement.calendar_event_id = self.env["calendar.event"].create(
                    engagement._event_values()
                )
        return True

    def action_done(self):
        self.write({"state": "done"})

    def action_cancel(self):
        """Cancelled: its calendar event is archived, as core archives a
        cancelled meeting (it leaves the attendees' calendars)."""
        self.write({"state": "cancelled"})
        self.calendar_event_id.action_archive()

    def action_plan(self):
        self.write({"state": "planned"})
        self.calendar_event_id.filtered(lambda e: not e.active).action_unarchive()

    def action_view_opportunities(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "excfp_odoo.excfp_opportunity_action"
        )
        action["domain"] = [("engagement_ids", "in", self.ids)]
        return action
