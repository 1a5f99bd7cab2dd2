# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import SQL, drop_view_if_exists

from ..const import GROUP_TYPES


class ExcfpCoverageReport(models.Model):
    """Each group's focal point coverage in each term, from the roles'
    history (a SQL view, as core's reporting models): covered when a focal
    point role of the term was ever active, nominated when it had only
    nominations; before a term's roles exist, from its reappointment
    proposals (a focal point kept, or to decide); vacant otherwise. The
    dashboard's graphs and pivots count its rows, and a click opens exactly
    the groups they count."""

    _name = "excfp.coverage.report"
    _description = "Focal Point Coverage by Term"
    _auto = False
    _order = "term_start desc, group_id"
    _rec_name = "group_id"

    term_id = fields.Many2one("excfp.term", readonly=True)
    term_start = fields.Date(readonly=True)
    group_id = fields.Many2one("excfp.specialist.group", readonly=True)
    group_type = fields.Selection(GROUP_TYPES, readonly=True)
    status = fields.Selection(
        [
            ("covered", "Covered"),
            ("nominated", "Nominated"),
            ("kept", "Focal Point Kept"),
            ("proposed", "Focal Point to Decide"),
            ("vacant", "Vacant"),
        ],
        readonly=True,
        help="A term's roles decide; before they exist, the reappointment "
        "proposals for the term: a focal point kept, or still to decide.",
    )

    def init(self):
        drop_view_if_exists(self.env.cr, self._table)
        # One row per term and active group; its id, the pair's (terms are
        # few: a thousand of them per group before ids could meet).
        self.env.cr.execute(
            SQL(
                """
                CREATE VIEW %s AS
                SELECT g.id * 1000 + t.id AS id,
                       t.id AS term_id,
                       t.date_start AS term_start,
                       g.id AS group_id,
                       g.group_type AS group_type,
                       CASE WHEN bool_or(r.date_start IS NOT NULL) THEN 'covered'
                            WHEN count(r.id) > 0 THEN 'nominated'
                            WHEN bool_or(p.state IN ('confirmed', 'applied'))
                                THEN 'kept'
                            WHEN bool_or(p.state = 'proposed') THEN 'proposed'
                            ELSE 'vacant' END AS status
                  FROM excfp_term t
            CROSS JOIN excfp_specialist_group g
             LEFT JOIN excfp_role r
                    ON r.group_id = g.id AND r.term_id = t.id
                   AND r.role_type = 'focal_point' AND r.active
             LEFT JOIN excfp_reappointment p
                    ON p.group_id = g.id AND p.term_id = t.id
                   AND p.role_type = 'focal_point'
                 WHERE g.active
              GROUP BY t.id, g.id
                """,
                SQL.identifier(self._table),
            )
        )
