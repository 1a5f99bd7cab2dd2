# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..const import AUTHSERV_PARAM, PARAM_DEFAULTS, PORTAL_INVITE_PARAM
from ..utils import portal_invite_enabled


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    excfp_liaison_response_days = fields.Integer(
        string="Response Target (working days)",
        config_parameter="excfp_odoo.liaison_response_days",
        default=PARAM_DEFAULTS["excfp_odoo.liaison_response_days"],
        help="Working days, in the company's working calendar, within which a "
        "liaison request should be answered.",
    )
    excfp_liaison_default_user_id = fields.Many2one(
        "res.users",
        string="Default Secretariat Owner",
        config_parameter="excfp_odoo.liaison_default_user_id",
        domain=[("share", "=", False)],
        help="Owner of new liaison requests, such as those arriving by email.",
    )
    excfp_mail_authserv_id = fields.Char(
        string="Trusted Mail Server",
        config_parameter=AUTHSERV_PARAM,
        help="The authserv-id your mail server writes in the Authentication-Results "
        "header of incoming email (RFC 8601), such as mx.example.org. An email "
        "reply then answers a liaison request when this header says the sender's "
        "domain passed DMARC. Empty: only replies from the back office or the "
        "portal answer a request.",
    )

    excfp_ack_reminder_interval_days = fields.Integer(
        string="Acknowledgement Reminder Interval (days)",
        config_parameter="excfp_odoo.ack_reminder_interval_days",
        default=PARAM_DEFAULTS["excfp_odoo.ack_reminder_interval_days"],
    )
    excfp_cpsg_followup_delay_days = fields.Integer(
        string="CPSG Follow-up Delay (days)",
        config_parameter="excfp_odoo.cpsg_followup_delay_days",
        default=PARAM_DEFAULTS["excfp_odoo.cpsg_followup_delay_days"],
    )
    excfp_reappointment_notice_days = fields.Integer(
        string="Reappointment Notice (days)",
        config_parameter="excfp_odoo.reappointment_notice_days",
        default=PARAM_DEFAULTS["excfp_odoo.reappointment_notice_days"],
    )

    excfp_portal_invite = fields.Boolean(
        string="Invite New Focal Points to the Portal",
        help="When a focal point role becomes active and the person has no user, "
        "invite them to the portal (Odoo's portal invitation email).",
    )

    @api.model
    def get_values(self):
        res = super().get_values()
        # Stored as text so that "off" survives: a False parameter is deleted.
        res["excfp_portal_invite"] = portal_invite_enabled(self.env)
        return res

    def set_values(self):
        res = super().set_values()
        self.env["ir.config_parameter"].sudo().set_param(
            PORTAL_INVITE_PARAM, "True" if self.excfp_portal_invite else "False"
        )
        return res

    @api.constrains(
        "excfp_liaison_response_days",
        "excfp_ack_reminder_interval_days",
        "excfp_cpsg_followup_delay_days",
        "excfp_reappointment_notice_days",
    )
    def _check_excfp_days(self):
        for settings in self:
            if (
                min(
                    settings.excfp_liaison_response_days,
                    settings.excfp_ack_reminder_interval_days,
                    settings.excfp_cpsg_followup_delay_days,
                    settings.excfp_reappointment_notice_days,
                )
                < 1
            ):
                raise ValidationError(
                    self.env._(
                        "Response targets, intervals and delays are at least one day."
                    )
                )
