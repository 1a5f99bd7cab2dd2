# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date
from odoo.tools.sql import create_index

from ..const import CHAIR_TYPES, END_REASONS, ROLE_TYPES
from ..utils import (
    default_owner,
    get_days,
    portal_invite_enabled,
    responsible_user,
    schedule_followups,
    without_followup,
)

STATE_TRANSITIONS = {
    ("nominated", "active"),
    ("nominated", "ended"),
    ("active", "ended"),
}
FIXED_ONCE_ACTIVE = ("partner_id", "group_id", "term_id", "role_type")


class ExcfpRole(models.Model):
    """One person's role in one SSC group for one term. Roles are history:
    they are ended or archived, not deleted."""

    _name = "excfp.role"
    _description = "SSC Role"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    # Newest term first ("term_id desc" would reverse the term's own order and
    # open on the oldest term), then group and person by stored sort keys: an
    # index serves the order, with no join to groups and partners per page.
    _order = "term_start desc, group_sort, role_type, person_name, id"

    def _default_term_id(self):
        return self.env["excfp.term"]._get_current()

    partner_id = fields.Many2one(
        "res.partner",
        string="Person",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    group_id = fields.Many2one(
        "excfp.specialist.group",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    group_type = fields.Selection(related="group_id.group_type", store=True)
    role_type = fields.Selection(
        ROLE_TYPES, string="Role", required=True, default="member", tracking=True
    )
    term_id = fields.Many2one(
        "excfp.term",
        required=True,
        index=True,
        default=lambda self: self._default_term_id(),
        ondelete="restrict",
        tracking=True,
    )
    group_sort = fields.Char(compute="_compute_group_sort", store=True)
    term_start = fields.Date(
        related="term_id.date_start", string="Term Start", store=True, index=True
    )
    date_start = fields.Date(string="Start Date", tracking=True)
    date_end = fields.Date(string="End Date", tracking=True)
    state = fields.Selection(
        [
            ("nominated", "Nominated"),
            ("active", "Active"),
            ("ended", "Ended"),
        ],
        string="Status",
        required=True,
        default="nominated",
        index=True,
        tracking=True,
    )
    end_reason = fields.Selection(END_REASONS, tracking=True, copy=False)
    reappointment_id = fields.Many2one(
        "excfp.reappointment",
        index="btree_not_null",
        readonly=True,
        copy=False,
        ondelete="set null",
        help="The proposal of the turnover this role comes from.",
    )
    active = fields.Boolean(default=True, tracking=True)
    # The secretariat's own: people read their roles (portal, JSON-RPC), not this.
    notes = fields.Text(groups="excfp_odoo.group_excfp_user")
    has_chair_conflict = fields.Boolean(
        string="Chair Conflict",
        compute="_compute_has_chair_conflict",
        store=True,
        help="This person is both the active focal point and an active Chair or "
        "Co-Chair of the group, which the Terms of Reference strongly discourage.",
    )
    # Partner facts a secretariat sorts, filters and groups roles by, stored:
    # the list then reads no partner at all (a partner row is sixty columns).
    # People by their own name, the organisation in a column of its own (a
    # contact's display name is "Organisation, Person").
    person_name = fields.Char(
        related="partner_id.name", string="Person Name", store=True
    )
    organisation_id = fields.Many2one(
        related="partner_id.parent_id", string="Organisation", store=True
    )
    cpsg_status = fields.Selection(related="partner_id.cpsg_status", store=True)
    email = fields.Char(related="partner_id.email")
    country_id = fields.Many2one(related="partner_id.country_id", store=True)

    _sql_constraints = [
        # A partial exclusion constraint rather than a Python check alone: two
        # concurrent activations must not both commit.
        (
            "one_active_focal_point",
            "EXCLUDE (group_id WITH =) WHERE (role_type = 'focal_point' AND state = 'active')",
            "A group can have only one active Ex situ Focal Point.",
        ),
    ]

    @api.depends(
        "state",
        "role_type",
        "partner_id",
        "group_id.role_ids.state",
        "group_id.role_ids.role_type",
        "group_id.role_ids.partner_id",
    )
    def _compute_has_chair_conflict(self):
        key_roles = self.group_id._key_roles()
        for role in self:
            conflict = False
            if role.state == "active" and role.role_type in CHAIR_TYPES + (
                "focal_point",
            ):
                held = {
                    r.role_type
                    for r in key_roles.get(role.group_id, [])
                    if r.state == "active" and r.partner_id == role.partner_id
                }
                conflict = "focal_point" in held and bool(held & set(CHAIR_TYPES))
            role.has_chair_conflict = conflict

    @api.depends("group_id.name")
    def _compute_group_sort(self):
        # One read of the groups' names in the reference language, for all.
        names = {g.id: g.name for g in self.group_id.with_context(lang="en_US")}
        for role in self:
            role.group_sort = names.get(role.group_id.id)

    def init(self):
        # Holds the whole sort key and the id: a page of archived-excluded
        # roles is found by an index-only scan (see search_fetch).
        create_index(
            self.env.cr,
            "excfp_role_list_order_index",
            self._table,
            ["term_start DESC", "group_sort", "role_type", "person_name", "id"],
            where="active",
        )
        # The few roles that decide a group's status (its chairs and focal
        # points), read for a page of groups: not every member's role.
        create_index(
            self.env.cr,
            "excfp_role_key_roles_index",
            self._table,
            ["group_id", "state"],
            where="role_type IN ('focal_point', 'chair', 'co_chair')",
        )

    @api.model
    def search_fetch(self, domain, field_names, offset=0, limit=None, order=None):
        if offset and field_names:
            # A page further down: one query selecting whole rows sorts every
            # role with its columns (a sort on disk at the SSC's size); the ids
            # alone come from the list's index, then the page's rows are read.
            records = super().search_fetch(domain, [], offset, limit, order)
            records.fetch(field_names)
            return records
        return super().search_fetch(domain, field_names, offset, limit, order)

    @api.depends("partner_id.name", "role_type", "group_id.name", "term_id.name")
    def _compute_display_name(self):
        labels = dict(self._fields["role_type"]._description_selection(self.env))
        for role in self:
            role.display_name = self.env._(
                "%(person)s, %(role)s, %(group)s (%(term)s)",
                person=role.partner_id.name or "",
                role=labels.get(role.role_type, ""),
                group=role.group_id.name or "",
                term=role.term_id.name or "",
            )

    # ---- Constraints ----

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for role in self:
            if role.date_start and role.date_end and role.date_end < role.date_start:
                raise ValidationError(
                    self.env._(
                        "The role of %(person)s cannot end (%(end)s) before it starts "
                        "(%(start)s).",
                        person=role.partner_id.name,
                        end=role.date_end,
                        start=role.date_start,
                    )
                )

    def _check_focal_point_vacancy(self, candidates):
        """Refuse a second active focal point in a group, naming the first one.

        Checked before writing, so that users get this message rather than the
        database's; the exclusion constraint still stops concurrent activations.

        :param candidates: list of (group id, role id or False) that are about
            to become active focal points
        """
        if not candidates:
            return
        Group = self.env["excfp.specialist.group"]
        seen = set()
        for group_id, _role_id in candidates:
            if group_id in seen:
                raise ValidationError(
                    self.env._(
                        "%(group)s can have only one active Ex situ Focal Point.",
                        group=Group.browse(group_id).name,
                    )
                )
            seen.add(group_id)
        others = self.search(
            [
                ("group_id", "in", list(seen)),
                ("role_type", "=", "focal_point"),
                ("state", "=", "active"),
                ("id", "not in", [role_id for _g, role_id in candidates if role_id]),
            ],
            limit=1,
        )
        if others:
            raise ValidationError(
                self.env._(
                    "%(group)s already has an active Ex situ Focal Point, "
                    "%(person)s. End that role before activating another one.",
                    group=others.group_id.name,
                    person=others.partner_id.name,
                )
            )

    # ---- CRUD ----

    @api.model_create_multi
    def create(self, vals_list):
        # Resolve the default term once for a whole import, not once per row.
        if any(not vals.get("term_id") for vals in vals_list):
            current_term_id = self._default_term_id().id
            for vals in vals_list:
                vals.setdefault("term_id", current_term_id)
        self._check_focal_point_vacancy(
            [
                (vals.get("group_id"), False)
                for vals in vals_list
                if vals.get("role_type") == "focal_point"
                and vals.get("state") == "active"
            ]
        )
        roles = super().create(vals_list)
        roles._end_expired()
        roles.filtered(lambda r: r.state == "active")._on_activated()
        return roles

    def write(self, vals):
        self._check_write_allowed(vals)
        if "active" in vals and not vals["active"]:
            # Archiving takes the role out of use: it must not keep counting.
            archived_active = self.filtered(lambda r: r.state == "active")
            archived_active._end(vals.get("date_end"))
            if archived_active:
                vals = {key: value for key, value in vals.items() if key != "date_end"}
        activating = self.browse()
        if vals.get("state") == "active":
            activating = self.filtered(lambda r: r.state == "nominated")
            self._check_focal_point_vacancy(
                [
                    (vals.get("group_id", role.group_id.id), role.id)
                    for role in activating
                    if vals.get("role_type", role.role_type) == "focal_point"
                ]
            )
        res = super().write(vals)
        if {"state", "date_end"} & vals.keys():
            self._end_expired()
        activating._on_activated()
        if "state" in vals:
            ended = self.filtered(lambda r: r.state == "ended")
            ended.sudo().activity_feedback(
                ["excfp_odoo.mail_activity_type_reappointment_review"],
                feedback=self.env._("The role has ended."),
            )
            ended._hand_over_liaisons()
        return res

    def _check_write_allowed(self, vals):
        """Roles are history: states only move forward, and once a role has
        been active its person, group, role and term are what they were."""
        if "state" in vals:
            backwards = self.filtered(
                lambda r: (
                    r.state != vals["state"]
                    and (r.state, vals["state"]) not in STATE_TRANSITIONS
                )
            )
            if backwards:
                raise UserError(
                    self.env._(
                        "The role %(role)s cannot go back from %(state)s. Roles are "
                        "history: create a new role instead.",
                        role=backwards[0].display_name,
                        state=dict(
                            self._fields["state"]._description_selection(self.env)
                        )[backwards[0].state],
                    )
                )
        fixed = [fname for fname in FIXED_ONCE_ACTIVE if fname in vals]
        if not fixed:
            return
        for role in self.filtered(lambda r: r.state != "nominated"):
            for fname in fixed:
                field = self._fields[fname]
                if field.convert_to_write(role[fname], role) != vals[fname]:
                    raise UserError(
                        self.env._(
                            "The %(field)s of %(role)s cannot change once the role "
                            "has been active. End it and create a new role instead.",
                            field=field._description_string(self.env),
                            role=role.display_name,
                        )
                    )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_history(self):
        if any(role.state != "nominated" for role in self):
            raise UserError(
                self.env._(
                    "Roles that were active are part of the network's history and "
                    "cannot be deleted. End or archive them instead."
                )
            )

    # ---- Actions ----

    def action_activate(self):
        if any(role.state == "ended" for role in self):
            raise UserError(
                self.env._(
                    "An ended role stays in the history. Create a new role to give "
                    "this person the role again."
                )
            )
        today = fields.Date.context_today(self)
        nominated = self.filtered(lambda r: r.state == "nominated")
        for role in nominated:
            if role.term_id.date_end < today:
                raise UserError(
                    self.env._(
                        "The term %(term)s has ended: record a role of a past term as "
                        "ended, with its dates, rather than activating it.",
                        term=role.term_id.name,
                    )
                )
            if role.term_id.date_start > today:
                raise UserError(
                    self.env._(
                        "The term %(term)s starts on %(date)s: the role stays nominated "
                        "until then.",
                        term=role.term_id.name,
                        date=role.term_id.date_start,
                    )
                )
        before = nominated._activation_state()
        nominated.filtered(lambda r: not r.date_start).write({"date_start": today})
        for term in nominated.term_id:
            nominated.filtered(
                lambda r, t=term: r.term_id == t and not r.date_end
            ).write({"date_end": term.date_end})
        nominated.write({"state": "active"})
        return nominated._activation_notification(before)

    def _activation_state(self):
        """What activation may change for focal points, read before it: CPSG
        status, portal user, and whether they were onboarded already."""
        partners = self.filtered(lambda r: r.role_type == "focal_point").partner_id
        onboarded = self.search(
            [
                ("partner_id", "in", partners.ids),
                ("role_type", "=", "focal_point"),
                ("state", "in", ("active", "ended")),
            ]
        ).partner_id
        with_user = self._partners_with_user(partners, active_test=False)
        return {
            partner: (partner.cpsg_status, partner in with_user, partner in onboarded)
            for partner in partners
        }

    def _activation_notification(self, before):
        """Tell the user what the activation set off (invitations queued,
        onboarding started) and what it could not do, rather than nothing."""
        done, problems = self._activation_report(before)
        done.insert(
            0, self.env._("Active: %s.", ", ".join(self.mapped("display_name")))
        )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "warning" if problems else "success",
                "sticky": bool(problems),
                "message": " ".join(done + problems),
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    def _activation_report(self, before):
        """What was done and what could not be, per person: ``before`` gives
        each one's (CPSG status, had a user, onboarded) before activating."""
        env = self.env
        done, problems = [], []
        plan = env.ref(
            "excfp_odoo.mail_activity_plan_focal_point_onboarding",
            raise_if_not_found=False,
        )
        with_user = self._partners_with_user(self.env["res.partner"].union(*before))
        for partner, (status, had_user, onboarded) in before.items():
            name = partner.name
            if partner.cpsg_status == "invited" and status != "invited":
                if partner.email:
                    done.append(env._("CPSG invitation queued for %s.", name))
                else:
                    problems.append(
                        env._(
                            "%s has no email: no CPSG invitation could be sent.", name
                        )
                    )
            if not had_user and portal_invite_enabled(env):
                if partner in with_user:
                    done.append(env._("Portal invitation queued for %s.", name))
                else:
                    problems.append(
                        env._(
                            "%s could not be invited to the portal: the contact's "
                            "chatter says why.",
                            name,
                        )
                    )
            if not onboarded and plan and plan.active and plan.template_ids:
                done.append(env._("Onboarding plan started for %s.", name))
        return done, problems

    def action_end(self):
        self.filtered(lambda r: r.state != "ended")._end()
        return True

    # ---- Business ----

    @api.model
    def _focal_point_domain(self):
        """Focal point roles that give a person the focal point's part: the
        portal pages, the group's requests (record rules say the same)."""
        return [
            ("role_type", "=", "focal_point"),
            ("state", "in", ("active", "nominated")),
        ]

    @api.model
    def _focal_point_roles_of(self, partner):
        """``partner``'s active or nominated focal point roles: they open the
        focal point's pages of the portal (governance, profile, requests)."""
        partner.ensure_one()
        return self.sudo().search(
            [("partner_id", "=", partner.id), *self._focal_point_domain()]
        )

    def _is_open(self):
        """Active, or nominated for a term that has not ended (a nomination
        of an ended term has lapsed)."""
        self.ensure_one()
        today = fields.Date.context_today(self)
        return self.state == "active" or (
            self.state == "nominated" and self.term_id.date_end >= today
        )

    def _is_active_focal_point(self):
        self.ensure_one()
        return self.role_type == "focal_point" and self.state == "active"

    def _end(self, date_end=None):
        today = fields.Date.context_today(self)
        by_end = {}
        for role in self:
            end = fields.Date.to_date(date_end) or role.date_end
            if not end or end > today:
                end = today
            if role.date_start and end < role.date_start:
                end = role.date_start
            by_end.setdefault(end, []).append(role.id)
        for end, ids in by_end.items():
            self.browse(ids).write({"state": "ended", "date_end": end})

    def _end_expired(self):
        """Active roles whose end date has passed are history."""
        today = fields.Date.context_today(self)
        expired = self.filtered(
            lambda r: r.state == "active" and r.date_end and r.date_end < today
        )
        if expired:
            expired.write({"state": "ended"})

    @api.model
    def _end_past(self, domain=()):
        """Active roles past their end date end; those without one end with
        their term (an import may leave the dates empty)."""
        today = fields.Date.context_today(self)
        self.search(
            [*domain, ("state", "=", "active"), ("date_end", "<", today)]
        )._end_expired()
        self.search(
            [
                *domain,
                ("state", "=", "active"),
                ("date_end", "=", False),
                ("term_id.date_end", "<", today),
            ]
        )._end_with_their_term()

    def _end_with_their_term(self):
        """End these roles on their term's last day."""
        for term, roles in self.grouped("term_id").items():
            roles._end(term.date_end)

    @api.model
    def _cron_end_expired_roles(self):
        today = fields.Date.context_today(self)
        self._end_past()
        # A nomination that never became active lapses with its term.
        self.search(
            [("state", "=", "nominated"), ("term_id.date_end", "<", today)]
        )._end_with_their_term()

    @api.model
    def _cron_reappointment_reviews(self):
        """Every active role whose term ends within the notice period gets one
        reappointment review activity (idempotent: open or done ones count)."""
        today = fields.Date.context_today(self)
        notice = get_days(self.env, "excfp_odoo.reappointment_notice_days")
        activity_type = self.env.ref(
            "excfp_odoo.mail_activity_type_reappointment_review"
        )
        domain = [
            ("state", "=", "active"),
            ("term_id.date_end", ">=", today),
            ("term_id.date_end", "<=", fields.Date.add(today, days=notice)),
            *without_followup(activity_type, fields.Date.subtract(today, days=notice)),
        ]
        owner = default_owner(self.env)
        schedule_followups(
            self,
            domain,
            activity_type,
            lambda roles: (
                (batch, owner, term.date_end)
                for term, batch in roles.grouped("term_id").items()
            ),
        )

    @api.model
    def _partners_with_user(self, partners, active_test=True):
        """Those of ``partners`` who have a user, in one query."""
        users = (
            self.env["res.users"]
            .sudo()
            .with_context(active_test=active_test)
            .search([("partner_id", "in", partners.ids)])
        )
        return partners.browse(users.partner_id.ids)

    @api.model
    def _invite_to_portal(self, partners):
        """Invite new focal points to the portal with Odoo's own portal wizard
        (signup email), when the setting is on. People who already have a user,
        portal or internal, keep it; no email, or an email another user already
        has, is noted on the contact for the secretariat rather than failing
        the activation."""
        # Not while a module loads its data (demo focal points get no invitation).
        if not portal_invite_enabled(self.env) or self.env.context.get(
            "install_module"
        ):
            return
        notes = {}
        for partner in partners.filtered(
            lambda p: not p.with_context(active_test=False).user_ids
        ):
            if not partner.email:
                notes[partner.id] = self.env._(
                    "Not invited to the portal: the contact has no email."
                )
                continue
            wizard = (
                self.env["portal.wizard"]
                .sudo()
                .with_context(excfp_queue_mail=True)
                .create({"partner_ids": [Command.set(partner.ids)]})
            )
            try:
                with self.env.cr.savepoint():
                    wizard.user_ids.action_grant_access()
            except UserError as error:
                notes[partner.id] = self.env._(
                    "Not invited to the portal: %s", error.args[0]
                )
        if notes:
            partners.browse(notes)._message_log_batch(bodies=notes)

    @api.model
    def _launch_onboarding(self, partners):
        """Launch the editable "Focal point onboarding" plan on new focal points.

        Does what Odoo's plan wizard does, but one batch of activities per step
        for all partners instead of one per partner and step.
        """
        plan = self.env.ref(
            "excfp_odoo.mail_activity_plan_focal_point_onboarding",
            raise_if_not_found=False,
        )
        if not partners or not plan or not plan.active or not plan.template_ids:
            return
        on_demand = responsible_user(self.env)
        today = fields.Date.context_today(self)
        steps = [
            self._schedule_plan_step(partners, template, on_demand, today)
            for template in plan.template_ids
        ]
        body = Markup("%s<ul>%s</ul>") % (
            self.env._('The plan "%s" has been started', plan.name),
            Markup().join(Markup("<li>%s</li>") % step for step in steps),
        )
        partners._message_log_batch(bodies=dict.fromkeys(partners.ids, body))

    @api.model
    def _invite_to_cpsg(self, partners):
        """ToR s.3 b: a focal point who is not a CPSG member is invited at once
        and encouraged to take training."""
        if not partners:
            return
        today = fields.Date.context_today(self)
        partners.write({"cpsg_status": "invited", "cpsg_invitation_date": today})
        partners.filtered(lambda p: p.cpsg_training_state == "none").write(
            {"cpsg_training_state": "encouraged"}
        )
        template = self.env.ref("excfp_odoo.mail_template_cpsg_invitation")
        # Queued, not sent in the transaction: the mail queue delivers it.
        partners.with_context(mail_notify_force_send=False).message_post_with_source(
            template,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        # Generated work shows in the assignee's activities, without an email each.
        partners.with_context(mail_activity_quick_update=True).activity_schedule(
            "excfp_odoo.mail_activity_type_cpsg_followup",
            user_id=responsible_user(self.env).id,
        )

    @api.model
    def _schedule_plan_step(self, partners, template, on_demand, today):
        """One step of the plan for all ``partners`` in one batch; its
        description for the chatter."""
        responsible = (
            template.responsible_id
            if template.responsible_type == "other" and template.responsible_id
            else on_demand
        )
        deadline = template._get_date_deadline(today)
        partners.with_context(mail_activity_quick_update=True).activity_schedule(
            activity_type_id=template.activity_type_id.id,
            summary=template.summary,
            note=template.note,
            user_id=responsible.id,
            date_deadline=deadline,
        )
        return self.env._(
            "%(activity)s, assigned to %(name)s, due on %(deadline)s",
            activity=template.summary or template.activity_type_id.name,
            name=responsible.name,
            deadline=format_date(self.env, deadline),
        )

    @api.model
    def _onboarding_checklist(self, partner, documents=None, outstanding=None):
        """What the Terms of Reference ask of a new focal point, each step
        with whether ``partner`` has done it and where on the portal it is
        done. ``documents`` and ``outstanding``: the governance documents'
        _required_for(partner), when the caller has them already."""
        partner.ensure_one()
        if documents is None:
            documents, outstanding = self.env[
                "excfp.governance.document"
            ]._required_for(partner)
        return [
            {
                "name": self.env._("Answer the invitation to join CPSG"),
                "done": partner.cpsg_status in ("member", "declined"),
                "url": "/my/ssc/profile#cpsg",
            },
            {
                "name": self.env._("Take the CPSG training"),
                "done": partner.cpsg_training_state == "completed",
                "url": "/my/ssc/profile#training",
            },
            {
                "name": self.env._(
                    "Acknowledge the governance documents (%(done)s of %(total)s)",
                    done=len(documents) - len(outstanding),
                    total=len(documents),
                ),
                "done": not outstanding,
                "url": "/my/ssc/governance",
            },
            {
                "name": self.env._("Complete your ex situ profile"),
                "done": self.env["excfp.portal.profile"]._is_complete(partner),
                "url": "/my/ssc/profile",
            },
        ]

    def _on_activated(self):
        """Apply the Terms of Reference to roles that just became active."""
        focal_points = self.filtered(
            lambda r: (
                r.role_type == "focal_point"
                and r.state == "active"
                and r.term_id.is_current
            )
        )
        if not focal_points:
            return
        focal_points._ensure_group_membership()
        invited = focal_points.partner_id.filtered(
            lambda p: p.cpsg_status == "not_member"
        )
        self._invite_to_cpsg(invited)
        # Onboarding is once per person: not again for a second group or term.
        onboarded = self.search(
            [
                ("partner_id", "in", focal_points.partner_id.ids),
                ("role_type", "=", "focal_point"),
                ("state", "in", ("active", "ended")),
                ("id", "not in", focal_points.ids),
            ]
        ).partner_id
        self._launch_onboarding(focal_points.partner_id - onboarded)
        self._invite_to_portal(focal_points.partner_id)
        focal_points._reassign_open_liaisons()
        focal_points._log_new_focal_points(invited)

    def _log_new_focal_points(self, invited):
        """One note per group, logged in one batch (the caller may write
        roles)."""
        bodies = {}
        for role in self:
            body = self.env._(
                "%(person)s is now the Ex situ Focal Point (%(term)s).",
                person=role.partner_id.name,
                term=role.term_id.name,
            )
            if role.partner_id in invited:
                body += " " + self.env._(
                    "A CPSG invitation was sent and training encouraged."
                )
            bodies[role.group_id.id] = body
        self.group_id._message_log_batch(bodies=bodies)

    def _reassign_open_liaisons(self):
        """Open requests of the groups go to their new focal points."""
        Liaison = self.env["excfp.liaison"].sudo()
        open_requests = Liaison.search(
            [
                ("group_id", "in", self.group_id.ids),
                ("state", "in", ("new", "in_progress")),
            ]
        )
        for role in self:
            open_requests.filtered(
                lambda r, role=role: (
                    r.group_id == role.group_id and r.focal_point_id != role.partner_id
                )
            ).write({"focal_point_id": role.partner_id.id})

    def _hand_over_liaisons(self):
        """Access follows the role: when a focal point role ends, the group's
        open requests go to its active focal point, or wait without one for
        the secretariat, and the former focal point stops following the
        group's requests. Closed requests keep their focal point: history."""
        ended = self.filtered(lambda r: r.role_type == "focal_point")
        if not ended:
            return
        leaving = ended._leaving_focal_points()
        if not leaving:
            return
        groups = self.env["excfp.specialist.group"].union(*(g for _p, g in leaving))
        partners = self.env["res.partner"].union(*(p for p, _g in leaving))
        requests = (
            self.env["excfp.liaison"]
            .sudo()
            .search(
                [
                    ("group_id", "in", groups.ids),
                    "|",
                    ("focal_point_id", "in", partners.ids),
                    ("message_partner_ids", "in", partners.ids),
                ]
            )
        )
        requests._release_focal_points(leaving)

    def _leaving_focal_points(self):
        """(person, group) of these ended roles who hold no other focal point
        role in the group: one still (or again) focal point keeps it all."""
        held = {
            (role.partner_id, role.group_id)
            for role in self.search(
                [
                    ("group_id", "in", self.group_id.ids),
                    ("partner_id", "in", self.partner_id.ids),
                    *self._focal_point_domain(),
                ]
            )
        }
        return {
            (role.partner_id, role.group_id)
            for role in self
            if (role.partner_id, role.group_id) not in held
        }

    def _ensure_group_membership(self):
        """ToR s.2: the focal point is a member of the group."""
        other_roles = self.search(
            [
                ("group_id", "in", self.group_id.ids),
                ("partner_id", "in", self.partner_id.ids),
                ("state", "=", "active"),
                ("id", "not in", self.ids),
            ]
        )
        held = {(r.partner_id.id, r.group_id.id) for r in other_roles}
        vals_list = []
        for role in self:
            key = (role.partner_id.id, role.group_id.id)
            if key in held:
                continue
            held.add(key)
            vals_list.append(
                {
                    "partner_id": role.partner_id.id,
                    "group_id": role.group_id.id,
                    "term_id": role.term_id.id,
                    "role_type": "member",
                    "state": "active",
                    "date_start": role.date_start,
                    "date_end": role.date_end,
                }
            )
        if vals_list:
            # Generated records: the focal point role's own chatter tells the story.
            self.with_context(
                mail_create_nolog=True, mail_create_nosubscribe=True
            ).create(vals_list)
