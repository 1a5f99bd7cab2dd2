# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Helpers several models share: the settings read, and who owns the work the
addon creates."""

from odoo.osv import expression

from .const import CRON_BATCH_SIZE, PARAM_DEFAULTS, PORTAL_INVITE_PARAM


def get_days(env, key):
    """A positive number (of days, mostly) from the settings, or its default."""
    value = env["ir.config_parameter"].sudo().get_param(key)
    try:
        days = int(value) if value not in (None, False, "") else PARAM_DEFAULTS[key]
    except ValueError:
        days = PARAM_DEFAULTS[key]
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


def portal_invite_enabled(env):
    """The "Invite new focal points to the portal" setting, on by default."""
    return env["ir.config_parameter"].sudo().get_param(PORTAL_INVITE_PARAM) != "False"


def schedule_followups(model, domain, activity_type, plan):
    """What the follow-up scheduled actions share: a batch of the records of
    ``model`` matching ``domain`` (which leaves out those followed up
    already, see without_followup) gets activities of ``activity_type``,
    quietly (the assignees find them in their activities, no email each), and
    the cron is told what is left. ``plan(records)`` yields, per group of
    records, the group, its assignee and the deadline."""
    records = model.search(domain, limit=CRON_BATCH_SIZE)
    for batch, user, deadline in plan(records):
        batch.with_context(mail_activity_quick_update=True).activity_schedule(
            activity_type_id=activity_type.id,
            user_id=user.id,
            date_deadline=deadline,
        )
    model.env["ir.cron"]._notify_progress(
        done=len(records), remaining=model.search_count(domain)
    )
    return records


def counts_by_partner(model, field_names, partners):
    """{partner id: how many records of ``model`` name them in any of
    ``field_names``} (many2one or many2many to res.partner), each record
    counted once per partner: the smart buttons' figures."""
    domain = expression.OR([[(fname, "in", partners.ids)] for fname in field_names])
    counts = dict.fromkeys(partners.ids, 0)
    for record in model.search_fetch(domain, list(field_names)):
        named = set().union(*(record[fname].ids for fname in field_names))
        for partner_id in named & counts.keys():
            counts[partner_id] += 1
    return counts


def clean_text(value):
    """Form and query strings as PostgreSQL takes them: text, no NUL."""
    return value.replace("\x00", "").strip() if isinstance(value, str) else ""
