# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, time, timedelta

from odoo import api, fields, models
from odoo.tools import SQL, formatLang

from ..const import OPEN_STATES

# A nomination waiting longer than this is listed as "nominated too long".
NOMINATION_DAYS = 60


class ExcfpNetworkReport(models.AbstractModel):
    """The state of the ExCFP network for the SSC Steering Committee: the
    figures of a term (or a date range), for one group type or all, each
    computed by aggregates in a fixed number of queries whatever the size of
    the network, and each with the domain of the records it counts, so that
    a click on it opens exactly those."""

    _name = "excfp.network.report"
    _description = "State of the ExCFP Network"

    @api.model
    def _figures(
        self, term, group_type=False, date_from=None, date_to=None, groups=None
    ):
        """Every figure of the report for ``term`` (its dates unless
        ``date_from``/``date_to`` are given), for the groups of
        ``group_type`` (or all, or the ``groups`` given)."""
        date_from = date_from or term.date_start
        date_to = date_to or term.date_end
        if groups is None:
            groups = self._groups(group_type)
        figures = {
            "term": term,
            "group_type": group_type,
            "date_from": date_from,
            "date_to": date_to,
            "coverage": self._coverage(term, groups),
            "focal_points": self._focal_points(term, groups),
            "liaison": self._liaison(groups, date_from, date_to),
            "one_plan": self._one_plan(groups, date_from, date_to),
            "trend": self._trend(groups),
            "labels": self._labels(),
        }
        figures["sentences"] = self._sentences(figures)
        return figures

    @api.model
    def _sentences(self, figures):
        """The report's sentences, whole, in the context's language: a
        translator sees each with its placeholders, which the PDF template
        could not give them (QWeb cuts a sentence at each computed value)."""

        def number(value, digits=0):
            return formatLang(self.env, value, digits=digits)

        coverage, fps = figures["coverage"], figures["focal_points"]
        liaison = figures["liaison"]
        sentences = {
            "coverage": self.env._(
                "%(covered)s groups covered, %(nominated)s nominated, "
                "%(vacant)s vacant.",
                covered=len(coverage["covered"]),
                nominated=len(coverage["nominated"]),
                vacant=len(coverage["vacant"]),
            ),
            "focal_points": self.env._(
                "%(count)s focal points in the term.", count=fps["count"]
            ),
            "acknowledgements": self.env._(
                "Complete: %(complete)s, incomplete: %(incomplete)s.",
                complete=fps["ack_complete"],
                incomplete=fps["ack_incomplete"],
            ),
            "liaison": self.env._(
                "%(received)s requests received and %(sent)s sent; %(open)s open "
                "now, %(overdue)s overdue.",
                received=liaison["received"],
                sent=liaison["sent"],
                open=liaison["open"],
                overdue=liaison["overdue"],
            ),
        }
        if fps["ack_median"] is not None:
            sentences["acknowledgements"] += " " + self.env._(
                "Median completion: %(median)s%%.", median=number(fps["ack_median"])
            )
        if liaison["answered"]:
            sentences["answer_times"] = self.env._(
                "Working days to answer: median %(median)s, 90th percentile "
                "%(p90)s; %(share)s%% answered within the target of %(target)s "
                "working days.",
                median=number(liaison["median_days"], 1),
                p90=number(liaison["p90_days"], 1),
                share=number(100 * liaison["in_time_share"]),
                target=liaison["target_days"],
            )
        return sentences

    @api.model
    def _labels(self):
        """The selections' labels in the context's language."""
        env = self.env

        def labels(model, fname):
            return dict(env[model]._fields[fname]._description_selection(env))

        return {
            "group_type": labels("excfp.specialist.group", "group_type"),
            "cpsg_status": labels("res.partner", "cpsg_status"),
            "training": labels("res.partner", "cpsg_training_state"),
            "direction": labels("excfp.liaison", "direction"),
            "request_type": labels("excfp.liaison", "request_type"),
            "decision": labels("excfp.opportunity", "decision"),
            "redlist": labels("excfp.opportunity", "redlist_category"),
            "engagement_type": labels("excfp.engagement", "engagement_type"),
        }

    @api.model
    def _groups(self, group_type):
        domain = [("group_type", "=", group_type)] if group_type else []
        return self.env["excfp.specialist.group"].search_fetch(
            domain, ["name", "group_type"], order="name, id"
        )

    # ---- Coverage ----

    @api.model
    def _focal_point_roles(self, term, groups):
        return [
            ("role_type", "=", "focal_point"),
            ("term_id", "=", term.id),
            ("group_id", "in", groups.ids),
        ]

    @api.model
    def _coverage_of(self, rows, groups):
        """covered / nominated / vacant groups from (group, roles, roles that
        were activated) rows: a focal point who was active covers the group
        for the term; a nomination alone leaves it nominated."""
        covered = groups.browse([g.id for g, _n, active in rows if active])
        nominated = groups.browse([g.id for g, _n, active in rows if not active])
        return covered, nominated, groups - covered - nominated

    @api.model
    def _coverage(self, term, groups):
        Role = self.env["excfp.role"]
        rows = Role._read_group(
            self._focal_point_roles(term, groups),
            ["group_id"],
            ["__count", "date_start:count"],
        )
        covered, nominated, vacant = self._coverage_of(rows, groups)
        cutoff = fields.Datetime.now() - timedelta(days=NOMINATION_DAYS)
        waiting = Role.search_fetch(
            [
                *self._focal_point_roles(term, groups),
                ("state", "=", "nominated"),
                ("create_date", "<", cutoff),
            ],
            ["group_id"],
        ).group_id
        conflicts = Role.search_fetch(
            [
                ("term_id", "=", term.id),
                ("group_id", "in", groups.ids),
                ("has_chair_conflict", "=", True),
                ("role_type", "=", "focal_point"),
            ],
            ["group_id", "person_name"],
        )
        by_type = {}
        for group in groups:
            status = (
                "covered"
                if group in covered
                else "nominated"
                if group in nominated
                else "vacant"
            )
            counts = by_type.setdefault(
                group.group_type, {"covered": 0, "nominated": 0, "vacant": 0}
            )
            counts[status] += 1
        return {
            "covered": covered,
            "nominated": nominated,
            "vacant": vacant,
            "nominated_too_long": waiting,
            "conflicts": conflicts,
            "by_type": by_type,
        }

    # ---- Focal points ----

    @api.model
    def _focal_points(self, term, groups):
        """The people who held an active focal point role in the term."""
        domain = [
            (
                "excfp_role_ids",
                "any",
                [*self._focal_point_roles(term, groups), ("date_start", "!=", False)],
            )
        ]
        Partner = self.env["res.partner"]
        cpsg = dict(Partner._read_group(domain, ["cpsg_status"], ["__count"]))
        training = dict(
            Partner._read_group(domain, ["cpsg_training_state"], ["__count"])
        )
        acks = Partner._read_group(domain, ["governance_ack_count"], ["__count"])
        Document = self.env["excfp.governance.document"]
        ratios = sorted(
            ratio for done, count in acks for ratio in [Document._ratio(done)] * count
        )
        complete = sum(1 for ratio in ratios if ratio >= 100)
        return {
            "domain": domain,
            "count": len(ratios),
            "cpsg": cpsg,
            "training": training,
            "ack_complete": complete,
            "ack_incomplete": len(ratios) - complete,
            "ack_median": self._percentile(ratios, 0.5),
        }

    @staticmethod
    def _percentile(values, share):
        """The ``share`` percentile of sorted ``values`` (linear between the
        two nearest, as PostgreSQL's percentile_cont); None when empty."""
        if not values:
            return None
        position = (len(values) - 1) * share
        low = int(position)
        high = min(low + 1, len(values) - 1)
        return values[low] + (values[high] - values[low]) * (position - low)

    # ---- Liaison ----

    @api.model
    def _liaison_domain(self, groups, date_from, date_to):
        return [
            ("group_id", "in", groups.ids),
            ("date_received", ">=", datetime.combine(date_from, time.min)),
            ("date_received", "<=", datetime.combine(date_to, time.max)),
        ]

    @api.model
    def _liaison(self, groups, date_from, date_to):
        Liaison = self.env["excfp.liaison"]
        domain = self._liaison_domain(groups, date_from, date_to)
        by_type = Liaison._read_group(
            domain, ["direction", "request_type"], ["__count"]
        )
        target = Liaison._response_target_days()
        answered = Liaison._search([*domain, ("date_answered", "!=", False)])
        self.env.cr.execute(
            SQL(
                """
                SELECT count(*),
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY l.response_days),
                       percentile_cont(0.9) WITHIN GROUP (ORDER BY l.response_days),
                       count(*) FILTER (WHERE l.response_days <= %s)
                  FROM excfp_liaison l
                 WHERE l.id IN (%s)
                """,
                target,
                answered.select(SQL.identifier("excfp_liaison", "id")),
            )
        )
        count, median, p90, in_time = self.env.cr.fetchone()
        open_now = [("group_id", "in", groups.ids), ("state", "in", OPEN_STATES)]
        return {
            "domain": domain,
            "by_type": by_type,
            "received": sum(n for d, _t, n in by_type if d == "inbound"),
            "sent": sum(n for d, _t, n in by_type if d == "outbound"),
            "answered": count,
            "median_days": median,
            "p90_days": p90,
            "in_time_share": in_time / count if count else None,
            "target_days": target,
            "open": Liaison.search_count(open_now),
            "overdue": Liaison.search_count([*open_now, ("is_overdue", "=", True)]),
        }

    # ---- One Plan ----

    @api.model
    def _one_plan(self, groups, date_from, date_to):
        Opportunity = self.env["excfp.opportunity"]
        domain = [("group_id", "in", groups.ids)]
        decided = [
            *domain,
            ("stage_id.is_closed", "=", True),
            ("stage_id.is_dropped", "=", False),
        ]
        Engagement = self.env["excfp.engagement"]
        engagements = [
            ("group_id", "in", groups.ids),
            ("state", "!=", "cancelled"),
            ("date_start", ">=", datetime.combine(date_from, time.min)),
            ("date_start", "<=", datetime.combine(date_to, time.max)),
        ]
        return {
            "domain": domain,
            "by_stage": Opportunity._read_group(domain, ["stage_id"], ["__count"]),
            "by_decision": Opportunity._read_group(decided, ["decision"], ["__count"]),
            "by_category": Opportunity._read_group(
                domain, ["redlist_category"], ["__count"]
            ),
            "chosen_roles": Opportunity._read_group(
                [*decided, ("decision", "=", "include")],
                ["chosen_role_ids"],
                ["__count"],
            ),
            "engagement_domain": engagements,
            "engagements": Engagement._read_group(
                engagements, ["date_start:quarter", "engagement_type"], ["__count"]
            ),
        }

    # ---- Trend across terms ----

    @api.model
    def _trend(self, groups):
        """Coverage of each term, from the roles' history, for these groups."""
        terms = self.env["excfp.term"].search([], order="date_start")
        rows = self.env["excfp.role"]._read_group(
            [("role_type", "=", "focal_point"), ("group_id", "in", groups.ids)],
            ["term_id", "group_id"],
            ["__count", "date_start:count"],
        )
        by_term = {}
        for term, group, count, active in rows:
            by_term.setdefault(term, []).append((group, count, active))
        trend = []
        for term in terms:
            covered, nominated, vacant = self._coverage_of(
                by_term.get(term, []), groups
            )
            trend.append(
                {
                    "term": term,
                    "covered": len(covered),
                    "nominated": len(nominated),
                    "vacant": len(vacant),
                }
            )
        return trend
