# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.osv import expression
from odoo.tools import email_normalize
from odoo.tools.sql import create_index

from ..const import CONSENT_SOURCES, CONSENTS, CPSG_STATUSES, CPSG_TRAININGS, ORG_TYPES
from ..utils import (
    counts_by_partner,
    default_owner,
    get_days,
    schedule_followups,
    without_followup,
)

OPPORTUNITY_PARTIES = ("focal_point_id", "exsitu_partner_ids", "insitu_partner_ids")
ENGAGEMENT_PARTIES = ("focal_point_id", "organisation_ids", "attendee_ids")


class ResPartner(models.Model):
    _inherit = "res.partner"

    # The audiences' sync and the opt-outs look contacts up by email.
    email_normalized = fields.Char(index=True)

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
    excfp_opportunity_count = fields.Integer(
        string="Ex situ Opportunities",
        compute="_compute_excfp_one_plan_counts",
        groups="excfp_odoo.group_excfp_user",
    )
    excfp_engagement_count = fields.Integer(
        string="Collaborations",
        compute="_compute_excfp_one_plan_counts",
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
        CPSG_STATUSES,
        string="CPSG Membership",
        default="not_member",
        required=True,
        tracking=True,
    )
    cpsg_invitation_date = fields.Date(string="CPSG Invitation Date", tracking=True)
    cpsg_member_since = fields.Date(string="CPSG Member Since", tracking=True)
    cpsg_training_state = fields.Selection(
        CPSG_TRAININGS,
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
    excfp_directory_consent = fields.Boolean(
        string="Listed in the Public Directory",
        tracking=True,
        help="This focal point agreed to be shown by name, organisation and photo "
        "in the public directory of the groups' focal points; never their email "
        "or phone. Off until they say so on their portal profile.",
    )
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
        counts = self.env["excfp.acknowledgement"]._current_counts(self)
        for partner in self:
            partner.governance_ack_count = counts.get(partner, 0)

    @api.depends("governance_ack_count")
    def _compute_governance_ack(self):
        Document = self.env["excfp.governance.document"]
        for partner in self:
            ratio = Document._ratio(partner.governance_ack_count)
            partner.governance_ack_ratio = ratio
            partner.governance_ack_complete = ratio >= 100

    def _search_governance_ack_ratio(self, operator, value):
        counts = self.env["excfp.governance.document"]._counts_with_ratio(
            operator, value
        )
        return [("governance_ack_count", "in", counts)]

    def _search_governance_ack_complete(self, operator, value):
        if operator not in ("=", "!="):
            raise NotImplementedError(
                self.env._("Unsupported search on complete acknowledgements.")
            )
        complete = (operator == "=") == bool(value)
        return [("governance_ack_ratio", ">=" if complete else "<", 100)]

    def _compute_excfp_liaison_count(self):
        counts = self.env["excfp.liaison"]._counts_by_party(self)
        for partner in self:
            partner.excfp_liaison_count = counts.get(partner.id, 0)

    def _compute_excfp_one_plan_counts(self):
        # as focal point, ex situ partner, organisation or attendee
        opportunities = counts_by_partner(
            self.env["excfp.opportunity"], OPPORTUNITY_PARTIES, self
        )
        engagements = counts_by_partner(
            self.env["excfp.engagement"], ENGAGEMENT_PARTIES, self
        )
        for partner in self:
            partner.excfp_opportunity_count = opportunities.get(partner.id, 0)
            partner.excfp_engagement_count = engagements.get(partner.id, 0)

    def _excfp_action_of(self, xml_id, field_names):
        """The action ``xml_id`` on the records naming this contact in any
        of ``field_names``."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(xml_id)
        action["domain"] = expression.OR(
            [[(fname, "in", self.ids)] for fname in field_names]
        )
        return action

    def action_view_excfp_opportunities(self):
        return self._excfp_action_of(
            "excfp_odoo.excfp_opportunity_action", OPPORTUNITY_PARTIES
        )

    def action_view_excfp_engagements(self):
        return self._excfp_action_of(
            "excfp_odoo.excfp_engagement_action", ENGAGEMENT_PARTIES
        )

    def action_view_excfp_liaisons(self):
        return self._excfp_action_of(
            "excfp_odoo.excfp_liaison_action", ("focal_point_id", "counterpart_id")
        )

    def action_view_excfp_roles(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "excfp_odoo.excfp_role_action"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action

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
            self.env["excfp.audience"]._on_email_changed(self, new_email)
        res = super().write(vals)
        if vals.get("exsitu_mailing_consent") == "opted_out":
            self.env["excfp.audience"].sudo()._opt_out(self)
        if vals.get("cpsg_status") in ("member", "declined", "not_member"):
            # The invitation was answered: nothing left to follow up.
            self.sudo().activity_feedback(
                ["excfp_odoo.mail_activity_type_cpsg_followup"],
                feedback=self.env._("The CPSG invitation was answered."),
            )
        return res

    # ---- Import ----

    def _load_records(self, data_list, update=False, ignore_duplicates=False):
        """Odoo's import matches rows to contacts by external id; rows without
        one are also matched by email (when exactly one contact has it), so
        that re-importing a community file updates rather than duplicates."""
        if self.env.context.get("import_file"):
            rows = {
                id(data): email_normalize(data["values"].get("email") or "")
                for data in data_list
                if not data.get("xml_id") and not data["values"].get("id")
            }
            matches = {}
            for partner in self.search(
                [("email_normalized", "in", list(rows.values()))]
            ):
                matches.setdefault(partner.email_normalized, []).append(partner.id)
            for data in data_list:
                found = matches.get(rows.get(id(data)), [])
                if rows.get(id(data)) and len(found) == 1:
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
            self.env["excfp.audience"].sudo()._on_bounced(bounced)
        return res

    def _message_reset_bounce(self, email):
        # The address answered: it works again, nothing left to fix.
        res = super()._message_reset_bounce(email)
        self.sudo().activity_feedback(
            ["excfp_odoo.mail_activity_type_fix_email"],
            feedback=self.env._("The address sent an email: it works."),
        )
        return res

    @api.model
    def _mailing_get_opt_out_list(self, mailing):
        """Mailings to contacts (not to a list) leave out those who opted out
        of the SSC's ex situ mailings, on any contact with their email; core
        has no opt-out for contacts besides the blacklist. With the batch's
        emails in the context (see mail.compose.message), only those."""
        domain = [("exsitu_mailing_consent", "=", "opted_out")]
        emails = self.env.context.get("mass_mailing_set_based_batch_emails")
        if emails is not None:
            domain.append(("email_normalized", "in", list(emails)))
        partners = self.sudo().with_context(active_test=True).search(domain)
        return {email for email in partners.mapped("email_normalized") if email}

    def _excfp_cpsg_answer_allowed(self, answer):
        """A focal point's answer to the CPSG invitation from the portal:
        accept, decline or none. The same answer again (a double
        submission) is allowed and changes nothing; a decline the status no
        longer allows comes from a stale form."""
        self.ensure_one()
        if answer == "decline":
            return self.cpsg_status in ("invited", "declined")
        return answer in ("", "accept")

    # ---- Scheduled actions ----

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
        owner = default_owner(self.env)
        schedule_followups(
            self, domain, activity_type, lambda partners: [(partners, owner, today)]
        )
