# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import math
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, html2plaintext

from ..const import OPEN_STATES
from ..utils import (
    configured_owner,
    default_owner,
    get_days,
    responsible_user,
    schedule_followups,
    without_followup,
)


class ExcfpLiaison(models.Model):
    """A request between a group and the ex situ community (ToR s.3 a): the
    focal point "responds to requests and shares information in a timely
    manner", measured against a response target in working days."""

    _name = "excfp.liaison"
    _description = "Liaison Request"
    _inherit = [
        "excfp.group.record.mixin",
        "portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "date_received desc, id desc"
    # Focal points answer from the portal chatter: reading the request (their
    # own, by record rule) is enough to post on it, as on a project task.
    _mail_post_access = "read"

    def _default_user_id(self):
        """The default owner from the settings; else whoever records the
        request, unless that is the mail gateway or a scheduled action."""
        return configured_owner(self.env) or responsible_user(self.env)

    name = fields.Char(string="Subject", required=True, tracking=True)
    suggested_group_id = fields.Many2one(
        "excfp.specialist.group",
        readonly=True,
        copy=False,
        help="The group the request's text is most about (its taxa, name, scope), "
        "for a request that came with no group.",
    )
    description = fields.Html()
    # group_id is not required: email to the generic liaison address waits
    # here, with no group, until the secretariat routes it (nothing sent to
    # us is lost).
    focal_point_name = fields.Char(
        related="focal_point_id.name", string="Focal Point Name"
    )
    counterpart_id = fields.Many2one(
        "res.partner",
        index=True,
        ondelete="restrict",
        tracking=True,
        help="The ex situ organisation or person on the other side.",
    )
    direction = fields.Selection(
        [("inbound", "Inbound"), ("outbound", "Outbound")],
        required=True,
        default="inbound",
        help="Inbound: the ex situ community asks the group. "
        "Outbound: the group asks the ex situ community.",
    )
    request_type = fields.Selection(
        [
            ("information", "Information"),
            ("collaboration", "Collaboration"),
            ("planning", "Planning"),
            ("data_request", "Data request"),
            ("other", "Other"),
        ],
        string="Type",
        required=True,
        default="information",
        tracking=True,
    )
    state = fields.Selection(
        [
            ("new", "New"),
            ("in_progress", "In Progress"),
            ("answered", "Answered"),
            ("closed", "Closed"),
            ("cancelled", "Cancelled"),
        ],
        string="Status",
        required=True,
        default="new",
        index=True,
        tracking=True,
        group_expand="_group_expand_states",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Owner",
        default=lambda self: self._default_user_id(),
        index=True,
        ondelete="set null",
        tracking=True,
        domain=[("share", "=", False)],
        help="Secretariat member who follows the request up.",
    )
    date_received = fields.Datetime(
        string="Received", required=True, default=fields.Datetime.now, index=True
    )
    date_due = fields.Datetime(
        string="Due",
        compute="_compute_date_due",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        tracking=True,
        help="The response target after receipt, in working days of the "
        "company's working calendar (Settings).",
    )
    date_answered = fields.Datetime(string="Answered", readonly=True, copy=False)
    response_days = fields.Float(
        string="Response Time (days)",
        compute="_compute_response_days",
        store=True,
        aggregator="avg",
        help="Working days from receipt to the answer.",
    )
    due_status = fields.Char(
        string="Time Left",
        compute="_compute_due_status",
        help="Working days left to answer, or by which the answer is late.",
    )
    is_overdue = fields.Boolean(
        string="Overdue",
        compute="_compute_is_overdue",
        search="_search_is_overdue",
    )

    # ---- Compute ----

    def _compute_access_url(self):
        for request in self:
            request.access_url = f"/my/ssc/requests/{request.id}"

    @api.depends("date_received")
    def _compute_date_due(self):
        days = self._response_target_days()
        calendar = self.env.company.resource_calendar_id
        for request in self:
            request.date_due = (
                request._due_after(request.date_received, days, calendar)
                if request.date_received
                else False
            )

    @api.model
    def _due_after(self, received, days, calendar):
        """End of the ``days``-th working day after the day of receipt, in the
        calendar's timezone: a request received on Friday, at any hour, with a
        target of one day is due at the end of Monday."""
        tz = pytz.timezone(calendar.tz or "UTC") if calendar else pytz.utc
        local = pytz.utc.localize(received).astimezone(tz)
        next_day = tz.localize(
            datetime.combine(local.date() + timedelta(days=1), time.min)
        )
        last_day = (
            calendar.plan_days(days, next_day, compute_leaves=True)
            if calendar
            else False
        )
        if last_day:
            due_date = last_day.astimezone(tz).date()
        else:  # no working calendar, or one without working hours
            due_date = local.date() + timedelta(days=days)
        end_of_day = tz.localize(datetime.combine(due_date, time(23, 59, 59)))
        return end_of_day.astimezone(pytz.utc).replace(tzinfo=None)

    @api.depends("date_received", "date_answered")
    def _compute_response_days(self):
        calendar = self.env.company.resource_calendar_id
        for request in self:
            if not (request.date_received and request.date_answered):
                request.response_days = 0.0
            elif calendar:
                request.response_days = calendar.get_work_duration_data(
                    request.date_received, request.date_answered, compute_leaves=True
                )["days"]
            else:
                delta = request.date_answered - request.date_received
                request.response_days = delta.total_seconds() / 86400

    @api.depends("state", "date_due")
    @api.depends_context("uid")
    def _compute_due_status(self):
        now = fields.Datetime.now()
        calendar = self.env.company.resource_calendar_id
        for request in self:
            if request.state not in OPEN_STATES or not request.date_due:
                request.due_status = False
                continue
            late = request.date_due < now
            start, end = (request.date_due, now) if late else (now, request.date_due)
            if calendar:
                days = calendar.get_work_duration_data(start, end)["days"]
            else:
                days = (end - start).total_seconds() / 86400
            days = max(math.ceil(days - 0.01), 1 if late else 0)
            if late:
                request.due_status = (
                    self.env._("Overdue by 1 working day")
                    if days == 1
                    else self.env._("Overdue by %s working days", days)
                )
            elif days == 0:
                request.due_status = self.env._("Due today")
            else:
                request.due_status = (
                    self.env._("1 working day left")
                    if days == 1
                    else self.env._("%s working days left", days)
                )

    @api.depends("state", "date_due")
    def _compute_is_overdue(self):
        now = fields.Datetime.now()
        for request in self:
            request.is_overdue = bool(
                request.state in OPEN_STATES
                and request.date_due
                and request.date_due < now
            )

    def _read_group_select(self, aggregate_spec, query):
        # An unanswered request has no response time yet: the average is of
        # the answered ones (the column holds 0 for the others, as Float does).
        if aggregate_spec == "response_days:avg":
            return SQL(
                "AVG(%s) FILTER (WHERE %s IS NOT NULL)",
                self._field_to_sql(self._table, "response_days", query),
                self._field_to_sql(self._table, "date_answered", query),
            )
        return super()._read_group_select(aggregate_spec, query)

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!="):
            raise UserError(self.env._("Search overdue requests with = or !=."))
        domain = [
            ("state", "in", OPEN_STATES),
            ("date_due", "<", fields.Datetime.now()),
        ]
        if (operator == "=") == bool(value):
            return domain
        return ["!", "&", *domain]

    def _group_expand_states(self, states, domain):
        # Cancelled requests get a column only when there are some.
        return ["new", "in_progress", "answered", "closed"]

    # ---- CRUD ----

    @api.model_create_multi
    def create(self, vals_list):
        requests = super().create(vals_list)
        requests._subscribe_parties()
        # By email, the focal point gets the email itself, as a follower.
        if not self.env.context.get("excfp_from_gateway"):
            requests.filtered("focal_point_id")._notify_focal_point()
        return requests

    def write(self, vals):
        if (
            not {"group_id", "focal_point_id", "counterpart_id", "user_id"}
            & vals.keys()
        ):
            return super().write(vals)
        before = {request: request._parties() for request in self}
        focal_points = {request: request.focal_point_id for request in self}
        res = super().write(vals)
        # A replaced focal point, counterpart or owner stops receiving the thread.
        for request, old_parties in before.items():
            gone = old_parties - request._parties()
            if gone:
                request.message_unsubscribe(partner_ids=gone.ids)
        self._subscribe_parties()
        self.filtered(
            lambda r: r.focal_point_id and r.focal_point_id != focal_points[r]
        )._notify_focal_point()
        return res

    def _notify_focal_point(self):
        """Tell the focal point a request is theirs (recorded for the group,
        routed to it, or handed over): by email, in their language, noted in
        the thread. Following it alone said nothing."""
        todo = self.filtered(lambda r: r.state in OPEN_STATES)
        if not todo:
            return
        template = self.env.ref("excfp_odoo.mail_template_liaison_assigned")
        for request in todo:
            request.with_context(
                mail_notify_force_send=False, excfp_liaison_notice=True
            ).message_post_with_source(
                template,
                subtype_xmlid="mail.mt_note",
                partner_ids=request.focal_point_id.ids,
            )

    def _parties(self):
        self.ensure_one()
        return self.focal_point_id | self.counterpart_id | self.user_id.partner_id

    def _subscribe_parties(self):
        """The focal point answers, the counterpart reads the answers, the owner
        follows up: all three follow the request (one call per distinct set)."""
        for parties, requests in self.grouped(lambda r: r._parties()).items():
            if parties:
                requests.message_subscribe(partner_ids=parties.ids)

    @api.model
    def _counts_by_party(self, partners):
        """{partner id: how many requests they answer or sent}."""
        counts = {}
        for fname in ("focal_point_id", "counterpart_id"):
            for partner, count in self._read_group(
                [(fname, "in", partners.ids)], [fname], ["__count"]
            ):
                counts[partner.id] = counts.get(partner.id, 0) + count
        return counts

    def _is_answered_by(self, partner):
        """The request is this person's to answer: they are its focal point
        and hold an active or nominated focal point role in its group."""
        self.ensure_one()
        return self.focal_point_id == partner and self.group_id in (
            self.env["excfp.role"]._focal_point_roles_of(partner).group_id
        )

    def _release_focal_points(self, leaving):
        """People whose focal point role in a group ended: its open requests
        go to the group's active focal point, or to nobody (the secretariat's
        "Without Focal Point" queue), and they follow none of its requests.

        :param leaving: set of (partner, group) whose focal point role ended
        """
        bodies, handed = {}, {}
        for request in self:
            fp = request.focal_point_id
            if request.state in OPEN_STATES and (fp, request.group_id) in leaving:
                successor = request.group_id.focal_point_ids.filtered(
                    lambda p, g=request.group_id: (p, g) not in leaving
                )[:1]
                handed.setdefault(successor, self.browse())
                handed[successor] |= request
                bodies[request.id] = self._handover_note(fp, successor)
        for successor, requests in handed.items():
            requests.write({"focal_point_id": successor.id})
        self.browse(bodies)._message_log_batch(bodies=bodies)
        # A closed request keeps its focal point (history), not as follower;
        # the counterpart and the owner keep following whatever else they are.
        no_longer_following = self.grouped(
            lambda r: (
                r.message_partner_ids.filtered(lambda p: (p, r.group_id) in leaving)
                - r.counterpart_id
                - r.user_id.partner_id
            )
        )
        for gone, requests in no_longer_following.items():
            if gone:
                requests.message_unsubscribe(partner_ids=gone.ids)

    @api.model
    def _handover_note(self, former, successor):
        if successor:
            return self.env._(
                "The focal point role of %(old)s ended: the request goes to %(new)s.",
                old=former.name,
                new=successor.name,
            )
        return self.env._(
            "The focal point role of %(old)s ended: the request waits "
            "for the group's next focal point.",
            old=former.name,
        )

    # ---- Actions ----

    def action_start(self):
        self.filtered(lambda r: r.state == "new").write({"state": "in_progress"})
        return True

    def action_answer(self):
        """Answering stops the response clock; the time to answer is kept."""
        todo = self.filtered(lambda r: r.state in OPEN_STATES)
        todo.filtered(lambda r: not r.date_answered).write(
            {"date_answered": fields.Datetime.now()}
        )
        todo.write({"state": "answered"})
        todo._close_followups()
        return True

    def action_close(self):
        todo = self.filtered(lambda r: r.state not in ("closed", "cancelled"))
        todo.filtered(lambda r: not r.date_answered).write(
            {"date_answered": fields.Datetime.now()}
        )
        todo.write({"state": "closed"})
        todo._close_followups()
        return True

    def action_cancel(self):
        todo = self.filtered(lambda r: r.state in OPEN_STATES)
        todo.write({"state": "cancelled"})
        todo._close_followups()
        return True

    def _close_followups(self):
        """The work is done: so is its follow-up activity."""
        self.sudo().activity_feedback(
            ["excfp_odoo.mail_activity_type_liaison_followup"],
            feedback=self.env._("The request was answered or closed."),
        )

    def action_reopen(self):
        self.filtered(lambda r: r.state in ("answered", "cancelled")).write(
            {"state": "in_progress"}
        )
        return True

    # ---- Mail gateway ----

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        """An email to a group's alias: a new inbound request of that group,
        from the sender, found or created as a partner."""
        values = dict(custom_values or {})
        author = self.env["res.partner"].browse(msg_dict.get("author_id") or [])
        if not author and msg_dict.get("email_from"):
            author = self.env["res.partner"]._find_or_create_from_emails(
                [msg_dict["email_from"]]
            )[0]
            msg_dict["author_id"] = author.id
        values.setdefault("name", msg_dict.get("subject") or self.env._("No Subject"))
        values.setdefault("direction", "inbound")
        values.setdefault("counterpart_id", author.id)
        # The clock starts when the email arrives, not at its (sender-set) Date.
        request = super(
            ExcfpLiaison, self.with_context(excfp_from_gateway=True)
        ).message_new(msg_dict, custom_values=values)
        if not request.group_id:
            request._route_by_text(
                "\n".join(
                    (
                        msg_dict.get("subject") or "",
                        html2plaintext(msg_dict.get("body") or ""),
                    )
                )
            )
        if (
            not request.group_id
            and author
            and not self.env.context.get("mail_gateway_auto_submitted")
            and not request._sender_told_recently()
        ):
            request._notify_unrouted()
        # The gateway posts the email on the record returned: the message that
        # opens a request is never its answer, whoever wrote it.
        return request.with_context(excfp_liaison_opening=True)

    # ---- Routing by text ----

    def _routing_text(self):
        """What a request says: its subject, description and first message."""
        self.ensure_one()
        first = self.message_ids.filtered(lambda m: m.message_type != "notification")
        return "\n".join(
            (
                self.name or "",
                html2plaintext(self.description or ""),
                html2plaintext(first[-1:].body or ""),
            )
        )

    def _route_by_text(self, text=None):
        """Suggest a group for requests that came with none, from their text;
        route a confident match at once, noted in the thread. One text search
        a request (they come one at a time). Returns the routed requests."""
        Routing = self.env["excfp.liaison.routing"]
        routed = self.browse()
        for request in self.filtered(lambda r: not r.group_id):
            ranked = Routing._ranked_groups(
                text if text is not None else request._routing_text(),
                request.counterpart_id.lang,
            )
            if not ranked:
                continue
            confident = Routing._confident(ranked)
            request.suggested_group_id = ranked[0][0]
            if confident:
                request.group_id = confident
                request._message_log(
                    body=self.env._(
                        "Routed to %(group)s from its text (a clear match with the "
                        "group's taxa, name or scope).",
                        group=confident.name,
                    )
                )
                routed |= request
        return routed

    def action_suggest_group(self):
        self._route_by_text()
        return True

    def action_route_suggested(self):
        """Route to the suggested group: one click for the secretariat."""
        for request in self.filtered(lambda r: not r.group_id and r.suggested_group_id):
            request.group_id = request.suggested_group_id
        return True

    @api.model
    def _detect_loop_sender_domain(self, email_from_normalized):
        """Core's loop detection counts the requests a sender opened lately
        (``mail.gateway.loop.minutes`` and ``.threshold``); it needs to know
        where a request keeps its sender's email."""
        return [("counterpart_id.email_normalized", "=", email_from_normalized)]

    def _sender_told_recently(self):
        """One "waiting to be routed" notice per sender within core's loop
        window: a flood of emails gets one answer, not one each."""
        self.ensure_one()
        minutes = int(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("mail.gateway.loop.minutes", 120)
        )
        return bool(
            self.search_count(
                [
                    ("counterpart_id", "=", self.counterpart_id.id),
                    ("group_id", "=", False),
                    ("id", "!=", self.id),
                    (
                        "create_date",
                        ">=",
                        self.env.cr.now() - timedelta(minutes=minutes),
                    ),
                ],
                limit=1,
            )
        )

    def _notify_unrouted(self):
        """Tell the sender, in the request's own thread, that no group could be
        found and that the secretariat routes the request by hand."""
        template = self.env.ref("excfp_odoo.mail_template_liaison_unrouted")
        self.with_context(
            mail_notify_force_send=False, excfp_liaison_notice=True
        ).message_post_with_source(
            template, message_type="comment", subtype_xmlid="mail.mt_comment"
        )

    def _message_post_after_hook(self, message, msg_vals):
        """The other side's first message answers an open request: for an
        inbound request, a reply by the secretariat (an internal user), in the
        back office or by an email our mail server vouches for; for an
        outbound one, the counterpart's reply. The focal point's replies may
        be holding replies: they answer with "Mark as answered"."""
        res = super()._message_post_after_hook(message, msg_vals)
        context = self.env.context
        if (
            self.state in OPEN_STATES
            and message.message_type in ("comment", "email")
            and message.subtype_id == self.env.ref("mail.mt_comment")
            and message.author_id
            and not context.get("excfp_liaison_notice")
            and not context.get("mail_gateway_auto_submitted")
            and not context.get("excfp_liaison_opening")
        ):
            author = message.author_id
            if self.direction == "inbound":
                # Nothing in an email's From is proven: only the logged-in
                # author, or our mail server's word, speaks for the group.
                proven = (
                    bool(context.get("excfp_sender_authenticated"))
                    if message.message_type == "email"
                    else author == self.env.user.partner_id
                )
                answered = proven and any(not user.share for user in author.user_ids)
            else:
                answered = bool(self.counterpart_id) and (
                    author.commercial_partner_id
                    == self.counterpart_id.commercial_partner_id
                )
            if answered:
                self.sudo().action_answer()
        return res

    def _mail_get_partner_fields(self, introspect_fields=False):
        return ["counterpart_id"]

    @api.model
    def _get_thread_with_access(self, thread_id, mode="read", **kwargs):
        """Only the user's own rights open a request's thread: portal.mixin's
        access token (or a signed partner id) would let whoever holds it read
        and post, as the counterpart, from outside the focal point's page."""
        for key in ("token", "hash", "pid"):
            kwargs.pop(key, None)
        return super()._get_thread_with_access(thread_id, mode, **kwargs)

    def _notify_get_recipients_groups(self, message, model_description, msg_vals=None):
        """The counterpart answers by email: portal.mixin would give them a
        tokenised link to the focal point's request page, which is not theirs
        to see (nor to "mark answered"). Focal points with a portal user keep
        their own "View" link, without a token."""
        groups = super()._notify_get_recipients_groups(
            message, model_description, msg_vals=msg_vals
        )
        return [group for group in groups if group[0] != "portal_customer"]

    # ---- Tools ----

    @api.model
    def _response_target_days(self):
        return get_days(self.env, "excfp_odoo.liaison_response_days")

    # ---- Scheduled actions ----

    @api.model
    def _cron_follow_up_overdue(self):
        """Give each overdue request a follow-up activity for its owner, once.

        Idempotent and resumable: requests that already have an open follow-up
        are left out, so a second run, or a run after a crash, does no more.
        """
        activity_type = self.env.ref("excfp_odoo.mail_activity_type_liaison_followup")
        today_start = datetime.combine(fields.Date.context_today(self), time.min)
        # one marked done today counts too: at most one follow-up a day
        domain = [
            ("is_overdue", "=", True),
            *without_followup(activity_type, today_start),
        ]
        owner = default_owner(self.env)
        today = fields.Date.context_today(self)
        schedule_followups(
            self,
            domain,
            activity_type,
            lambda requests: (
                (batch, user or owner, today)
                for user, batch in requests.grouped("user_id").items()
            ),
        )
