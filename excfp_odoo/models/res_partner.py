# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import operator as py_operator

from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import (
    SQL,
    email_normalize,
    float_round,
    format_date,
    html2plaintext,
    is_html_empty,
)
from odoo.tools.sql import create_index

from .excfp_params import (
    CRON_BATCH_SIZE,
    default_owner,
    get_days,
    portal_invite_enabled,
    responsible_user,
    without_followup,
)

ORG_TYPES = [
    ("zoo", "Zoo"),
    ("aquarium", "Aquarium"),
    ("botanic_garden", "Botanic garden"),
    ("biobank", "Biobank or gene bank"),
    ("breeding_centre", "Breeding or propagation centre"),
    ("rescue_centre", "Rescue centre"),
    ("other", "Other"),
]
CONSENTS = [
    ("unknown", "Unknown"),
    ("opted_in", "Opted in"),
    ("opted_out", "Opted out"),
]
CONSENT_SOURCES = [
    ("import", "Import"),
    ("portal", "Portal"),
    ("web_form", "Web form"),
    ("back_office", "Back office"),
    ("unsubscribe", "Unsubscribe"),
]

OPERATORS = {
    "=": py_operator.eq,
    "!=": py_operator.ne,
    "<": py_operator.lt,
    "<=": py_operator.le,
    ">": py_operator.gt,
    ">=": py_operator.ge,
}


class ResPartner(models.Model):
    _inherit = "res.partner"

    # ---- SSC roles ----
    excfp_role_ids = fields.One2many(
        "excfp.role",
        "partner_id",
        string="SSC Roles",
        groups="excfp_odoo.group_excfp_user",
    )
    excfp_focal_group_ids = fields.Many2many(
        "excfp.specialist.group",
        string="Focal Point of",
        compute="_compute_excfp_focal_group_ids",
        groups="excfp_odoo.group_excfp_user",
        help="Groups where this person holds an active or nominated focal point role.",
    )
    excfp_role_count = fields.Integer(
        string="SSC Role Count",
        compute="_compute_excfp_role_count",
        groups="excfp_odoo.group_excfp_user",
    )
    excfp_liaison_count = fields.Integer(
        string="Liaison Requests",
        compute="_compute_excfp_liaison_count",
        groups="excfp_odoo.group_excfp_user",
    )
    is_excfp = fields.Boolean(
        string="Ex situ Focal Point",
        compute="_compute_is_excfp",
        store=True,
        help="Holds an active Ex situ Conservation Focal Point role.",
    )

    # ---- CPSG membership (ToR s.3 b) ----
    cpsg_status = fields.Selection(
        [
            ("not_member", "Not a member"),
            ("invited", "Invited"),
            ("member", "Member"),
            ("declined", "Declined"),
        ],
        string="CPSG Membership",
        default="not_member",
        required=True,
        tracking=True,
    )
    cpsg_invitation_date = fields.Date(string="CPSG Invitation Date", tracking=True)
    cpsg_member_since = fields.Date(string="CPSG Member Since", tracking=True)
    cpsg_training_state = fields.Selection(
        [
            ("none", "None"),
            ("encouraged", "Encouraged"),
            ("enrolled", "Enrolled"),
            ("completed", "Completed"),
        ],
        string="CPSG Training",
        default="none",
        required=True,
        tracking=True,
    )

    # ---- Ex situ profile (ToR s.2) ----
    exsitu_org_type = fields.Selection(
        ORG_TYPES,
        string="Ex situ Organisation Type",
        tracking=True,
    )
    exsitu_network_ids = fields.Many2many(
        "excfp.exsitu.network",
        "excfp_exsitu_network_res_partner_rel",
        "partner_id",
        "network_id",
        string="Ex situ Networks",
        tracking=True,
    )
    exsitu_experience = fields.Html(string="Ex situ Experience")
    exsitu_group_ids = fields.Many2many(
        "excfp.specialist.group",
        "excfp_group_exsitu_partner_rel",
        "partner_id",
        "group_id",
        string="SSC Groups Worked With",
        help="The SSC groups this organisation or person collaborates with: "
        "they are the group's ex situ partners.",
    )
    exsitu_taxa = fields.Char(
        string="Taxa", help="Taxa worked with, such as Felids or Amphibians."
    )

    # ---- Mailing consent of the ex situ community ----
    exsitu_mailing_consent = fields.Selection(
        CONSENTS,
        string="Mailing Consent",
        default="unknown",
        required=True,
        index=True,
        tracking=True,
        help="Whether this contact agreed to receive the SSC's ex situ mailings. "
        "Focal points and group members are reached on their SSC role; the "
        "wider community only once opted in.",
    )
    exsitu_mailing_consent_date = fields.Datetime(
        string="Consent Date", copy=False, tracking=True
    )
    exsitu_mailing_consent_source = fields.Selection(
        CONSENT_SOURCES, string="Consent Source", copy=False, tracking=True
    )

    excfp_ack_reminder_date = fields.Date(
        string="Last Acknowledgement Reminder",
        readonly=True,
        copy=False,
        groups="excfp_odoo.group_excfp_user",
    )

    # ---- Governance acknowledgements ----
    acknowledgement_ids = fields.One2many(
        "excfp.acknowledgement",
        "partner_id",
        string="Acknowledgements",
        groups="excfp_odoo.group_excfp_user",
    )
    # Stored: the filters on the ratio test it row by row on the focal points,
    # rather than aggregating every acknowledgement (see the search below).
    governance_ack_count = fields.Integer(
        string="Governance Documents Acknowledged",
        compute="_compute_governance_ack_count",
        store=True,
        groups="excfp_odoo.group_excfp_user",
        help="Documents required of focal points whose current version this "
        "person has acknowledged.",
    )
    governance_ack_ratio = fields.Integer(
        string="Governance Acknowledged (%)",
        compute="_compute_governance_ack",
        search="_search_governance_ack_ratio",
        groups="excfp_odoo.group_excfp_user",
        help="Share of the documents required of focal points whose current "
        "version this person has acknowledged.",
    )
    governance_ack_complete = fields.Boolean(
        string="Acknowledgements Complete",
        compute="_compute_governance_ack",
        search="_search_governance_ack_complete",
        groups="excfp_odoo.group_excfp_user",
    )

    def init(self):
        res = super().init()
        # Focal points are a few hundred of tens of thousands of contacts: the
        # "focal points ..." filters start from this partial index rather than
        # from a scan of every contact.
        create_index(
            self.env.cr,
            "res_partner_excfp_is_excfp_index",
            "res_partner",
            ["id"],
            where="is_excfp",
        )
        return res

    @api.depends_context("excfp_person_name")
    def _compute_display_name(self):
        """``excfp_person_name`` in the context: people by their own name, for
        lists that show the organisation in a column of its own (Odoo's
        "Organisation, Person" otherwise)."""
        res = super()._compute_display_name()
        if self.env.context.get("excfp_person_name"):
            for partner in self.filtered("name"):
                partner.display_name = partner.name
        return res

    @api.depends(
        "excfp_role_ids.state", "excfp_role_ids.role_type", "excfp_role_ids.group_id"
    )
    def _compute_excfp_focal_group_ids(self):
        roles = (
            self.env["excfp.role"]
            .sudo()
            .search_fetch(
                [
                    ("partner_id", "in", self.ids),
                    *self.env["excfp.role"]._focal_point_domain(),
                ],
                ["partner_id", "group_id"],
            )
        )
        groups = roles.grouped("partner_id")
        for partner in self:
            partner.excfp_focal_group_ids = groups.get(partner, roles.browse()).group_id

    @api.depends("excfp_role_ids")
    def _compute_excfp_role_count(self):
        counts = dict(
            self.env["excfp.role"]._read_group(
                [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
            )
        )
        for partner in self:
            partner.excfp_role_count = counts.get(partner, 0)

    @api.depends("excfp_role_ids.state", "excfp_role_ids.role_type")
    def _compute_is_excfp(self):
        for partner in self:
            partner.is_excfp = any(
                role.state == "active" and role.role_type == "focal_point"
                for role in partner.excfp_role_ids
            )

    @api.depends(
        "acknowledgement_ids.is_current",
        "acknowledgement_ids.document_id.required_for_focal_points",
        "acknowledgement_ids.document_id.is_available",
        "acknowledgement_ids.document_id.active",
    )
    def _compute_governance_ack_count(self):
        domain = [
            ("partner_id", "in", self.ids),
            ("is_current", "=", True),
            ("document_id.required_for_focal_points", "=", True),
            ("document_id.is_available", "=", True),
            ("document_id.active", "=", True),
        ]
        # one current acknowledgement per document and person (the version
        # is unique per person and document): a count of rows is one of
        # documents
        counts = dict(
            self.env["excfp.acknowledgement"]
            .sudo()
            ._read_group(domain, ["partner_id"], ["__count"])
        )
        for partner in self:
            partner.governance_ack_count = counts.get(partner, 0)

    @api.model
    def _governance_ratio(self, done, required):
        """The share of ``required`` documents acknowledged, in percent,
        rounded half up; 100 when nothing is required."""
        if not required:
            return 100
        return int(float_round(100 * done / required, precision_digits=0))

    @api.depends("governance_ack_count")
    def _compute_governance_ack(self):
        required = len(self.env["excfp.governance.document"]._required_ids())
        for partner in self:
            ratio = self._governance_ratio(partner.governance_ack_count, required)
            partner.governance_ack_ratio = ratio
            partner.governance_ack_complete = ratio >= 100

    def _search_governance_ack_ratio(self, operator, value):
        if (
            operator not in OPERATORS
            or isinstance(value, bool)
            or not isinstance(value, (int, float))
        ):
            raise UserError(
                self.env._(
                    "Search the acknowledgement ratio with a number from 0 to 100 "
                    "and one of =, !=, <, <=, >, >=."
                )
            )
        # The ratio of a count is one of a few values (a count from 0 to the
        # number of required documents): the counts whose ratio matches make
        # a plain condition on the stored count, which PostgreSQL tests on
        # the rows the other conditions select (the few focal points).
        required = len(self.env["excfp.governance.document"]._required_ids())
        compare = OPERATORS[operator]
        counts = [
            done
            for done in range(required + 1)
            if compare(self._governance_ratio(done, required), value)
        ]
        return [("governance_ack_count", "in", counts)]

    def _search_governance_ack_complete(self, operator, value):
        if operator not in ("=", "!="):
            raise NotImplementedError(
                self.env._("Unsupported search on complete acknowledgements.")
            )
        complete = (operator == "=") == bool(value)
        return [("governance_ack_ratio", ">=" if complete else "<", 100)]

    def _compute_excfp_liaison_count(self):
        Liaison = self.env["excfp.liaison"]
        counts = {}
        for fname in ("focal_point_id", "counterpart_id"):
            for partner, count in Liaison._read_group(
                [(fname, "in", self.ids)], [fname], ["__count"]
            ):
                counts[partner.id] = counts.get(partner.id, 0) + count
        for partner in self:
            partner.excfp_liaison_count = counts.get(partner.id, 0)

    def action_view_excfp_liaisons(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "excfp_odoo.excfp_liaison_action"
        )
        action["domain"] = [
            "|",
            ("focal_point_id", "=", self.id),
            ("counterpart_id", "=", self.id),
        ]
        return action

    def action_view_excfp_roles(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "excfp_odoo.excfp_role_action"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action

    def _excfp_invite_to_cpsg(self):
        """ToR s.3 b: a focal point who is not a CPSG member is invited at once
        and encouraged to take training."""
        if not self:
            return
        today = fields.Date.context_today(self)
        self.write({"cpsg_status": "invited", "cpsg_invitation_date": today})
        self.filtered(lambda p: p.cpsg_training_state == "none").write(
            {"cpsg_training_state": "encouraged"}
        )
        template = self.env.ref("excfp_odoo.mail_template_cpsg_invitation")
        # Queued, not sent in the transaction: the mail queue delivers it.
        self.with_context(mail_notify_force_send=False).message_post_with_source(
            template,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        # Generated work shows in the assignee's activities, without an email each.
        self.with_context(mail_activity_quick_update=True).activity_schedule(
            "excfp_odoo.mail_activity_type_cpsg_followup",
            user_id=responsible_user(self.env).id,
        )

    def _excfp_consent_stamp(self, vals):
        """A consent given or withdrawn is dated, and says where it came from:
        the caller's source, an import, else the back office."""
        if "exsitu_mailing_consent" not in vals:
            return vals
        vals = dict(vals)
        vals.setdefault("exsitu_mailing_consent_date", fields.Datetime.now())
        context = self.env.context
        vals.setdefault(
            "exsitu_mailing_consent_source",
            context.get("excfp_consent_source")
            or ("import" if context.get("import_file") else "back_office"),
        )
        return vals

    @api.model_create_multi
    def create(self, vals_list):
        vals_list = [
            self._excfp_consent_stamp(vals)
            if vals.get("exsitu_mailing_consent", "unknown") != "unknown"
            else vals
            for vals in vals_list
        ]
        return super().create(vals_list)

    def write(self, vals):
        vals = self._excfp_consent_stamp(vals)
        new_email = vals.get("email") and email_normalize(vals["email"])
        if new_email and "message_bounce" not in vals:
            # a new address has not bounced (yet); the same one, rewritten, has
            changed = self.filtered(
                lambda p: p.message_bounce and p.email_normalized != new_email
            )
            if changed:
                super(ResPartner, changed).write({"message_bounce": 0})
                changed.sudo().activity_feedback(
                    ["excfp_odoo.mail_activity_type_fix_email"],
                    feedback=self.env._("The email address was changed."),
                )
        res = super().write(vals)
        if vals.get("exsitu_mailing_consent") == "opted_out":
            self.sudo()._excfp_opt_out_of_audiences()
        if vals.get("cpsg_status") in ("member", "declined", "not_member"):
            # The invitation was answered: nothing left to follow up.
            self.sudo().activity_feedback(
                ["excfp_odoo.mail_activity_type_cpsg_followup"],
                feedback=self.env._("The CPSG invitation was answered."),
            )
        return res

    def _excfp_with_user(self, active_test=True):
        """Those of the partners who have a user, in one query."""
        users = (
            self.env["res.users"]
            .sudo()
            .with_context(active_test=active_test)
            .search([("partner_id", "in", self.ids)])
        )
        return self.browse(users.partner_id.ids)

    def _excfp_invite_to_portal(self):
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
        for partner in self.filtered(
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
            self.browse(notes)._message_log_batch(bodies=notes)

    def _excfp_launch_onboarding(self):
        """Launch the editable "Focal point onboarding" plan on new focal points.

        Does what Odoo's plan wizard does, but one batch of activities per step
        for all partners instead of one per partner and step.
        """
        plan = self.env.ref(
            "excfp_odoo.mail_activity_plan_focal_point_onboarding",
            raise_if_not_found=False,
        )
        if not self or not plan or not plan.active or not plan.template_ids:
            return
        on_demand = responsible_user(self.env)
        today = fields.Date.context_today(self)
        steps = []
        for template in plan.template_ids:
            responsible = (
                template.responsible_id
                if template.responsible_type == "other" and template.responsible_id
                else on_demand
            )
            deadline = template._get_date_deadline(today)
            self.with_context(mail_activity_quick_update=True).activity_schedule(
                activity_type_id=template.activity_type_id.id,
                summary=template.summary,
                note=template.note,
                user_id=responsible.id,
                date_deadline=deadline,
            )
            steps.append(
                self.env._(
                    "%(activity)s, assigned to %(name)s, due on %(deadline)s",
                    activity=template.summary or template.activity_type_id.name,
                    name=responsible.name,
                    deadline=format_date(self.env, deadline),
                )
            )
        body = Markup("%s<ul>%s</ul>") % (
            self.env._('The plan "%s" has been started', plan.name),
            Markup().join(Markup("<li>%s</li>") % step for step in steps),
        )
        self._message_log_batch(bodies=dict.fromkeys(self.ids, body))

    # ---- Import ----

    def _load_records(self, data_list, update=False, ignore_duplicates=False):
        """Odoo's import matches rows to contacts by external id; rows without
        one are also matched by email (when exactly one contact has it), so
        that re-importing a community file updates rather than duplicates."""
        if self.env.context.get("import_file"):
            rows = [
                data
                for data in data_list
                if not data.get("xml_id")
                and not data["values"].get("id")
                and email_normalize(data["values"].get("email") or "")
            ]
            emails = {email_normalize(data["values"]["email"]) for data in rows}
            matches = {}
            for partner in self.search([("email_normalized", "in", list(emails))]):
                matches.setdefault(partner.email_normalized, []).append(partner.id)
            for data in rows:
                found = matches.get(email_normalize(data["values"]["email"]), [])
                if len(found) == 1:
                    data["values"]["id"] = found[0]
        return super()._load_records(data_list, update, ignore_duplicates)

    # ---- Bounces ----

    def _message_receive_bounce(self, email, partner):
        """Past the bounce threshold (Settings), a contact leaves the mailing
        audiences at once and the secretariat gets an activity to fix the
        address; the daily sync keeps them out until it is fixed."""
        res = super()._message_receive_bounce(email, partner)
        threshold = get_days(self.env, "excfp_odoo.bounce_threshold")
        bounced = self.filtered(lambda p: p.message_bounce >= threshold)
        if bounced:
            bounced.sudo()._excfp_leave_audiences()
            activity_type = self.env.ref("excfp_odoo.mail_activity_type_fix_email")
            todo = bounced.filtered(
                lambda p: activity_type not in p.activity_ids.activity_type_id
            )
            todo.sudo().with_context(mail_activity_quick_update=True).activity_schedule(
                activity_type_id=activity_type.id, user_id=default_owner(self.env).id
            )
        return res

    def _message_reset_bounce(self, email):
        # The address answered: it works again, nothing left to fix.
        res = super()._message_reset_bounce(email)
        self.sudo().activity_feedback(
            ["excfp_odoo.mail_activity_type_fix_email"],
            feedback=self.env._("The address sent an email: it works."),
        )
        return res

    def _excfp_audience_subscriptions(self):
        """The subscriptions of these contacts' emails to the audiences'
        lists, opted-out ones left aside."""
        emails = [email for email in self.mapped("email_normalized") if email]
        lists = self.env["excfp.audience"]._mailing_lists()
        if not emails or not lists:
            return self.env["mailing.subscription"]
        return self.env["mailing.subscription"].search(
            [
                ("list_id", "in", lists.ids),
                ("contact_id.email_normalized", "in", emails),
                ("opt_out", "=", False),
            ]
        )

    def _excfp_leave_audiences(self):
        """Remove these contacts' emails from the audiences' lists (their
        opt-outs, which are remembered, stay)."""
        self._excfp_audience_subscriptions().unlink()

    def _excfp_opt_out_of_audiences(self):
        """An opt-out holds at once on every audience list, not at the next
        sync: a mailing to another list this afternoon must not reach them."""
        self._excfp_audience_subscriptions().with_context(
            excfp_consent_known=True
        ).write({"opt_out": True})

    @api.model
    def _mailing_get_opt_out_list(self, mailing):
        """Mailings to contacts (not to a list) leave out those who opted out
        of the SSC's ex situ mailings, on any contact with their email; core
        has no opt-out for contacts besides the blacklist. With the batch's
        emails in the context (see mail.compose.message), only those."""
        domain = [("exsitu_mailing_consent", "=", "opted_out")]
        emails = self.env.context.get("mass_mailing_batch_emails")
        if emails is not None:
            domain.append(("email_normalized", "in", list(emails)))
        partners = self.sudo().with_context(active_test=True).search(domain)
        return {email for email in partners.mapped("email_normalized") if email}

    # ---- Self-service on the portal ----

    def _excfp_focal_point_roles(self):
        """Active or nominated focal point roles: they open the focal point
        pages of the portal (governance, profile, requests)."""
        self.ensure_one()
        Role = self.env["excfp.role"].sudo()
        return Role.search([("partner_id", "=", self.id), *Role._focal_point_domain()])

    def _excfp_required_documents(self):
        """The documents required of focal points, and those of them whose
        current version this person has not acknowledged yet."""
        self.ensure_one()
        Document = self.env["excfp.governance.document"].sudo()
        documents = Document.browse(Document._required_ids())
        done = (
            self.env["excfp.acknowledgement"]
            .sudo()
            .search_fetch(
                [
                    ("partner_id", "=", self.id),
                    ("document_id", "in", documents.ids),
                    ("is_current", "=", True),
                ],
                ["document_id"],
            )
            .document_id
        )
        return documents, documents - done

    def _excfp_acknowledge(self, documents, channel="portal"):
        """Acknowledge the current version of ``documents``. Versions already
        acknowledged are skipped, so a repeated submission records nothing."""
        self.ensure_one()
        # Two submissions at once: the second waits on this row, then fails to
        # serialise (an update, not a mere lock, is what REPEATABLE READ detects)
        # and Odoo replays it, when it finds nothing left to record.
        self.env.cr.execute(
            SQL("UPDATE res_partner SET write_date = write_date WHERE id = %s", self.id)
        )
        _required, outstanding = self._excfp_required_documents()
        todo = outstanding & documents
        return (
            self.env["excfp.acknowledgement"]
            .sudo()
            .create(
                [
                    {
                        "partner_id": self.id,
                        "document_id": document.id,
                        "version": document.version,
                        "channel": channel,
                    }
                    for document in todo
                ]
            )
        )

    def _excfp_profile_complete(self):
        self.ensure_one()
        return bool(
            self.exsitu_org_type
            and self.exsitu_network_ids
            and not is_html_empty(self.exsitu_experience)
        )

    def _excfp_onboarding_checklist(self, documents=None, outstanding=None):
        """What the Terms of Reference ask of a new focal point, each step
        with whether it is done and where on the portal it is done.
        ``documents`` and ``outstanding``: _excfp_required_documents(), when
        the caller has them already."""
        self.ensure_one()
        if documents is None:
            documents, outstanding = self._excfp_required_documents()
        return [
            {
                "name": self.env._("Answer the invitation to join CPSG"),
                "done": self.cpsg_status in ("member", "declined"),
                "url": "/my/ssc/profile#cpsg",
            },
            {
                "name": self.env._("Take the CPSG training"),
                "done": self.cpsg_training_state == "completed",
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
                "done": self._excfp_profile_complete(),
                "url": "/my/ssc/profile",
            },
        ]

    def _excfp_portal_update_profile(
        self, org_type, networks, experience, training_state, cpsg_answer=None
    ):
        """Write the ex situ profile sent from the portal (validated by the
        controller) and tell the secretariat in the contact's chatter: tracked
        fields log their own changes, the note names the others."""
        self.ensure_one()
        vals = {}
        if org_type != (self.exsitu_org_type or False):
            vals["exsitu_org_type"] = org_type
        if networks != self.exsitu_network_ids:
            vals["exsitu_network_ids"] = [Command.set(networks.ids)]
        if html2plaintext(experience or "") != html2plaintext(
            self.exsitu_experience or ""
        ):
            vals["exsitu_experience"] = experience
        if training_state and training_state != self.cpsg_training_state:
            vals["cpsg_training_state"] = training_state
        if cpsg_answer == "accept" and self.cpsg_status != "member":
            vals["cpsg_status"] = "member"
            vals["cpsg_member_since"] = fields.Date.context_today(self)
        elif cpsg_answer == "decline" and self.cpsg_status == "invited":
            vals["cpsg_status"] = "declined"
        if not vals:
            return False
        self.sudo().write(vals)
        labels = self.fields_get(list(vals), ["string"])
        self.sudo().message_post(
            body=self.env._(
                "Ex situ profile updated from the portal: %s",
                ", ".join(labels[name]["string"] for name in vals),
            ),
            author_id=self.id,
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
        return True

    # ---- Scheduled actions ----

    @api.model
    def _cron_excfp_ack_reminders(self):
        """Remind focal points of the documents they have not acknowledged, at
        most once per reminder interval; none once they are complete.

        The reminder date is written with the emails, in the same transaction:
        a second run, or a run after a crash, picks up only who is left.
        """
        today = fields.Date.context_today(self)
        interval = get_days(self.env, "excfp_odoo.ack_reminder_interval_days")
        domain = [
            ("is_excfp", "=", True),
            ("governance_ack_complete", "=", False),
            "|",
            ("excfp_ack_reminder_date", "=", False),
            (
                "excfp_ack_reminder_date",
                "<=",
                fields.Date.subtract(today, days=interval),
            ),
        ]
        partners = self.search(domain, limit=CRON_BATCH_SIZE)
        if partners:
            partners.write({"excfp_ack_reminder_date": today})
            # Odoo's mass mail composer renders and queues the batch at once,
            # keeping a copy of each email in the partner's chatter.
            self.env["mail.compose.message"].with_context(
                default_composition_mode="mass_mail",
                default_model=self._name,
                default_res_ids=partners.ids,
                default_template_id=self.env.ref(
                    "excfp_odoo.mail_template_governance_reminder"
                ).id,
            ).create(
                {"auto_delete": True, "auto_delete_keep_log": True, "force_send": False}
            )._action_send_mail()
        self.env["ir.cron"]._notify_progress(
            done=len(partners), remaining=self.search_count(domain)
        )

    @api.model
    def _cron_excfp_cpsg_followups(self):
        """A CPSG invitation pending longer than the set delay gets a follow-up
        activity, unless one is open or was done within that delay."""
        today = fields.Date.context_today(self)
        delay = get_days(self.env, "excfp_odoo.cpsg_followup_delay_days")
        cutoff = fields.Date.subtract(today, days=delay)
        activity_type = self.env.ref("excfp_odoo.mail_activity_type_cpsg_followup")
        domain = [
            ("cpsg_status", "=", "invited"),
            ("cpsg_invitation_date", "<=", cutoff),
            *without_followup(activity_type, cutoff),
        ]
        partners = self.search(domain, limit=CRON_BATCH_SIZE)
        partners.with_context(mail_activity_quick_update=True).activity_schedule(
            activity_type_id=activity_type.id,
            user_id=default_owner(self.env).id,
            date_deadline=today,
        )
        self.env["ir.cron"]._notify_progress(
            done=len(partners), remaining=self.search_count(domain)
        )
