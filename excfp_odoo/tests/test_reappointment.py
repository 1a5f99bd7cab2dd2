# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from freezegun import freeze_time

from odoo import models
from odoo.exceptions import AccessError, UserError

from .common import ExcfpCase


class TestReappointment(ExcfpCase):
    """The turnover into the next term: proposals for the current term's
    active roles, the Chairs' decisions, and the kept ones appointed."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Term = cls.env["excfp.term"]
        start = cls.term_current.date_end + timedelta(days=1)
        # the demo data's next term, or one of the test's own
        cls.term_next = Term.search(
            [("date_start", ">", cls.term_current.date_end)], limit=1
        ) or Term.create(
            {
                "name": "Test next term",
                "date_start": start,
                "date_end": start + timedelta(days=4 * 365),
            }
        )
        Partner = cls.env["res.partner"]
        cls.dan, cls.eve = Partner.create(
            [
                {"name": "Dan Test", "email": "dan@example.org"},
                {"name": "Eve Test", "email": "eve@example.org"},
            ]
        )
        cls.group_other = cls.env["excfp.specialist.group"].create(
            {"name": "Test Other SG", "code": "TOSG", "group_type": "task_force"}
        )
        Role = cls.env["excfp.role"]

        def role(partner, role_type, group=None, state="active"):
            return Role.create(
                {
                    "partner_id": partner.id,
                    "group_id": (group or cls.group).id,
                    "role_type": role_type,
                    "state": state,
                }
            )

        # Ana's focal point role also makes her a member (ToR s.2).
        cls.ana.cpsg_status = "member"
        cls.role_fp = role(cls.ana, "focal_point")
        cls.role_member = role(cls.ben, "member")
        cls.role_chair = role(cls.cai, "chair")
        role(cls.dan, "member", state="nominated")  # not a member yet
        ended = role(cls.eve, "member")
        ended.action_end()
        cls.role_other = role(cls.eve, "member", group=cls.group_other)

    def _proposals(self, groups=None):
        return self.env["excfp.reappointment"].search(
            [
                ("term_id", "=", self.term_next.id),
                ("group_id", "in", (groups or self.group).ids),
            ]
        )

    def _prepare(self, groups=None):
        return self.env["excfp.reappointment"]._prepare(
            self.term_next, groups or self.group
        )

    def _by_key(self, proposals):
        return {(p.partner_id, p.role_type): p for p in proposals}

    def test_prepare_proposes_each_active_role_once(self):
        proposals = self._prepare()
        self.assertEqual(
            set(self._by_key(proposals)),
            {
                (self.ana, "focal_point"),
                (self.ana, "member"),
                (self.ben, "member"),
                (self.cai, "chair"),
            },
        )
        self.assertEqual(set(proposals.mapped("state")), {"proposed"})
        self.assertIn(self.role_fp, proposals.role_id)
        # again: nothing new, nothing changed
        self.assertFalse(self._prepare())
        self.assertEqual(self._proposals(), proposals)
        # the other group only when chosen
        self.assertFalse(self._proposals(self.group_other))
        self.assertEqual(
            self._prepare(self.group | self.group_other).role_id, self.role_other
        )

    def test_the_next_term_starts_after_the_current_one(self):
        with self.assertRaises(UserError):
            self.env["excfp.reappointment"]._prepare(self.term_current, self.group)

    def test_wizard_writes_to_the_chairs_of_groups_with_new_proposals(self):
        wizard = (
            self.env["excfp.reappointment.wizard"]
            .with_user(self.user_secretariat)
            .create({"term_id": self.term_next.id, "group_type": "taxonomic_sg"})
        )
        with self.mock_mail_gateway():
            action = wizard.action_prepare()
        self.assertEqual(action["res_model"], "excfp.reappointment")
        self.assertTrue(self._proposals())
        self.assertFalse(self._proposals(self.group_other), "another type")
        message = self.group.message_ids[:1]
        self.assertEqual(message.partner_ids, self.cai)
        self.assertIn("/my/ssc/reappointments", message.body)
        self.assertSentEmail(self.user_secretariat.partner_id, self.cai)
        # again: no new proposal, so no second email
        count = len(self.group.message_ids)
        wizard.action_prepare()
        self.assertEqual(len(self.group.message_ids), count)

    def test_keep_do_not_keep_and_one_focal_point(self):
        proposals = self._by_key(self._prepare())
        fp, ben = proposals[(self.ana, "focal_point")], proposals[(self.ben, "member")]
        ben.with_user(self.user_secretariat).action_do_not_keep()
        self.assertEqual(ben.state, "declined")
        self.assertEqual(ben.decided_by_id, self.user_secretariat)
        self.assertTrue(ben.decision_date)
        # a new focal point sets Ana's proposal aside
        dan = self.env["excfp.reappointment"]._propose_focal_point(
            self.group, self.dan, self.term_next
        )
        self.assertEqual((dan.state, dan.is_new_proposal), ("confirmed", True))
        self.assertEqual(fp.state, "declined")
        # keeping Ana again sets Dan's aside: one focal point a group
        fp.action_keep()
        self.assertEqual((fp.state, dan.state), ("confirmed", "declined"))
        with self.assertRaises(UserError):
            (fp | dan)._decide("confirmed")

    def test_keep_all_keeps_the_undecided_only(self):
        proposals = self._by_key(self._prepare())
        ben = proposals[(self.ben, "member")]
        ben.action_do_not_keep()
        self.env["excfp.reappointment"]._propose_focal_point(
            self.group, self.dan, self.term_next
        )
        kept = self._proposals()._keep_all()
        self.assertEqual(ben.state, "declined")
        self.assertEqual(proposals[(self.ana, "focal_point")].state, "declined")
        self.assertEqual(
            set(self._by_key(kept)), {(self.ana, "member"), (self.cai, "chair")}
        )

    def test_apply_appoints_the_kept_only_once(self):
        proposals = self._by_key(self._prepare())
        proposals[(self.ben, "member")].action_do_not_keep()
        proposals[(self.ana, "focal_point")].action_keep()
        proposals[(self.ana, "member")].action_keep()
        roles = self._proposals()._apply()
        self.assertEqual(
            {(r.partner_id, r.role_type, r.state, r.term_id) for r in roles},
            {
                (self.ana, "focal_point", "nominated", self.term_next),
                (self.ana, "member", "nominated", self.term_next),
            },
        )
        self.assertEqual(
            proposals[(self.ana, "focal_point")].new_role_ids.role_type, "focal_point"
        )
        self.assertEqual(proposals[(self.ana, "member")].state, "applied")
        self.assertEqual(proposals[(self.cai, "chair")].state, "proposed")
        # the current term's roles are untouched until it ends
        self.assertEqual(self.role_fp.state, "active")
        # again: nothing more
        self.assertFalse(self._proposals()._apply())
        with self.assertRaises(UserError):
            proposals[(self.ana, "member")].action_do_not_keep()
        # the group's focal point is appointed: no second one kept now
        with self.assertRaises(UserError):
            self.env["excfp.reappointment"]._propose_focal_point(
                self.group, self.dan, self.term_next
            )
        # activating before the term starts is refused
        proposals[(self.cai, "chair")].action_keep()
        with self.assertRaises(UserError):
            self._proposals()._apply(activate=True)

    def test_a_role_appointed_already_is_not_duplicated(self):
        proposals = self._by_key(self._prepare())
        existing = self._role(self.ben, "member", term_id=self.term_next.id)
        proposals[(self.ben, "member")].action_keep()
        self._proposals()._apply()
        self.assertEqual(proposals[(self.ben, "member")].new_role_ids, existing)
        self.assertEqual(
            self.env["excfp.role"].search_count(
                [("partner_id", "=", self.ben.id), ("term_id", "=", self.term_next.id)]
            ),
            1,
        )

    def test_the_first_day_of_the_term(self):
        """The scheduled action, twice, on the new term's first day: the old
        roles end, the kept ones are active once, with the usual rules."""
        documents = self.env["excfp.governance.document"].browse(
            self.env["excfp.governance.document"]._required_ids()
        )
        self.env["excfp.acknowledgement"]._acknowledge(self.ana, documents)
        acknowledged = self.ana.governance_ack_count
        proposals = self._by_key(self._prepare())
        self._proposals()._keep_all()
        proposals[(self.ben, "member")]._decide("declined")
        onboarding = self.env.ref(
            "excfp_odoo.mail_activity_plan_focal_point_onboarding"
        ).template_ids.activity_type_id
        with freeze_time(self.term_next.date_start), self.mock_mail_gateway():
            Reappointment = self.env["excfp.reappointment"]
            Reappointment._cron_apply()
            Reappointment._cron_apply()
            new_roles = self.env["excfp.role"].search(
                [("term_id", "=", self.term_next.id), ("group_id", "=", self.group.id)]
            )
            self.assertEqual(
                {(r.partner_id, r.role_type, r.state) for r in new_roles},
                {
                    (self.ana, "focal_point", "active"),
                    (self.ana, "member", "active"),
                    (self.cai, "chair", "active"),
                },
            )
            self.assertEqual(self.role_fp.state, "ended")
            self.assertEqual(self.role_member.state, "ended")
            # one active focal point; a CPSG member gets no new invitation and
            # a focal point onboarded before no second onboarding
            self.assertEqual(self.group.focal_point_ids, self.ana)
            self.assertEqual(self.ana.cpsg_status, "member")
            self.assertFalse(
                self.ana.activity_ids.filtered(
                    lambda a: (
                        a.activity_type_id in onboarding
                        and a.create_date.date() == self.term_next.date_start
                    )
                )
            )
            self.assertEqual(
                set(self._proposals().mapped("state")), {"applied", "declined"}
            )
            # her acknowledgements hold: the documents' versions decide
            self.ana.invalidate_recordset()
            self.assertEqual(self.ana.governance_ack_count, acknowledged)
            self.assertTrue(self.ana.governance_ack_complete)

    def test_roles_without_an_end_date_end_with_their_term(self):
        """An imported role may have no dates: it still ends with its term,
        on the date the term ended."""
        self.assertFalse(self.role_member.date_end)
        with freeze_time(self.term_next.date_start + timedelta(days=1)):
            self.env["excfp.role"]._cron_end_expired_roles()
        self.assertEqual(self.role_member.state, "ended")
        self.assertEqual(self.role_member.date_end, self.term_current.date_end)

    def test_the_secretariat_is_reminded_of_groups_still_to_decide(self):
        self._prepare(self.group | self.group_other)
        self._proposals(self.group_other)._keep_all()
        activity_type = self.env.ref(
            "excfp_odoo.mail_activity_type_reappointment_chairs"
        )
        Reappointment = self.env["excfp.reappointment"]
        with freeze_time(self.term_next.date_start - timedelta(days=30)):
            Reappointment._cron_remind_secretariat()
            self.assertFalse(self.group.activity_ids)
        with freeze_time(self.term_next.date_start - timedelta(days=10)):
            Reappointment._cron_remind_secretariat()
            Reappointment._cron_remind_secretariat()
            self.assertEqual(self.group.activity_ids.activity_type_id, activity_type)
            self.assertEqual(len(self.group.activity_ids), 1)
            self.assertFalse(self.group_other.activity_ids)

    def test_turnover_figures_of_the_term(self):
        term = self.term_next

        def figures():
            term.invalidate_recordset()
            return term.turnover_group_count, term.turnover_undecided_group_count

        groups, undecided = figures()
        self._prepare(self.group | self.group_other)
        self.assertEqual(figures(), (groups + 2, undecided + 2))
        self._proposals(self.group_other)._keep_all()
        self.assertEqual(figures(), (groups + 2, undecided + 1))
        self.assertEqual(
            term.turnover_progress,
            100.0 * (groups + 2 - undecided - 1) / (groups + 2),
        )
        action = term.action_view_undecided_groups()
        undecided_groups = self.env["excfp.specialist.group"].search(action["domain"])
        self.assertIn(self.group, undecided_groups)
        self.assertNotIn(self.group_other, undecided_groups)

    def test_the_next_terms_coverage_before_it_starts(self):
        """Before the new term's roles exist, its coverage shows what the
        Chairs kept, what is still to decide, and the vacancies."""
        Coverage = self.env["excfp.coverage.report"]
        vacant = self.env["excfp.specialist.group"].create(
            {"name": "Test Vacant SG", "code": "TVAC"}
        )
        self._prepare(self.group | self.group_other | vacant)

        def status():
            self.env.flush_all()
            Coverage.invalidate_model()  # a view: its rows change under it
            rows = Coverage.search(
                [
                    ("term_id", "=", self.term_next.id),
                    ("group_id", "in", (self.group | vacant).ids),
                ]
            )
            return {row.group_id: row.status for row in rows}

        self.assertEqual(status(), {self.group: "proposed", vacant: "vacant"})
        self._by_key(self._proposals())[(self.ana, "focal_point")].action_keep()
        self.assertEqual(status()[self.group], "kept")
        self._proposals()._apply()
        self.assertEqual(status()[self.group], "nominated")
        action = self.term_next.action_view_coverage()
        self.assertEqual(action["res_model"], "excfp.coverage.report")

    def test_access(self):
        self._prepare()
        Reappointment = self.env["excfp.reappointment"]
        ours = [("term_id", "=", self.term_next.id), ("group_id", "=", self.group.id)]
        self.assertEqual(
            Reappointment.with_user(self.user_secretariat).search_count(ours), 4
        )
        # an employee who chairs no group sees none, and writes none
        self.assertFalse(
            Reappointment.with_user(self.user_employee).search(
                [("term_id", "=", self.term_next.id)]
            )
        )
        with self.assertRaises(AccessError):
            self._proposals()[:1].with_user(self.user_employee).write(
                {"state": "confirmed"}
            )
        # an employee who chairs the group sees its proposals, while a Chair
        co_chair = self._role(self.user_employee.partner_id, "co_chair", state="active")
        chaired = Reappointment.with_user(self.user_employee).search(
            [("term_id", "=", self.term_next.id)]
        )
        self.assertEqual(len(chaired), 4)
        co_chair.action_end()
        self.assertFalse(
            Reappointment.with_user(self.user_employee).search(
                [("term_id", "=", self.term_next.id)]
            )
        )

    def _network(self, size, code):
        """``size`` active members of the current term in groups of 20."""
        Group = self.env["excfp.specialist.group"]
        groups = Group.create(
            [{"name": f"{code} {i}", "code": f"{code}{i}"} for i in range(size // 20)]
        )
        partners = self.env["res.partner"].create(
            [{"name": f"{code} person {i}"} for i in range(size)]
        )
        self.env["excfp.role"].create(
            [
                {
                    "partner_id": partner.id,
                    "group_id": groups[i // 20].id,
                    "role_type": "member",
                    "state": "active",
                }
                for i, partner in enumerate(partners)
            ]
        )
        self.env.flush_all()
        return groups

    def _queries(self, operation):
        self.env.invalidate_all()
        start = self.cr.sql_log_count
        operation()
        self.env.flush_all()
        return self.cr.sql_log_count - start

    def test_no_query_per_role(self):
        """Preparing, keeping and applying the turnover of 20 roles or of
        400: the same number of queries. Core writes 100 rows a statement;
        a batch of 1000 here shows the addon's own queries alone."""
        self.patch(models, "INSERT_BATCH_SIZE", 1000)
        self.patch(models, "UPDATE_BATCH_SIZE", 1000)
        Reappointment = self.env["excfp.reappointment"]
        warm = self._network(20, "W")
        small, large = self._network(20, "S"), self._network(400, "L")
        for groups in (warm, small, large):
            groups.invalidate_recordset()
        counts = {}
        for name, groups in (("warm", warm), ("small", small), ("large", large)):
            counts[name] = (
                self._queries(
                    lambda g=groups: Reappointment._prepare(self.term_next, g)
                ),
                self._queries(lambda g=groups: self._proposals(g)._keep_all()),
                self._queries(lambda g=groups: self._proposals(g)._apply()),
            )
        # the first day of the term: the old roles end, the new ones start
        with freeze_time(self.term_next.date_start):
            for name, groups in (("warm", warm), ("small", small), ("large", large)):
                roles = self._proposals(groups).new_role_ids
                counts[name] += (
                    self._queries(lambda r=roles: Reappointment._activate(r)),
                )
        self.assertEqual(len(self._proposals(large).new_role_ids), 400)
        self.assertEqual(
            set(self._proposals(large).new_role_ids.mapped("state")), {"active"}
        )
        self.assertEqual(counts["small"], counts["large"], counts)
