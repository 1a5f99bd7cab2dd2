# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import email_normalize

from ..const import CHAIR_TYPES, CRON_BATCH_SIZE, ROLE_TYPES
from ..utils import default_owner, schedule_followups, without_followup

# The secretariat is reminded of the groups still to decide this long before
# the new term starts.
REMINDER_DAYS = 14
REAPPOINTMENT_STATES = [
    ("proposed", "Proposed"),
    ("confirmed", "Kept"),
    ("declined", "Not kept"),
    ("applied", "Appointed"),
]
# What a Chair decides on the portal: the group's members and focal point.
# Chairs and Co-Chairs are appointed by the SSC Chair, through the secretariat.
CHAIR_DECIDES = ("focal_point", "member", "red_list_coordinator", "programme_officer")


class ExcfpReappointment(models.Model):
    """Whether one person keeps one role of a group in the next term: proposed
    for every active role of the current term, kept or not by the group's
    Chair (or the secretariat), then applied as a role of the new term. A
    Chair may also propose a new focal point (no current role). Proposals are
    the turnover's history: decided, applied, never deleted."""

    _name = "excfp.reappointment"
    _description = "Reappointment Proposal"
    _inherit = ["mail.thread"]
    _order = "term_start desc, group_sort, role_type, person_name, id"
    _rec_name = "partner_id"

    role_id = fields.Many2one(
        "excfp.role",
        string="Current Role",
        index="btree_not_null",
        ondelete="restrict",
        readonly=True,
        help="The role of the current term this proposal would renew; empty for "
        "a new focal point proposed by the Chair.",
    )
    partner_id = fields.Many2one(
        "res.partner", string="Person", required=True, index=True, ondelete="restrict"
    )
    group_id = fields.Many2one(
        "excfp.specialist.group", required=True, index=True, ondelete="restrict"
    )
    group_type = fields.Selection(related="group_id.group_type", store=True)
    role_type = fields.Selection(ROLE_TYPES, string="Role", required=True)
    term_id = fields.Many2one(
        "excfp.term",
        string="New Term",
        required=True,
        index=True,
        ondelete="restrict",
    )
    term_start = fields.Date(related="term_id.date_start", store=True)
    state = fields.Selection(
        REAPPOINTMENT_STATES,
        string="Status",
        required=True,
        default="proposed",
        index=True,
        tracking=True,
    )
    decided_by_id = fields.Many2one("res.users", readonly=True, tracking=True)
    decision_date = fields.Date(readonly=True)
    # The secretariat's: Chairs read their groups' proposals, not this.
    note = fields.Text(tracking=True, groups="excfp_odoo.group_excfp_user")
    new_role_ids = fields.One2many(
        "excfp.role", "reappointment_id", string="Role in the New Term", readonly=True
    )
    is_new_proposal = fields.Boolean(
        string="Proposed by the Chair",
        compute="_compute_is_new_proposal",
        store=True,
    )
    chair_decides = fields.Boolean(
        compute="_compute_chair_decides",
        help="The group's Chair decides this one; Chairs and Co-Chairs are "
        "decided by the secretariat.",
    )
    # Sort keys stored, as on roles: a page of the list joins no table.
    group_sort = fields.Char(compute="_compute_group_sort", store=True)
    person_name = fields.Char(
        related="partner_id.name", string="Person Name", store=True
    )

    _sql_constraints = [
        (
            "one_per_role_and_term",
            "unique(partner_id, group_id, role_type, term_id)",
            "This person already has a proposal for this role of the group in "
            "this term.",
        ),
    ]

    @api.depends("group_id.name")
    def _compute_group_sort(self):
        # The groups' names in the reference language, as on roles.
        names = {g.id: g.name for g in self.group_id.with_context(lang="en_US")}
        for proposal in self:
            proposal.group_sort = names.get(proposal.group_id.id)

    @api.depends("role_id")
    def _compute_is_new_proposal(self):
        for proposal in self:
            proposal.is_new_proposal = not proposal.role_id

    @api.depends("role_type")
    def _compute_chair_decides(self):
        for proposal in self:
            proposal.chair_decides = proposal.role_type in CHAIR_DECIDES

    @api.depends("partner_id.name", "role_type", "group_id.name", "term_id.name")
    def _compute_display_name(self):
        labels = dict(self._fields["role_type"]._description_selection(self.env))
        for proposal in self:
            proposal.display_name = self.env._(
                "%(person)s, %(role)s, %(group)s (%(term)s)",
                person=proposal.partner_id.name or "",
                role=labels.get(proposal.role_type, ""),
                group=proposal.group_id.name or "",
                term=proposal.term_id.name or "",
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_decided(self):
        if any(proposal.state != "proposed" for proposal in self):
            raise UserError(
                self.env._(
                    "A decided or applied proposal is the turnover's history: it "
                    "cannot be deleted."
                )
            )

    # ---- Preparing the next term ----

    @api.model
    def _prepare(self, term, groups):
        """One proposal per active role of the current term in ``groups``,
        for ``term``; the ones already proposed are left as they are. Returns
        the new proposals."""
        current = self.env["excfp.term"]._get_current()
        if not current:
            raise UserError(self.env._("There is no current term to renew."))
        if term.date_start <= current.date_start:
            raise UserError(
                self.env._(
                    "The next term must start after the current term %(term)s.",
                    term=current.name,
                )
            )
        roles = self.env["excfp.role"].search_fetch(
            [
                ("term_id", "=", current.id),
                ("state", "=", "active"),
                ("group_id", "in", groups.ids),
            ],
            ["partner_id", "group_id", "role_type"],
        )
        proposed = {
            (p.partner_id.id, p.group_id.id, p.role_type)
            for p in self.search_fetch(
                [("term_id", "=", term.id), ("group_id", "in", groups.ids)],
                ["partner_id", "group_id", "role_type"],
            )
        }
        vals_list = []
        for role in roles:
            key = (role.partner_id.id, role.group_id.id, role.role_type)
            if key in proposed:
                continue
            proposed.add(key)
            vals_list.append(
                {
                    "role_id": role.id,
                    "partner_id": key[0],
                    "group_id": key[1],
                    "role_type": key[2],
                    "term_id": term.id,
                }
            )
        # Thousands at once: no creation message or follower each.
        return self.with_context(
            tracking_disable=True, mail_create_nolog=True, mail_create_nosubscribe=True
        ).create(vals_list)

    # ---- Deciding ----

    def _decide(self, state, user=None, note=None):
        """Keep (confirmed) or do not keep (declined) these proposals, as
        ``user`` (the current user by default). Keeping a focal point sets
        aside the group's other focal point proposals: one focal point a
        group."""
        if state not in ("confirmed", "declined", "proposed"):
            raise UserError(self.env._("Unknown decision."))
        applied = self.filtered(lambda p: p.state == "applied")
        if applied:
            raise UserError(
                self.env._(
                    "%(proposal)s is appointed already: end or change the new role "
                    "instead.",
                    proposal=applied[0].display_name,
                )
            )
        focal_points = self.filtered(lambda p: p.role_type == "focal_point")
        if state == "confirmed" and len(focal_points) > len(
            {(p.group_id, p.term_id) for p in focal_points}
        ):
            raise UserError(
                self.env._("A group keeps only one focal point for the next term.")
            )
        if state == "confirmed" and focal_points:
            focal_points._check_no_focal_point_appointed()
        user = user or self.env.user
        vals = {
            "state": state,
            "decided_by_id": user.id if state != "proposed" else False,
            "decision_date": fields.Date.context_today(self)
            if state != "proposed"
            else False,
        }
        if note is not None:
            vals["note"] = note
        self.write(vals)
        if state == "confirmed" and focal_points:
            focal_points._set_aside_other_focal_points(user)
        return True

    def _check_no_focal_point_appointed(self):
        """Once a group's focal point for the new term is appointed (applied),
        the Chair cannot keep another one: the secretariat changes roles."""
        appointed = self.search(
            [
                ("group_id", "in", self.group_id.ids),
                ("term_id", "in", self.term_id.ids),
                ("role_type", "=", "focal_point"),
                ("state", "=", "applied"),
                ("id", "not in", self.ids),
            ],
            limit=1,
        )
        if appointed:
            raise UserError(
                self.env._(
                    "%(person)s is appointed already as %(group)s's focal point for "
                    "%(term)s: write to the secretariat to change it.",
                    person=appointed.partner_id.name,
                    group=appointed.group_id.name,
                    term=appointed.term_id.name,
                )
            )

    def _set_aside_other_focal_points(self, user):
        keys = {(p.group_id.id, p.term_id.id) for p in self}
        others = self.search(
            [
                ("group_id", "in", self.group_id.ids),
                ("term_id", "in", self.term_id.ids),
                ("role_type", "=", "focal_point"),
                ("state", "in", ("proposed", "confirmed")),
                ("id", "not in", self.ids),
            ]
        ).filtered(lambda p: (p.group_id.id, p.term_id.id) in keys)
        others.write(
            {
                "state": "declined",
                "decided_by_id": user.id,
                "decision_date": fields.Date.context_today(self),
            }
        )

    def _keep_all(self, user=None):
        """Keep every undecided proposal of these: the decided ones stay as
        decided, and a group whose focal point is decided keeps it."""
        undecided = self.filtered(lambda p: p.state == "proposed")
        decided_fp = {
            (p.group_id, p.term_id)
            for p in self.search(
                [
                    ("group_id", "in", undecided.group_id.ids),
                    ("term_id", "in", undecided.term_id.ids),
                    ("role_type", "=", "focal_point"),
                    ("state", "in", ("confirmed", "applied")),
                ]
            )
        }
        seen = set()
        keep = self.browse()
        for proposal in undecided:
            key = (proposal.group_id, proposal.term_id)
            if proposal.role_type == "focal_point":
                if key in decided_fp or key in seen:
                    continue
                seen.add(key)
            keep |= proposal
        keep._decide("confirmed", user)
        return keep

    def action_keep(self):
        return self._decide("confirmed")

    def action_do_not_keep(self):
        return self._decide("declined")

    def action_reset(self):
        return self._decide("proposed")

    @api.model
    def _propose_focal_point(self, group, partner, term, user=None):
        """The Chair's new focal point for ``group`` in ``term``: kept at
        once; the group's other focal point proposals are set aside."""
        proposal = self.search(
            [
                ("partner_id", "=", partner.id),
                ("group_id", "=", group.id),
                ("role_type", "=", "focal_point"),
                ("term_id", "=", term.id),
            ]
        )
        if not proposal:
            proposal = self.with_context(mail_create_nosubscribe=True).create(
                {
                    "partner_id": partner.id,
                    "group_id": group.id,
                    "role_type": "focal_point",
                    "term_id": term.id,
                }
            )
        proposal._decide("confirmed", user)
        return proposal

    # ---- Applying ----

    def _apply(self, activate=False):
        """Kept proposals become roles of their new term: nominated, or
        active when ``activate`` (the term must have started). Declined and
        undecided ones create nothing. A role the person already has in the
        new term is linked, not duplicated. Returns the roles."""
        today = fields.Date.context_today(self)
        kept = self.filtered(lambda p: p.state == "confirmed")
        if activate and any(term.date_start > today for term in kept.term_id):
            raise UserError(
                self.env._(
                    "Roles of a term that has not started stay nominated: apply "
                    "without activating them, or wait for the term's first day."
                )
            )
        Role = self.env["excfp.role"]
        existing = {
            (r.partner_id.id, r.group_id.id, r.role_type, r.term_id.id): r
            for r in Role.search_fetch(
                [
                    ("term_id", "in", kept.term_id.ids),
                    ("group_id", "in", kept.group_id.ids),
                    ("partner_id", "in", kept.partner_id.ids),
                    ("state", "!=", "ended"),
                ],
                ["partner_id", "group_id", "role_type", "term_id"],
            )
        }
        vals_list = []
        for proposal in kept:
            key = (
                proposal.partner_id.id,
                proposal.group_id.id,
                proposal.role_type,
                proposal.term_id.id,
            )
            if key in existing:
                continue
            vals_list.append(
                {
                    "partner_id": key[0],
                    "group_id": key[1],
                    "role_type": key[2],
                    "term_id": key[3],
                    "reappointment_id": proposal.id,
                }
            )
        Role.with_context(mail_create_nolog=True, mail_create_nosubscribe=True).create(
            vals_list
        )
        # rare: the secretariat appointed some of them already
        by_key = {
            (p.partner_id.id, p.group_id.id, p.role_type, p.term_id.id): p for p in kept
        }
        for key, role in existing.items():
            if key in by_key and not role.reappointment_id:
                role.reappointment_id = by_key[key]
        kept.with_context(tracking_disable=True).write({"state": "applied"})
        if activate:
            self._activate(kept.new_role_ids)
        return kept.new_role_ids

    @api.model
    def _activate(self, roles):
        """Activate the nominated ``roles`` of a term that has started: the
        old term's roles in their groups end first, as on any day after the
        term; a group that has an active focal point keeps it (the new one
        waits, nominated, for the secretariat). Returns the waiting roles."""
        Role = self.env["excfp.role"]
        # One prefetch for them all: an x2many's records each come with
        # their own (one query a role otherwise).
        roles = Role.browse(roles.ids)
        Role._end_past([("group_id", "in", roles.group_id.ids)])
        nominated = roles.filtered(lambda r: r.state == "nominated")
        covered = set(
            Role.search(
                [
                    ("group_id", "in", nominated.group_id.ids),
                    ("role_type", "=", "focal_point"),
                    ("state", "=", "active"),
                ]
            ).group_id.ids
        )
        waiting = Role
        for role in nominated.filtered(lambda r: r.role_type == "focal_point"):
            if role.group_id.id in covered:
                waiting |= role
            covered.add(role.group_id.id)
        (nominated - waiting).action_activate()
        return waiting

    @api.model
    def _roles_to_activate(self, today):
        """Nominated roles from proposals whose term has started, but for a
        focal point whose group has one active: what the scheduled action
        activates."""
        return [
            ("reappointment_id", "!=", False),
            ("state", "=", "nominated"),
            ("term_id.date_start", "<=", today),
            ("term_id.date_end", ">=", today),
            "|",
            ("role_type", "!=", "focal_point"),
            (
                "group_id.role_ids",
                "not any",
                [
                    ("role_type", "=", "focal_point"),
                    ("state", "=", "active"),
                    "|",
                    ("date_end", ">=", today),
                    "&",
                    ("date_end", "=", False),
                    ("term_id.date_end", ">=", today),
                ],
            ),
        ]

    @api.model
    def _cron_apply(self):
        """On and after a term's first day, its kept proposals become roles
        and the roles from proposals become active, a batch a call
        (resumable: what is done is not found again); the cron is told what
        is left."""
        today = fields.Date.context_today(self)
        kept = [
            ("state", "=", "confirmed"),
            ("term_id.date_start", "<=", today),
            ("term_id.date_end", ">=", today),
        ]
        batch = self.search(kept, limit=CRON_BATCH_SIZE)
        batch._apply()
        Role = self.env["excfp.role"]
        to_activate = self._roles_to_activate(today)
        roles = Role.search(to_activate, limit=CRON_BATCH_SIZE)
        waiting = self._activate(roles)
        self.env["ir.cron"]._notify_progress(
            done=len(batch) + len(roles) - len(waiting),
            remaining=self.search_count(kept) + Role.search_count(to_activate),
        )
        return batch

    # ---- Chairs ----

    @api.model
    def _chair_proposals(self, partner):
        """The proposals ``partner`` decides now, as Chair: those of their
        groups for a term that has not started."""
        return self.search(
            [
                *self._chair_domain(partner),
                ("term_id.date_start", ">", fields.Date.context_today(self)),
            ]
        )

    def _portal_decide(self, user, decision):
        """A Chair's Keep (``keep``) or Do not keep (``drop``) on the
        portal: an error message, or None once done."""
        self.ensure_one()
        if decision not in ("keep", "drop"):
            return self.env._("Choose whether to keep this person.")
        if not self.chair_decides:
            return self.env._(
                "Chairs and Co-Chairs are appointed by the SSC Chair: the "
                "secretariat records this one."
            )
        if (
            self.state == "applied"
            or self.term_id.date_start <= fields.Date.context_today(self)
        ):
            return self.env._(
                "The term %(term)s has started: write to the secretariat to change "
                "its roles.",
                term=self.term_id.name,
            )
        try:
            self._decide("confirmed" if decision == "keep" else "declined", user)
        except UserError as error:
            return error.args[0]
        return None

    @api.model
    def _portal_propose_focal_point(self, user, group, term, form):
        """A Chair's new focal point for ``group``: one of the group's people
        (``partner_id``) or someone new (``name``, ``email``). Returns the
        proposal and the form's errors, by field."""
        errors = {}
        partner = self.env["res.partner"]
        people = (
            self.env["excfp.role"]
            .search(
                [("group_id", "=", group.id), ("state", "in", ("nominated", "active"))]
            )
            .partner_id
        )
        if form.get("partner_id"):
            partner = people.filtered(lambda p: p.id == form["partner_id"])
            if not partner:
                errors["partner_id"] = self.env._("Choose one of the group's people.")
        else:
            email = email_normalize(form.get("email") or "")
            if not form.get("name"):
                errors["name"] = self.env._("Give the new focal point's name.")
            if not email:
                errors["email"] = self.env._("Give a valid email address.")
            if len(form.get("name") or "") > 200:
                errors["name"] = self.env._("The name is too long.")
            if not errors:
                # someone of the SSC with that address, else a new contact as
                # typed: an address reveals no other contact's name
                partner = partner.search(
                    [
                        ("email_normalized", "=", email),
                        ("is_company", "=", False),
                        ("excfp_role_ids", "!=", False),
                    ],
                    limit=1,
                ) or partner.create({"name": form["name"], "email": email})
        if errors:
            return self.browse(), errors
        try:
            return self._propose_focal_point(group, partner, term, user), {}
        except UserError as error:
            return self.browse(), {"partner_id": error.args[0]}

    @api.model
    def _undecided_domain(self, term_ids):
        """What waits for the Chairs (their own proposals wait for the
        secretariat, not for them)."""
        return [
            ("term_id", "in", term_ids),
            ("state", "=", "proposed"),
            ("role_type", "in", CHAIR_DECIDES),
        ]

    @api.model
    def _undecided_groups(self, term, groups=None):
        domain = self._undecided_domain(term.ids)
        if groups is not None:
            domain.append(("group_id", "in", groups.ids))
        return self.env["excfp.specialist.group"].browse(
            [group.id for [group] in self._read_group(domain, ["group_id"])]
        )

    @api.model
    def _notify_chairs(self, groups):
        """Tell the Chairs of ``groups`` that their proposals wait for them
        (the editable template "Reappointments open"), one message a group
        in its chatter, sent to its active Chairs and Co-Chairs only."""
        groups = groups.filtered("chair_ids")
        if groups:
            groups.message_post_with_source(
                "excfp_odoo.mail_template_reappointment_open",
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )
        return groups

    @api.model
    def _cron_remind_secretariat(self):
        """Two weeks before a term starts, each group with undecided
        proposals for it gets one activity for the secretariat."""
        today = fields.Date.context_today(self)
        activity_type = self.env.ref(
            "excfp_odoo.mail_activity_type_reappointment_chairs"
        )
        terms = self.env["excfp.term"].search(
            [
                ("date_start", ">", today),
                ("date_start", "<=", fields.Date.add(today, days=REMINDER_DAYS)),
            ]
        )
        owner = default_owner(self.env)
        domain = [
            ("reappointment_ids", "any", self._undecided_domain(terms.ids)),
            *without_followup(
                activity_type, fields.Date.subtract(today, days=REMINDER_DAYS)
            ),
        ]
        start = min(terms.mapped("date_start"), default=today)
        return schedule_followups(
            self.env["excfp.specialist.group"],
            domain,
            activity_type,
            lambda groups: [(groups, owner, start)],
        )

    @api.model
    def _chair_domain(self, partner):
        """The proposals of the groups where ``partner`` is an active Chair
        or Co-Chair: what their reappointment page shows."""
        return [
            (
                "group_id.role_ids",
                "any",
                [
                    ("partner_id", "=", partner.id),
                    ("role_type", "in", CHAIR_TYPES),
                    ("state", "=", "active"),
                ],
            )
        ]
