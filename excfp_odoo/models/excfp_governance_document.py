# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import operator as py_operator

from odoo import api, fields, models, tools
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_round

OPERATORS = {
    "=": py_operator.eq,
    "!=": py_operator.ne,
    "<": py_operator.lt,
    "<=": py_operator.le,
    ">": py_operator.gt,
    ">=": py_operator.ge,
}


class ExcfpGovernanceDocument(models.Model):
    """A governing document focal points are asked to become familiar with
    (annex of the Terms of Reference, and the Ex Situ Guidelines)."""

    _name = "excfp.governance.document"
    _description = "Governance Document"
    _inherit = ["mail.thread"]
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    category = fields.Selection(
        [
            ("governance_framework", "Governance Framework"),
            ("terms_of_reference", "Terms of Reference"),
            ("guidelines", "Guidelines"),
        ],
        required=True,
        default="governance_framework",
    )
    version = fields.Char(
        required=True,
        default="1",
        tracking=True,
        help="Changing the version asks everyone to acknowledge the document again.",
    )
    url = fields.Char(string="Link")
    # The document itself, for one that has no web address: focal points
    # open it from the portal.
    file = fields.Binary(attachment=True)
    file_name = fields.Char()
    is_available = fields.Boolean(
        string="Available",
        compute="_compute_is_available",
        store=True,
        help="The document has a link or a file: focal points can read it, so it "
        "can be acknowledged. Until then it is shown as not yet available.",
    )
    sequence = fields.Integer(default=10)
    required_for_focal_points = fields.Boolean(default=True)
    active = fields.Boolean(default=True)
    acknowledgement_ids = fields.One2many("excfp.acknowledgement", "document_id")
    acknowledgement_count = fields.Integer(compute="_compute_acknowledgement_count")

    _sql_constraints = [
        (
            "code_uniq",
            "unique(code)",
            "A governance document with this code already exists.",
        ),
    ]

    @api.model
    def _required_domain(self):
        """The documents asked of focal points: required, and readable."""
        return [("required_for_focal_points", "=", True), ("is_available", "=", True)]

    @api.model
    @tools.ormcache()
    def _required_ids(self):
        """Ids of the documents required of focal points. A dozen documents
        that change a few times a year, asked by every portal page of a
        focal point: cached, and cleared (in every worker) when one changes."""
        return tuple(self.sudo().search(self._required_domain()).ids)

    @api.model
    def _required_unavailable(self):
        """Required, but with neither link nor file yet: listed to focal
        points as not yet available, not acknowledgeable."""
        return self.sudo().search(
            [("required_for_focal_points", "=", True), ("is_available", "=", False)]
        )

    @api.model
    def _required_for(self, partner):
        """The documents required of focal points, and those of them whose
        current version ``partner`` has not acknowledged yet."""
        partner.ensure_one()
        documents = self.sudo().browse(self._required_ids())
        done = (
            self.env["excfp.acknowledgement"]
            ._current_of(partner, documents, ["document_id"])
            .document_id
        )
        return documents, documents - done

    @api.model
    def _ratio(self, done):
        """The share of the required documents that ``done`` current
        acknowledgements make, in percent, rounded half up; 100 when
        nothing is required."""
        required = len(self._required_ids())
        if not required:
            return 100
        return int(float_round(100 * done / required, precision_digits=0))

    @api.model
    def _counts_with_ratio(self, operator, value):
        """The acknowledgement counts whose ratio compares with ``value``:
        a ratio is one of a few values (a count from 0 to the number of
        required documents), so a search on it becomes a plain condition on
        the people's stored count, which PostgreSQL tests on the rows the
        other conditions select (the few focal points)."""
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
        compare = OPERATORS[operator]
        return [
            done
            for done in range(len(self._required_ids()) + 1)
            if compare(self._ratio(done), value)
        ]

    @api.model_create_multi
    def create(self, vals_list):
        documents = super().create(vals_list)
        self.env.registry.clear_cache()
        return documents

    def write(self, vals):
        res = super().write(vals)
        self.env.registry.clear_cache()
        return res

    def unlink(self):
        res = super().unlink()
        self.env.registry.clear_cache()
        return res

    @api.depends("url", "file")
    def _compute_is_available(self):
        for document in self:
            document.is_available = bool(document.url or document.file)

    @api.constrains("url")
    def _check_url(self):
        # Focal points open the link from the portal: a web address only.
        for document in self:
            if document.url and not document.url.startswith(("https://", "http://")):
                raise ValidationError(
                    self.env._(
                        "The link of %s must be a web address (https://...).",
                        document.name,
                    )
                )

    @api.depends("acknowledgement_ids.is_current")
    def _compute_acknowledgement_count(self):
        counts = dict(
            self.env["excfp.acknowledgement"]._read_group(
                [("document_id", "in", self.ids), ("is_current", "=", True)],
                ["document_id"],
                ["__count"],
            )
        )
        for document in self:
            document.acknowledgement_count = counts.get(document, 0)

    def action_view_acknowledgements(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "excfp_odoo.excfp_acknowledgement_action"
        )
        action["domain"] = [("document_id", "=", self.id)]
        action["context"] = {
            "default_document_id": self.id,
            "search_default_filter_current": 1,
        }
        return action
