# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools import SQL

from ..const import CRON_BATCH_SIZE
from ..utils import get_days


class ExcfpAcknowledgement(models.Model):
    """A person's statement that they have read one version of a document."""

    _name = "excfp.acknowledgement"
    _description = "Governance Acknowledgement"
    _order = "date desc, id desc"
    _rec_name = "document_id"

    partner_id = fields.Many2one(
        "res.partner", string="Person", required=True, index=True, ondelete="restrict"
    )
    document_id = fields.Many2one(
        "excfp.governance.document",
        required=True,
        index=True,
        ondelete="restrict",
    )
    version = fields.Char(
        required=True,
        compute="_compute_version",
        store=True,
        readonly=False,
        precompute=True,
        help="Version of the document that was acknowledged; "
        "the document's current version by default.",
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    channel = fields.Selection(
        [
            ("back_office", "Back office"),
            ("portal", "Portal"),
            ("email", "Email"),
        ],
        required=True,
        default="back_office",
    )
    evidence_id = fields.Many2one(
        "ir.attachment",
        ondelete="restrict",
        help="The signed form or the email that records it, kept on the contact.",
    )
    is_current = fields.Boolean(
        string="Current Version",
        compute="_compute_is_current",
        store=True,
        help="The acknowledged version is the document's current version.",
    )
    category = fields.Selection(related="document_id.category", store=True)

    _sql_constraints = [
        (
            "partner_document_version_uniq",
            "unique(partner_id, document_id, version)",
            "This person has already acknowledged this version of the document.",
        ),
    ]

    @api.depends("document_id")
    def _compute_version(self):
        for ack in self:
            ack.version = ack.version or ack.document_id.version

    @api.depends("version", "document_id.version")
    def _compute_is_current(self):
        for ack in self:
            ack.is_current = ack.version == ack.document_id.version

    @api.depends("document_id.name", "version")
    def _compute_display_name(self):
        for ack in self:
            if not ack.document_id:
                # a new acknowledgement, its document not chosen yet
                ack.display_name = self.env._("New Acknowledgement")
            elif not ack.version:
                ack.display_name = ack.document_id.name
            else:
                ack.display_name = self.env._(
                    "%(document)s (version %(version)s)",
                    document=ack.document_id.name,
                    version=ack.version,
                )

    @api.model
    def _current_counts(self, partners):
        """{partner: how many of the required documents they acknowledged in
        their current version}. One current acknowledgement per document
        and person (the version is unique per person and document): a count
        of rows is one of documents."""
        domain = [
            ("partner_id", "in", partners.ids),
            ("is_current", "=", True),
            ("document_id.required_for_focal_points", "=", True),
            ("document_id.is_available", "=", True),
            ("document_id.active", "=", True),
        ]
        return dict(self.sudo()._read_group(domain, ["partner_id"], ["__count"]))

    @api.model
    def _current_of(self, partner, documents, field_names=("document_id", "date")):
        """``partner``'s acknowledgements of the current version of
        ``documents``, with ``field_names`` read in the same query."""
        return self.sudo().search_fetch(
            [
                ("partner_id", "=", partner.id),
                ("document_id", "in", documents.ids),
                ("is_current", "=", True),
            ],
            list(field_names),
        )

    @api.model
    def _acknowledge(self, partner, documents, channel="portal"):
        """Acknowledge for ``partner`` the current version of ``documents``.
        Versions already acknowledged are skipped, so a repeated submission
        records nothing."""
        partner.ensure_one()
        # Two submissions at once: the second waits on this row, then fails to
        # serialise and Odoo replays it, when it finds nothing left to record.
        # An update, not a lock (SELECT ... FOR NO KEY UPDATE NOWAIT): under
        # REPEATABLE READ a row only locked by a transaction that committed
        # since this one's snapshot passes, and the insert then breaks the
        # unique constraint, which Odoo does not replay (see the test).
        self.env.cr.execute(
            SQL(
                "UPDATE res_partner SET write_date = write_date WHERE id = %s",
                partner.id,
            )
        )
        _required, outstanding = self.env["excfp.governance.document"]._required_for(
            partner
        )
        return self.sudo().create(
            [
                {
                    "partner_id": partner.id,
                    "document_id": document.id,
                    "version": document.version,
                    "channel": channel,
                }
                for document in outstanding & documents
            ]
        )

    @api.model
    def _cron_reminders(self):
        """Remind focal points of the documents they have not acknowledged, at
        most once per reminder interval; none once they are complete.

        The reminder date is written with the emails, in the same transaction:
        a second run, or a run after a crash, picks up only who is left.
        """
        Partner = self.env["res.partner"]
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
        partners = Partner.search(domain, limit=CRON_BATCH_SIZE)
        if partners:
            partners.write({"excfp_ack_reminder_date": today})
            # Odoo's mass mail composer renders and queues the batch at once,
            # keeping a copy of each email in the partner's chatter.
            self.env["mail.compose.message"].with_context(
                default_composition_mode="mass_mail",
                default_model=Partner._name,
                default_res_ids=partners.ids,
                default_template_id=self.env.ref(
                    "excfp_odoo.mail_template_governance_reminder"
                ).id,
            ).create(
                {"auto_delete": True, "auto_delete_keep_log": True, "force_send": False}
            )._action_send_mail()
        self.env["ir.cron"]._notify_progress(
            done=len(partners), remaining=Partner.search_count(domain)
        )
