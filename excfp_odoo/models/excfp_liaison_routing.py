# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.tools import SQL

# PostgreSQL's text search configurations for the languages people write to
# the SSC in; any other language is read as English.
TS_CONFIGS = {"en": "english", "fr": "french", "es": "spanish"}
# A suggestion routes by itself when it is at least this far ahead of the
# next group (ratio of the ranks), and above a floor (a single weak word).
CONFIDENT_RATIO = 2.0
CONFIDENT_MIN_RANK = 0.1


class ExcfpLiaisonRouting(models.AbstractModel):
    """Which group a request's text is about: its words matched against each
    group's name, code, taxa (scientific and common names) and scope by
    PostgreSQL's full-text search, in the language of the text where
    PostgreSQL has a configuration for it. A group clearly ahead of the
    others is a confident match."""

    _name = "excfp.liaison.routing"
    _description = "Liaison Routing by Text"

    @api.model
    def _ts_config(self, lang):
        return TS_CONFIGS.get((lang or "en")[:2], "english")

    @api.model
    def _ranked_groups(self, text, lang=None, limit=3):
        """[(group, rank)] best first, the groups whose words the text has;
        one query whatever the number of groups."""
        if not (text or "").strip():
            return []
        config = self._ts_config(lang)
        code = lang or "en_US"  # the SQL falls back to English
        self.env.cr.execute(
            SQL(
                """
                WITH q AS (
                    -- any of the text's words, not all of them
                    SELECT replace(
                        plainto_tsquery(%(config)s::regconfig, %(text)s)::text,
                        ' & ', ' | ')::tsquery AS query
                ), docs AS (
                    SELECT g.id,
                           setweight(to_tsvector(%(config)s::regconfig,
                               coalesce(g.name->>%(code)s, g.name->>'en_US', '')
                               || ' ' || coalesce(g.code, '')
                               || ' ' || coalesce(g.taxon_group, '')), 'A')
                           || setweight(to_tsvector(%(config)s::regconfig,
                               coalesce(string_agg(
                                   t.name || ' ' || coalesce(
                                       t.common_names->>%(code)s,
                                       t.common_names->>'en_US', ''), ' '), '')), 'A')
                           || setweight(to_tsvector(%(config)s::regconfig,
                               coalesce(g.scope, '')), 'C') AS doc
                      FROM excfp_specialist_group g
                 LEFT JOIN excfp_specialist_group_taxon_rel r ON r.group_id = g.id
                 LEFT JOIN excfp_taxon t ON t.id = r.taxon_id AND t.active
                     WHERE g.active
                  GROUP BY g.id
                )
                SELECT docs.id, ts_rank(docs.doc, q.query) AS rank
                  FROM docs, q
                 WHERE q.query::text != '' AND docs.doc @@ q.query
              ORDER BY rank DESC, docs.id
                 LIMIT %(limit)s
                """,
                config=config,
                text=text[:20000],
                code=code,
                limit=limit,
            )
        )
        rows = self.env.cr.fetchall()
        groups = self.env["excfp.specialist.group"].browse([gid for gid, _r in rows])
        return list(zip(groups, [rank for _gid, rank in rows], strict=True))

    @api.model
    def _confident(self, ranked):
        """The group of a confident match (one group clearly ahead), or an
        empty recordset."""
        if not ranked:
            return self.env["excfp.specialist.group"]
        best, rank = ranked[0]
        second = ranked[1][1] if len(ranked) > 1 else 0.0
        if rank >= CONFIDENT_MIN_RANK and rank >= CONFIDENT_RATIO * second:
            return best
        return self.env["excfp.specialist.group"]
