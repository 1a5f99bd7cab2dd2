# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

TAXON_RANKS = [
    ("kingdom", "Kingdom"),
    ("phylum", "Phylum"),
    ("class", "Class"),
    ("order", "Order"),
    ("family", "Family"),
    ("genus", "Genus"),
    ("species", "Species"),
    ("informal", "Informal group"),
]


class ExcfpTaxon(models.Model):
    """A taxon a group covers, as a keyword: its scientific name, its rank
    and the common names people write (frogs, orchids), which the public
    directory searches and the liaison routing matches."""

    _name = "excfp.taxon"
    _description = "Taxon"
    _order = "name"

    name = fields.Char(required=True, help="Scientific name, e.g. Panthera.")
    rank = fields.Selection(TAXON_RANKS, required=True, default="informal")
    common_names = fields.Char(
        translate=True,
        help="Comma-separated, as people write them, e.g. frogs, toads, newts.",
    )
    group_ids = fields.Many2many(
        "excfp.specialist.group",
        "excfp_specialist_group_taxon_rel",
        "taxon_id",
        "group_id",
        string="Groups",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("name_rank_uniq", "unique(name, rank)", "This taxon exists already."),
    ]
