# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from dateutil.relativedelta import relativedelta
from lxml import etree

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tools.safe_eval import safe_eval

from .common import ExcfpCase


class TestNetworkReport(ExcfpCase):
    """The Steering Committee's figures on a network made by hand, each
    number known in advance."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Group = cls.env["excfp.specialist.group"]
        cls.g_covered, cls.g_nominated, cls.g_vacant, cls.g_conflict = Group.create(
            [
                {"name": "R1 Covered SG", "code": "R1", "group_type": "taxonomic_sg"},
                {"name": "R2 Nominated SG", "code": "R2", "group_type": "taxonomic_sg"},
                {"name": "R3 Vacant TF", "code": "R3", "group_type": "task_force"},
                {"name": "R4 Conflict TF", "code": "R4", "group_type": "task_force"},
            ]
        )
        cls.groups = cls.g_covered | cls.g_nominated | cls.g_vacant | cls.g_conflict
        term = cls.term_current
        start = term.date_start
        Role = cls.env["excfp.role"]

        def role(partner, group, role_type="focal_point", **vals):
            return Role.create(
                {
                    "partner_id": partner.id,
                    "group_id": group.id,
                    "role_type": role_type,
                    "term_id": term.id,
                    **vals,
                }
            )

        role(cls.ana, cls.g_covered, state="active", date_start=start)
        role(cls.ben, cls.g_nominated)
        role(
            cls.cai, cls.g_conflict, role_type="chair", state="active", date_start=start
        )
        role(cls.cai, cls.g_conflict, state="active", date_start=start)
        cls.ana.write({"cpsg_status": "member", "cpsg_training_state": "completed"})
        cls.cai.write({"cpsg_status": "invited", "cpsg_training_state": "encouraged"})
        documents = cls.env["excfp.governance.document"].browse(
            cls.env["excfp.governance.document"]._required_ids()
        )
        cls.env["excfp.acknowledgement"]._acknowledge(cls.ana, documents)
        # A past term: only the first group had a focal point then.
        if cls.term_past:
            role(cls.ana, cls.g_covered, term_id=cls.term_past.id)
            Role.search(
                [
                    ("term_id", "=", cls.term_past.id),
                    ("group_id", "=", cls.g_covered.id),
                ]
            ).write({"date_start": cls.term_past.date_start})
        Liaison = cls.env["excfp.liaison"]
        received = fields.Datetime.now() - timedelta(days=20)
        requests = Liaison.create(
            [
                {
                    "name": f"Request {days}",
                    "group_id": cls.g_covered.id,
                    "direction": "inbound",
                    "request_type": "information",
                    "date_received": received,
                }
                for days in (1, 2, 4, 8, 20)
            ]
            + [
                {
                    "name": "Outbound, open",
                    "group_id": cls.g_covered.id,
                    "direction": "outbound",
                    "request_type": "planning",
                    "date_received": received,
                }
            ]
        )
        answered = requests[:5]
        answered.write({"state": "answered", "date_answered": fields.Datetime.now()})
        # The working days each took, as the clock would have counted them.
        cls.env.flush_all()
        for request, days in zip(answered, (1, 2, 4, 8, 20), strict=True):
            cls.env.cr.execute(
                "UPDATE excfp_liaison SET response_days = %s WHERE id = %s",
                (days, request.id),
            )
        cls.env.invalidate_all()
        ref = cls.env.ref
        Opportunity = cls.env["excfp.opportunity"]
        insurance = ref("excfp_odoo.exsitu_role_insurance")
        Opportunity.create(
            [
                {
                    "name": "Step one",
                    "group_id": cls.g_covered.id,
                    "redlist_category": "CR",
                },
                {
                    "name": "Step one too",
                    "group_id": cls.g_vacant.id,
                    "redlist_category": "EN",
                },
                {
                    "name": "Included",
                    "group_id": cls.g_covered.id,
                    "redlist_category": "CR",
                    "species_name": "Bufo testii",
                    "status_review_notes": "<p>Known.</p>",
                    "exsitu_role_ids": [Command.set(insurance.ids)],
                    "population_notes": "<p>50.</p>",
                    "feasibility_notes": "<p>Yes.</p>",
                    "decision": "include",
                    "decision_rationale": "<p>Agreed.</p>",
                    "chosen_role_ids": [Command.set(insurance.ids)],
                    "stage_id": ref("excfp_odoo.opportunity_stage_decided").id,
                },
            ]
        )
        cls.env["excfp.engagement"].create(
            [
                {
                    "name": "Workshop",
                    "engagement_type": "workshop",
                    "group_id": cls.g_covered.id,
                },
                {
                    "name": "Meeting",
                    "engagement_type": "meeting",
                    "group_id": cls.g_vacant.id,
                },
            ]
        )

    def _figures(self, groups=None):
        return self.env["excfp.network.report"]._figures(
            self.term_current, groups=self.groups if groups is None else groups
        )

    def test_coverage(self):
        coverage = self._figures()["coverage"]
        self.assertEqual(coverage["covered"], self.g_covered | self.g_conflict)
        self.assertEqual(coverage["nominated"], self.g_nominated)
        self.assertEqual(coverage["vacant"], self.g_vacant)
        self.assertEqual(
            coverage["by_type"],
            {
                "taxonomic_sg": {"covered": 1, "nominated": 1, "vacant": 0},
                "task_force": {"covered": 1, "nominated": 0, "vacant": 1},
            },
        )
        self.assertEqual(coverage["conflicts"].group_id, self.g_conflict)
        self.assertFalse(coverage["nominated_too_long"])

    def test_focal_points(self):
        fps = self._figures()["focal_points"]
        self.assertEqual(fps["count"], 2)
        self.assertEqual(fps["cpsg"], {"member": 1, "invited": 1})
        self.assertEqual(fps["training"], {"completed": 1, "encouraged": 1})
        self.assertEqual((fps["ack_complete"], fps["ack_incomplete"]), (1, 1))
        self.assertEqual(fps["ack_median"], 50)
        self.assertEqual(
            self.env["res.partner"].search(fps["domain"]), self.ana | self.cai
        )

    def test_liaison(self):
        liaison = self._figures()["liaison"]
        self.assertEqual((liaison["received"], liaison["sent"]), (5, 1))
        self.assertEqual(liaison["answered"], 5)
        self.assertEqual(liaison["median_days"], 4)
        # 90th percentile of 1, 2, 4, 8, 20: 8 + 0.6 * (20 - 8)
        self.assertAlmostEqual(liaison["p90_days"], 15.2)
        # within the target of 10 working days: 4 of 5
        self.assertEqual(liaison["target_days"], 10)
        self.assertAlmostEqual(liaison["in_time_share"], 0.8)
        self.assertEqual(liaison["open"], 1)

    def test_one_plan(self):
        one_plan = self._figures()["one_plan"]
        by_stage = {stage.step: count for stage, count in one_plan["by_stage"]}
        self.assertEqual(by_stage, {1: 2, 0: 1})
        self.assertEqual(dict(one_plan["by_decision"]), {"include": 1})
        self.assertEqual(dict(one_plan["by_category"]), {"CR": 2, "EN": 1})
        self.assertEqual(
            dict(one_plan["chosen_roles"]),
            {self.env.ref("excfp_odoo.exsitu_role_insurance"): 1},
        )
        types = {etype: count for _quarter, etype, count in one_plan["engagements"]}
        self.assertEqual(types, {"workshop": 1, "meeting": 1})

    def test_trend_across_terms(self):
        trend = {row["term"]: row for row in self._figures()["trend"]}
        now = trend[self.term_current]
        self.assertEqual((now["covered"], now["nominated"], now["vacant"]), (2, 1, 1))
        if self.term_past:
            past = trend[self.term_past]
            self.assertEqual(
                (past["covered"], past["nominated"], past["vacant"]), (1, 0, 3)
            )

    def test_the_dashboards_coverage_opens_the_groups_it_counts(self):
        """The dashboard's coverage (a SQL view) agrees with the report, and
        its rows open the groups behind each figure."""
        Coverage = self.env["excfp.coverage.report"].with_user(self.user_secretariat)
        rows = Coverage.search(
            [
                ("term_id", "=", self.term_current.id),
                ("group_id", "in", self.groups.ids),
            ]
        )
        by_status = {
            status: rows.filtered(lambda r, s=status: r.status == s).group_id
            for status in ("covered", "nominated", "vacant")
        }
        coverage = self._figures()["coverage"]
        for status, groups in by_status.items():
            self.assertEqual(groups, coverage[status], status)
        counts = dict(
            Coverage._read_group(
                [
                    ("term_id", "=", self.term_current.id),
                    ("group_id", "in", self.groups.ids),
                ],
                ["status"],
                ["__count"],
            )
        )
        self.assertEqual(counts, {"covered": 2, "nominated": 1, "vacant": 1})
        with self.assertRaises(AccessError):
            self.env["excfp.coverage.report"].with_user(self.user_employee).search([])

    def _board(self):
        """The dashboard's figures as the web client opens them: each
        action's model and the domain the board gives it, evaluated as the
        client evaluates it, as the secretariat."""
        arch = etree.fromstring(
            self.env.ref("excfp_odoo.excfp_network_dashboard_view").arch
        )
        board = {}
        for node in arch.iter("action"):
            action = self.env["ir.actions.act_window"].browse(int(node.get("name")))
            domain = safe_eval(
                node.get("domain") or "[]",
                {
                    "context_today": lambda: fields.Date.context_today(self.env.user),
                    "relativedelta": relativedelta,
                },
            )
            model = self.env[action.res_model].with_user(self.user_secretariat)
            board[action.get_external_id()[action.id]] = (model, domain)
        return board

    def test_each_figure_of_the_dashboard_opens_the_records_it_counts(self):
        """A click on a figure of the dashboard opens a list of exactly the
        records the report counts for it."""
        # a nomination that has waited three months
        waiting = self.env["excfp.role"].search(
            [("group_id", "=", self.g_nominated.id), ("role_type", "=", "focal_point")]
        )
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE excfp_role SET create_date = now() - interval '90 days'"
            " WHERE id = %s",
            (waiting.id,),
        )
        self.env.invalidate_all()
        figures = self._figures()
        coverage, fps = figures["coverage"], figures["focal_points"]
        liaison, one_plan = figures["liaison"], figures["one_plan"]
        board = self._board()
        self.assertEqual(len(board), 10)
        ours = [("group_id", "in", self.groups.ids)]

        def opened(xml_id, extra=()):
            model, domain = board[f"excfp_odoo.{xml_id}"]
            return model.search([*domain, *extra])

        self.assertEqual(
            opened("excfp_specialist_group_action", [("id", "in", self.groups.ids)]),
            coverage["vacant"] | coverage["nominated"] | coverage["conflicts"].group_id,
        )
        self.assertEqual(coverage["nominated_too_long"], self.g_nominated)
        self.assertEqual(
            opened("excfp_role_action", ours).group_id, coverage["nominated_too_long"]
        )
        people = [("id", "in", (self.ana | self.ben | self.cai).ids)]
        self.assertEqual(
            opened("excfp_focal_point_action_report", people), self.ana | self.cai
        )
        self.assertEqual(fps["ack_incomplete"], 1)
        self.assertEqual(
            opened("excfp_focal_point_action_acknowledgements", people), self.cai
        )
        requests = opened("excfp_liaison_action_report", ours)
        self.assertEqual(
            sorted(
                (direction, rtype, count)
                for direction, rtype, count in liaison["by_type"]
            ),
            sorted(
                requests._read_group(
                    [("id", "in", requests.ids)],
                    ["direction", "request_type"],
                    ["__count"],
                )
            ),
        )
        answered = opened("excfp_liaison_action_response", ours)
        self.assertEqual(len(answered), liaison["answered"])
        decided = opened("excfp_opportunity_action_decision", ours)
        self.assertEqual(
            dict(one_plan["by_decision"]),
            dict(
                decided._read_group(
                    [("id", "in", decided.ids)], ["decision"], ["__count"]
                )
            ),
        )
        self.assertEqual(
            len(opened("excfp_opportunity_action_report", ours)),
            sum(count for _stage, count in one_plan["by_stage"]),
        )
        self.assertEqual(
            len(opened("excfp_engagement_action", ours)),
            sum(count for _q, _t, count in one_plan["engagements"]),
        )
        coverage_rows = opened(
            "excfp_coverage_report_action",
            [*ours, ("term_id", "=", self.term_current.id)],
        )
        self.assertEqual(
            coverage_rows.filtered(lambda r: r.status == "vacant").group_id,
            coverage["vacant"],
        )

    def test_a_constant_number_of_queries(self):
        """Ten groups or two hundred: the same number of queries."""
        Group = self.env["excfp.specialist.group"]
        small = Group.create([{"name": f"Q{i}", "code": f"Q{i}"} for i in range(10)])
        large = Group.create([{"name": f"L{i}", "code": f"L{i}"} for i in range(200)])
        # the same kinds of records in both: a focal point in every group
        partners = self.env["res.partner"].create(
            [{"name": f"FP {i}"} for i in range(210)]
        )
        self.env["excfp.role"].create(
            [
                {
                    "partner_id": partner.id,
                    "group_id": group.id,
                    "role_type": "focal_point",
                    "state": "active",
                    "date_start": self.term_current.date_start,
                }
                for partner, group in zip(partners, small | large, strict=True)
            ]
        )
        self.env.flush_all()
        Report = self.env["excfp.network.report"]
        Report._figures(self.term_current, groups=small)  # warm-up
        self.env.invalidate_all()
        start = self.cr.sql_log_count
        Report._figures(self.term_current, groups=small)
        few = self.cr.sql_log_count - start
        self.env.invalidate_all()
        with self.assertQueryCount(few):
            figures = Report._figures(self.term_current, groups=large)
        self.assertEqual(len(figures["coverage"]["covered"]), 200)
