# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Settings of the addon, kept as system parameters (see res_config_settings)."""

DEFAULTS = {
    "excfp_odoo.liaison_response_days": 10,
    "excfp_odoo.ack_reminder_interval_days": 30,
    "excfp_odoo.cpsg_followup_delay_days": 30,
    "excfp_odoo.reappointment_notice_days": 90,
    # not days: bounces after which a contact leaves the mailing audiences
    "excfp_odoo.bounce_threshold": 3,
    # the public forms that send email (excfp.form.throttle): leading zero
    # bits of the proof of work, submissions per hour per client and in all
    "excfp_odoo.form_proof_bits": 16,
    "excfp_odoo.form_rate_per_address": 5,
    "excfp_odoo.form_rate_total": 100,
}
# Records handled per scheduled-action call; the cron is re-triggered until done.
CRON_BATCH_SIZE = 200


def get_days(env, key):
    """A positive number (of days, mostly) from the settings, or its default."""
    value = env["ir.config_parameter"].sudo().get_param(key)
    try:
        days = int(value) if value not in (None, False, "") else DEFAULTS[key]
    except ValueError:
        days = DEFAULTS[key]
    return max(days, 1)


def configured_owner(env):
    """The default secretariat owner of the settings, if any."""
    owner_id = (
        env["ir.config_parameter"]
        .sudo()
        .get_param("excfp_odoo.liaison_default_user_id")
    )
    return env["res.users"].sudo().browse(int(owner_id or 0)).exists()


def default_owner(env):
    """The secretariat member who owns generated work, or the administrator."""
    return configured_owner(env) or env.ref("base.user_admin")


def responsible_user(env):
    """Who gets the work a user's action creates: that user, unless the action
    runs as the superuser (demo data, shell, mail gateway, scheduled actions)."""
    user = env.user
    if user._is_internal() and not user._is_superuser():
        return user
    return default_owner(env)


def without_followup(activity_type, since):
    """Domain: records with no open activity of ``activity_type`` and none done
    since ``since``: what makes the scheduled actions idempotent and lets them
    resume where a crashed run stopped."""
    return [
        ("activity_ids", "not any", [("activity_type_id", "=", activity_type.id)]),
        (
            "message_ids",
            "not any",
            [("mail_activity_type_id", "=", activity_type.id), ("date", ">=", since)],
        ),
    ]


PORTAL_INVITE_PARAM = "excfp_odoo.portal_invite_focal_points"
# The mail server's authserv-id (RFC 8601) whose Authentication-Results the
# liaison gateway believes; empty (the default) believes no header at all.
AUTHSERV_PARAM = "excfp_odoo.mail_authserv_id"


def portal_invite_enabled(env):
    """The "Invite new focal points to the portal" setting, on by default."""
    return env["ir.config_parameter"].sudo().get_param(PORTAL_INVITE_PARAM) != "False"
