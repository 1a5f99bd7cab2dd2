# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ExcfpExsituRole(models.Model):
    """A role ex situ management can play in a species' conservation, as the
    IUCN SSC Ex Situ Guidelines (2014) list them: insurance population,
    temporary rescue, genetic rescue..."""

    _name = "excfp.exsitu.role"
    _description = "Ex situ Role"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    description = fields.Text(translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "An ex situ role with this code already exists."),
    ]
