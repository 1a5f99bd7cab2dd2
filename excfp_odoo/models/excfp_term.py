# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ExcfpTerm(models.Model):
    """An SSC quadrennium: groups and memberships run from one IUCN World
    Conservation Congress to the next."""

    _name = "excfp.term"
    _description = "SSC Term"
    _order = "date_start desc"

    name = fields.Char(required=True, help="For example 2021-2025.")
    date_start = fields.Date(string="Start Date", required=True)
    date_end = fields.Date(string="End Date", required=True)
    is_current = fields.Boolean(
        string="Current Term",
        compute="_compute_is_current",
        search="_search_is_current",
        help="Today falls within this term.",
    )
    role_ids = fields.One2many("excfp.role", "term_id", string="Roles")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("name_uniq", "unique(name)", "A term with this name already exists."),
    ]

    @api.depends("date_start", "date_end")
    def _compute_is_current(self):
        today = fields.Date.context_today(self)
        for term in self:
            term.is_current = bool(
                term.date_start
                and term.date_end
                and term.date_start <= today <= term.date_end
            )

    def _search_is_current(self, operator, value):
        if operator not in ("=", "!="):
            raise NotImplementedError(self.env._("Unsupported search on current term."))
        today = fields.Date.context_today(self)
        domain = [("date_start", "<=", today), ("date_end", ">=", today)]
        if (operator == "=") == bool(value):
            return domain
        return ["!", "&", *domain]

    @api.constrains("date_start", "date_end")
    def _check_no_overlap(self):
        for term in self:
            if term.date_end < term.date_start:
                raise ValidationError(
                    self.env._("The term %s cannot end before it starts.", term.name)
                )
            overlapping = self.search(
                [
                    ("id", "!=", term.id),
                    ("date_start", "<=", term.date_end),
                    ("date_end", ">=", term.date_start),
                ],
                limit=1,
            )
            if overlapping:
                raise ValidationError(
                    self.env._(
                        "The term %(term)s overlaps the term %(other)s: SSC terms "
                        "follow one another.",
                        term=term.name,
                        other=overlapping.name,
                    )
                )

    @api.model
    def _get_current(self):
        return self.search([("is_current", "=", True)], limit=1)
