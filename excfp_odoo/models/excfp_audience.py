# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2.errors import LockNotAvailable

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, mute_logger, split_every

from ..const import GROUP_TYPES, ORG_TYPES, ROLE_TYPES
from ..utils import default_owner, get_days

# Subscriptions added or removed per run: a scheduled run does this many,
# then reports what is left and Odoo runs it again at once.
SYNC_BATCH_SIZE = 2000
# Changes made by one run (~10 s), from a button or the scheduled action: a
# button hands the rest to the scheduled action, triggered at once, rather
# than running past the request's time limit.
SYNC_PER_RUN = 20000


class SyncResult(tuple):
    """What one run of an audience's sync did: ``(done, left)``, the changes
    made and left; and, of those made, ``added`` (people subscribed) and
    ``taken_off`` (removed or opted out), which Sync now reports."""

    def __new__(cls, done, left, added=0, taken_off=0):
        result = super().__new__(cls, (done, left))
        result.added, result.taken_off = added, taken_off
        return result

    @property
    def left(self):
        return self[1]


class ExcfpAudience(models.Model):
    """A segment of the SSC and of the ex situ community, kept in sync with a
    mailing list of Odoo's mass mailing: matching contacts are subscribed,
    others removed, and an opt-out is never subscribed again."""

    _name = "excfp.audience"
    _description = "Mailing Audience"
    _inherit = ["mail.thread"]
    _order = "sequence, name, id"

    name = fields.Char(required=True, translate=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True, tracking=True)
    source = fields.Selection(
        [
            ("roles", "SSC people, by their roles"),
            ("community", "Ex situ community, opted in"),
        ],
        required=True,
        default="roles",
        tracking=True,
        help="SSC people are reached on their role (legitimate interest) unless "
        "they opted out; the wider ex situ community only once opted in.",
    )
    role_type = fields.Selection(
        ROLE_TYPES,
        tracking=True,
        help="Only people holding an active role of this type (SSC people).",
    )
    group_ids = fields.Many2many(
        "excfp.specialist.group",
        string="Groups",
        help="SSC people: an active role in one of these groups. Ex situ "
        "community: an ex situ partner of one of these groups.",
    )
    group_type = fields.Selection(
        GROUP_TYPES, help="Only roles in, or partners of, groups of this type."
    )
    network_ids = fields.Many2many(
        "excfp.exsitu.network",
        string="Networks",
        help="Contacts in one of these networks (their own or their organisation's).",
    )
    org_type = fields.Selection(
        ORG_TYPES,
        string="Organisation Type",
        help="Contacts of this type (their own or their organisation's).",
    )
    country_ids = fields.Many2many("res.country", string="Countries")
    exclude_cpsg_members = fields.Boolean(
        string="Not in CPSG",
        help="Leave out members of the Conservation Planning Specialist Group.",
    )
    mailing_list_id = fields.Many2one(
        "mailing.list",
        readonly=True,
        copy=False,
        ondelete="restrict",
        help="Kept in sync with the audience: mailings go to this list.",
    )
    contact_count = fields.Integer(related="mailing_list_id.contact_count")
    last_sync_date = fields.Datetime(readonly=True, copy=False)

    # ---- CRUD ----

    @api.model_create_multi
    def create(self, vals_list):
        audiences = super().create(vals_list)
        for audience in audiences.filtered(lambda a: not a.mailing_list_id):
            audience.mailing_list_id = self.env["mailing.list"].create(
                {"name": audience.name, "is_public": False}
            )
        return audiences

    def write(self, vals):
        res = super().write(vals)
        if "name" in vals:
            for audience in self:
                audience.mailing_list_id.name = audience.name
        if "active" in vals:
            self.mailing_list_id.active = vals["active"]
        return res

    @api.model
    def _mailing_lists(self, domain=()):
        """The mailing lists of the audiences (archived ones included), which
        the addon keeps in sync and whose opt-outs it honours."""
        return (
            self.sudo()
            .with_context(active_test=False)
            .search(list(domain))
            .mailing_list_id
        )

    @api.model
    def _subscriptions_of(self, emails, opt_out=False, domain=()):
        """The subscriptions of ``emails`` to the lists of the audiences (of
        those in ``domain``), opted out or not as ``opt_out`` says."""
        emails = [email for email in emails if email]
        lists = self._mailing_lists(domain)
        if not emails or not lists:
            return self.env["mailing.subscription"]
        return self.env["mailing.subscription"].search(
            [
                ("list_id", "in", lists.ids),
                ("contact_id.email_normalized", "in", emails),
                ("opt_out", "=", opt_out),
            ]
        )

    @api.model
    def _unsubscribe(self, partners):
        """Take ``partners``' emails off the audiences' lists (their opt-outs,
        which are remembered, stay)."""
        self._subscriptions_of(partners.mapped("email_normalized")).unlink()

    @api.model
    def _opt_out(self, partners):
        """An opt-out holds at once on every audience list, not at the next
        sync: a mailing to another list this afternoon must not reach them."""
        self._subscriptions_of(partners.mapped("email_normalized")).write(
            {"opt_out": True}
        )

    @api.model
    def _record_list_consent(self, subscriptions, opt_out):
        """Consent has one owner, the contact's ``exsitu_mailing_consent``;
        the audience lists' opt-outs derive from it (``_opt_out`` at once,
        the sync daily). A list's opt-out the consent does not say yet is
        the person's word (core's unsubscribe or subscription page, or the
        secretariat on the list): their contacts record it, and it derives
        from there. One the consent says already is its own echo."""
        lists = self._mailing_lists(
            [("mailing_list_id", "in", subscriptions.list_id.ids)]
        )
        emails = set(
            subscriptions.filtered(lambda s: s.list_id in lists).contact_id.mapped(
                "email_normalized"
            )
        ) - {False}
        if not emails:
            return
        Partner = self.env["res.partner"].sudo()
        if opt_out:
            # one person, two contacts: an opt-out on either is the email's
            emails -= set(
                Partner.search(
                    [
                        ("email_normalized", "in", list(emails)),
                        ("exsitu_mailing_consent", "=", "opted_out"),
                    ]
                ).mapped("email_normalized")
            )
        consent = "opted_out" if opt_out else "opted_in"
        partners = Partner.search(
            [
                ("email_normalized", "in", list(emails)),
                ("exsitu_mailing_consent", "!=", consent),
            ]
        )
        partners.with_context(
            excfp_consent_source="unsubscribe" if opt_out else "web_form"
        ).write({"exsitu_mailing_consent": consent})

    @api.model
    def _on_bounced(self, partners):
        """Contacts past the bounce threshold leave the audiences at once, and
        the secretariat gets an activity to fix each address; the daily sync
        keeps them out until it is fixed."""
        self._unsubscribe(partners)
        activity_type = self.env.ref("excfp_odoo.mail_activity_type_fix_email")
        todo = partners.filtered(
            lambda p: activity_type not in p.activity_ids.activity_type_id
        )
        todo.sudo().with_context(mail_activity_quick_update=True).activity_schedule(
            activity_type_id=activity_type.id, user_id=default_owner(self.env).id
        )

    @api.model
    def _on_email_changed(self, partners, new_email):
        """A new address has not bounced (yet): its bounces restart from
        zero and the activity to fix it is done. The same one, rewritten,
        keeps its count."""
        changed = partners.filtered(
            lambda p: p.message_bounce and p.email_normalized != new_email
        )
        if changed:
            changed.write({"message_bounce": 0})
            changed.sudo().activity_feedback(
                ["excfp_odoo.mail_activity_type_fix_email"],
                feedback=self.env._("The email address was changed."),
            )

    # ---- Segment ----

    def _partner_domain(self):
        """The partners of the audience, whose email may be subscribed. The
        organisation's type, networks and groups count for its people."""
        self.ensure_one()
        domain = [
            ("email_normalized", "!=", False),
            ("exsitu_mailing_consent", "!=", "opted_out"),
        ]
        if self.country_ids:
            domain.append(("country_id", "in", self.country_ids.ids))
        if self.network_ids:
            domain += self._own_or_company(
                "exsitu_network_ids", "in", self.network_ids.ids
            )
        if self.org_type:
            domain += self._own_or_company("exsitu_org_type", "=", self.org_type)
        if self.exclude_cpsg_members:
            domain.append(("cpsg_status", "!=", "member"))
        return domain + self._source_domain()

    @staticmethod
    def _own_or_company(field_name, operator, value):
        """The partner's own value, or their organisation's."""
        return [
            "|",
            (field_name, operator, value),
            (f"commercial_partner_id.{field_name}", operator, value),
        ]

    def _source_domain(self):
        """SSC people by their active roles; the ex situ community once
        opted in, by the groups they (or their organisation) work with."""
        group_domain = []
        if self.group_ids:
            group_domain.append(("id", "in", self.group_ids.ids))
        if self.group_type:
            group_domain.append(("group_type", "=", self.group_type))
        if self.source == "roles":
            role_domain = [("state", "=", "active")]
            if self.role_type:
                role_domain.append(("role_type", "=", self.role_type))
            if group_domain:
                role_domain.append(("group_id", "any", group_domain))
            return [("excfp_role_ids", "any", role_domain)]
        domain = [("exsitu_mailing_consent", "=", "opted_in")]
        if group_domain:
            domain += self._own_or_company("exsitu_group_ids", "any", group_domain)
        return domain

    def _wanted_emails(self):
        """{email: name} of the audience's partners, leaving out blacklisted
        emails, and emails another contact opted out with or bounced past the
        threshold with."""
        self.ensure_one()
        Partner = self.env["res.partner"].sudo()
        query = Partner._search(self._partner_domain())
        self.env.cr.execute(
            SQL(
                """
                SELECT p.email_normalized, min(p.name)
                  FROM res_partner p
                 WHERE p.id IN (%s)
                   AND NOT EXISTS (
                       SELECT 1 FROM mail_blacklist bl
                        WHERE bl.active AND bl.email = p.email_normalized)
                   -- one person, two contacts: an opt-out or too many
                   -- bounces on either counts
                   AND NOT EXISTS (
                       SELECT 1 FROM res_partner o
                        WHERE o.email_normalized = p.email_normalized
                          AND o.active
                          AND (o.exsitu_mailing_consent = 'opted_out'
                               OR o.message_bounce >= %s))
              GROUP BY p.email_normalized
                """,
                query.select(SQL.identifier(Partner._table, "id")),
                get_days(self.env, "excfp_odoo.bounce_threshold"),
            )
        )
        return dict(self.env.cr.fetchall())

    def _subscriptions(self):
        """(email, subscription id, opted out) of every subscription of the
        audience's list; an email may have several contacts in it."""
        self.ensure_one()
        self.env.cr.execute(
            SQL(
                """
                SELECT c.email_normalized, s.id, s.opt_out
                  FROM mailing_subscription s
                  JOIN mailing_contact c ON c.id = s.contact_id
                 WHERE s.list_id = %s
                """,
                self.mailing_list_id.id,
            )
        )
        return self.env.cr.fetchall()

    # ---- Sync ----

    def _sync(self, limit=SYNC_BATCH_SIZE):
        """Bring the list up to date, ``limit`` changes at most (None: all,
        applied SYNC_BATCH_SIZE at a time); returns how many changes were
        made and how many are left, and of those made how many people were
        subscribed and how many taken off the list (removed or opted out).
        Each run computes the difference from the database once, so a run
        stopped half-way (or run twice) just goes on from there."""
        self.ensure_one()
        if not self._lock():
            raise UserError(
                self.env._(
                    "The audience %s is being synchronised already: try again "
                    "in a minute.",
                    self.name,
                )
            )
        if not self.mailing_list_id:
            self.mailing_list_id = self.env["mailing.list"].create(
                {"name": self.name, "is_public": False}
            )
        self.env.flush_all()
        wanted = self._wanted_emails()
        to_opt_out, to_remove, to_add = self._changes(wanted, self._subscriptions())
        if limit is None:
            limit = len(to_opt_out) + len(to_remove) + len(to_add)
        opting_out = to_opt_out[:limit]
        removing = to_remove[: max(limit - len(opting_out), 0)]
        adding = to_add[: max(limit - len(opting_out) - len(removing), 0)]
        self._apply(opting_out, removing, adding, wanted)
        done = len(opting_out) + len(removing) + len(adding)
        left = len(to_opt_out) + len(to_remove) + len(to_add) - done
        if not left:
            self.last_sync_date = fields.Datetime.now()
        return SyncResult(done, left, len(adding), len(opting_out) + len(removing))

    def _apply(self, opting_out, removing, adding, names):
        """Opt out and remove these subscriptions, subscribe these emails
        (with their ``names``), SYNC_BATCH_SIZE at a time."""
        Subscription = self.env["mailing.subscription"].sudo()
        for chunk in split_every(SYNC_BATCH_SIZE, opting_out):
            Subscription.browse(chunk).write({"opt_out": True})
        for chunk in split_every(SYNC_BATCH_SIZE, removing):
            Subscription.browse(chunk).unlink()
        for chunk in split_every(SYNC_BATCH_SIZE, adding):
            self._subscribe(list(chunk), names)
            # the created records are not needed any more: keep memory flat
            self.env.invalidate_all()

    @staticmethod
    def _changes(wanted, rows):
        """The subscriptions to opt out and to remove, and the emails to
        subscribe, that bring the list's ``rows`` to the ``wanted`` emails.
        An opt-out on any of an email's subscriptions is the person's: it
        stays (never removed, never subscribed again) and their other
        subscriptions in the list follow it, so that core's send, which
        mails an email with any opted-in subscription, agrees."""
        opted_out = {email for email, _id, opt_out in rows if opt_out}
        subscribed = {email for email, _id, opt_out in rows if not opt_out}
        to_opt_out = sorted(
            sub_id
            for email, sub_id, opt_out in rows
            if not opt_out and email in opted_out
        )
        to_remove = sorted(
            sub_id
            for email, sub_id, opt_out in rows
            if not opt_out and email not in opted_out and email not in wanted
        )
        to_add = sorted(
            email
            for email in wanted
            if email not in subscribed and email not in opted_out
        )
        return to_opt_out, to_remove, to_add

    def _lock(self):
        """Take the audience for this transaction; False when another one
        (the scheduled action, a click on Sync now) has it: two syncs of one
        list would subscribe the same people twice."""
        try:
            with mute_logger("odoo.sql_db"), self.env.cr.savepoint():
                self.env.cr.execute(
                    SQL(
                        "SELECT id FROM excfp_audience WHERE id = %s FOR UPDATE NOWAIT",
                        self.id,
                    )
                )
        except LockNotAvailable:
            return False
        return True

    def _subscribe(self, emails, names):
        """Subscribe these emails to the list, reusing their mailing contact
        when one exists (it may be on other lists)."""
        Contact = self.env["mailing.contact"].sudo()
        self.env.cr.execute(
            SQL(
                """
                SELECT email_normalized, min(id) FROM mailing_contact
                 WHERE email_normalized = ANY(%s) GROUP BY email_normalized
                """,
                list(emails),
            )
        )
        contact_ids = dict(self.env.cr.fetchall())
        missing = [email for email in emails if email not in contact_ids]
        if missing:
            new_contacts = Contact.create(
                [
                    {"name": names.get(email) or email, "email": email}
                    for email in missing
                ]
            )
            contact_ids.update(zip(missing, new_contacts.ids, strict=True))
        self.env["mailing.subscription"].sudo().create(
            [
                {"contact_id": contact_ids[email], "list_id": self.mailing_list_id.id}
                for email in emails
            ]
        )

    @api.model
    def _create_for_networks(self, networks):
        """Each network's opted-in contacts, as for the shipped networks."""
        return self.create(
            [
                {
                    "name": self.env._("%s contacts, opted in", network.code),
                    "sequence": 20,
                    "source": "community",
                    "network_ids": [Command.set(network.ids)],
                }
                for network in networks
            ]
        )

    def action_sync(self):
        """On demand, from the form or the list: up to SYNC_PER_RUN changes
        now, the rest by the scheduled action, started at once."""
        added = taken_off = left = 0
        for audience in self:
            result = audience._sync(limit=SYNC_PER_RUN)
            added += result.added
            taken_off += result.taken_off
            left += result.left
        message = self.env._(
            "%(added)s subscribed, %(taken_off)s taken off the mailing list.",
            added=added,
            taken_off=taken_off,
        )
        if left:
            self.env.ref("excfp_odoo.ir_cron_audience_sync")._trigger()
            message += " " + self.env._(
                "%s more changes continue in the background, in a few minutes.",
                left,
            )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "info" if left else "success",
                "title": self.env._("Synchronised"),
                "message": message,
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    @api.model
    def _cron_sync(self):
        """Daily: every active audience, SYNC_PER_RUN changes per run; Odoo
        runs it again at once while changes are left."""
        done_total, left_total = 0, 0
        for audience in self.search([]):
            budget = SYNC_PER_RUN - done_total
            if budget <= 0:
                left_total += 1  # not looked at in this run
                continue
            if not audience._lock():
                # synchronised right now from its button, which hands what it
                # leaves to this action
                continue
            done, left = audience._sync(limit=budget)
            done_total += done
            left_total += left
        self.env["ir.cron"]._notify_progress(done=done_total, remaining=left_total)

    def action_view_mailing_list(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "mailing.contact",
            "name": self.env._("Contacts of %s", self.name),
            "view_mode": "list,form",
            "domain": [("list_ids", "in", self.mailing_list_id.ids)],
            "context": {"default_list_ids": self.mailing_list_id.ids},
        }

    def action_new_mailing(self):
        """A new mailing to the audience's list, in Odoo's mailing form.
        Replies go to the SSC liaison address when it has a domain: they
        become liaison requests the secretariat routes, kept in Odoo rather
        than in one person's mailbox."""
        self.ensure_one()
        self.action_sync()
        context = {
            "default_mailing_model_id": self.env["ir.model"]._get_id("mailing.list"),
            "default_contact_list_ids": self.mailing_list_id.ids,
            "default_subject": self.name,
        }
        alias = self.env.ref("excfp_odoo.mail_alias_liaison", raise_if_not_found=False)
        if alias and alias.alias_full_name:
            context["default_reply_to_mode"] = "new"
            context["default_reply_to"] = alias.alias_full_name
        return {
            "type": "ir.actions.act_window",
            "res_model": "mailing.mailing",
            "view_mode": "form",
            "target": "current",
            "context": context,
        }
