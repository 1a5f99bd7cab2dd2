# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime, timedelta
from unittest.mock import patch

from freezegun import freeze_time

from odoo.tests import users, warmup

from .common import ExcfpCase

PLAN_TYPES = {
    "excfp_odoo.mail_activity_type_welcome",
    "excfp_odoo.mail_activity_type_ack_reminder",
    "excfp_odoo.mail_activity_type_training_followup",
    "excfp_odoo.mail_activity_type_network_introduction",
}


class FollowupCase(ExcfpCase):
    def _activities(self, records, xmlid):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", records._name),
                ("res_id", "in", records.ids),
                ("activity_type_id", "=", self.env.ref(xmlid).id),
            ]
        )

    def _type_xmlids(self, activities):
        xmlids = activities.activity_type_id.get_external_id()
        return {xmlids[t.id] for t in activities.activity_type_id}


class TestOnboardingPlan(FollowupCase):
    @users("excfp_secretariat")
    def test_plan_launched_on_activation(self):
        with self.mock_mail_gateway():
            self._role(self.ana, "focal_point").with_user(
                self.user_secretariat
            ).action_activate()
        activities = self.ana.activity_ids
        self.assertEqual(
            self._type_xmlids(activities),
            PLAN_TYPES | {"excfp_odoo.mail_activity_type_cpsg_followup"},
            "a non-member also gets the CPSG invitation follow-up",
        )
        self.assertEqual(set(activities.user_id.ids), {self.user_secretariat.id})
        welcome = self._activities(self.ana, "excfp_odoo.mail_activity_type_welcome")
        self.assertEqual(welcome.date_deadline, date.today())
        self.assertIn(
            self.env.ref("excfp_odoo.mail_template_focal_point_welcome"),
            welcome.activity_type_id.mail_template_ids,
            "the welcome email is one click away",
        )
        self.assertTrue(
            any(
                "Focal point onboarding" in body
                for body in self.ana.message_ids.mapped("body")
            ),
            "the partner's chatter says the plan was started",
        )

    @users("excfp_secretariat")
    def test_plan_only_once_per_person(self):
        self.ana.cpsg_status = "member"
        other = self.env["excfp.specialist.group"].create(
            {"name": "Two", "code": "TWO-T"}
        )
        with self.mock_mail_gateway():
            self._role(self.ana, "focal_point").action_activate()
            self._role(self.ana, "focal_point", group=other).action_activate()
        welcome = self._activities(self.ana, "excfp_odoo.mail_activity_type_welcome")
        self.assertEqual(len(welcome), 1)

    @users("excfp_secretariat")
    def test_member_gets_plan_without_cpsg_followup(self):
        self.ben.cpsg_status = "member"
        with self.mock_mail_gateway():
            self._role(self.ben, "focal_point").action_activate()
        self.assertEqual(self._type_xmlids(self.ben.activity_ids), PLAN_TYPES)

    @users("excfp_secretariat")
    def test_archived_plan_is_not_launched(self):
        self.env.ref(
            "excfp_odoo.mail_activity_plan_focal_point_onboarding"
        ).active = False
        self.cai.cpsg_status = "member"
        with self.mock_mail_gateway():
            self._role(self.cai, "focal_point").action_activate()
        self.assertFalse(self.cai.activity_ids)


class TestScheduledActions(FollowupCase):
    def _liaison(self, received, **vals):
        return self.env["excfp.liaison"].create(
            {
                "name": "Ask",
                "group_id": self.group.id,
                "date_received": received,
                "user_id": self.user_secretariat.id,
                **vals,
            }
        )

    def test_overdue_liaison_followup_twice(self):
        late = self._liaison(datetime.now() - timedelta(days=60))
        fresh = self._liaison(datetime.now())
        answered = self._liaison(datetime.now() - timedelta(days=60))
        answered.action_answer()
        Liaison = self.env["excfp.liaison"]
        xmlid = "excfp_odoo.mail_activity_type_liaison_followup"
        with self.mock_mail_gateway():
            Liaison._cron_follow_up_overdue()
            Liaison._cron_follow_up_overdue()
        self.assertFalse(self._new_mails, "owners are not emailed per activity")
        followups = self._activities(late | fresh | answered, xmlid)
        self.assertEqual(followups.mapped("res_id"), late.ids)
        self.assertEqual(followups.user_id, self.user_secretariat)
        # done today: not created again today
        followups.action_done()
        Liaison._cron_follow_up_overdue()
        self.assertFalse(self._activities(late, xmlid))
        # answering closes an open follow-up
        late2 = self._liaison(datetime.now() - timedelta(days=60))
        Liaison._cron_follow_up_overdue()
        self.assertTrue(self._activities(late2, xmlid))
        late2.action_answer()
        self.assertFalse(self._activities(late2, xmlid))

    def test_resumes_in_batches(self):
        """A run handles one batch and asks to be called again; a run cut
        short (a crash before the next batch) leaves nothing half done and the
        next run picks up exactly what is left."""
        self.env["excfp.liaison"]._cron_follow_up_overdue()  # any other overdue ones
        requests = self.env["excfp.liaison"].browse(
            [self._liaison(datetime.now() - timedelta(days=60)).id for _i in range(5)]
        )
        xmlid = "excfp_odoo.mail_activity_type_liaison_followup"
        progress = []
        with (
            patch("odoo.addons.excfp_odoo.utils.CRON_BATCH_SIZE", 2),
            patch.object(
                type(self.env["ir.cron"]),
                "_notify_progress",
                lambda cron, done, remaining, deactivate=False: progress.append(
                    (done, remaining)
                ),
            ),
        ):
            Liaison = self.env["excfp.liaison"]
            Liaison._cron_follow_up_overdue()
            self.assertEqual(len(self._activities(requests, xmlid)), 2)
            for _run in range(3):
                Liaison._cron_follow_up_overdue()
        self.assertEqual(progress, [(2, 3), (2, 1), (1, 0), (0, 0)])
        followups = self._activities(requests, xmlid)
        self.assertEqual(sorted(followups.mapped("res_id")), sorted(requests.ids))

    def test_ack_reminder_twice_and_interval(self):
        self.ben.cpsg_status = "member"
        with self.mock_mail_gateway():
            self._role(self.ana, "focal_point", state="active")
            self._role(
                self.ben, "focal_point", state="active", group=self._group("ACK2")
            )
        documents = self.env["excfp.governance.document"].search(
            [("required_for_focal_points", "=", True)]
        )
        self.env["excfp.acknowledgement"].create(
            [{"partner_id": self.ben.id, "document_id": d.id} for d in documents]
        )
        subject = self.env.ref("excfp_odoo.mail_template_governance_reminder").subject
        with self.mock_mail_gateway():
            self.env["excfp.acknowledgement"]._cron_reminders()
            self.env["excfp.acknowledgement"]._cron_reminders()
        ours = self.ana | self.ben

        def reminders():
            return self._new_mails.filtered(
                lambda m: m.subject == subject and m.recipient_ids & ours
            )

        self.assertEqual(
            reminders().recipient_ids, self.ana, "once, and not to Ben who is complete"
        )
        self.assertEqual(len(reminders()), 1)
        self.assertEqual(self.ana.excfp_ack_reminder_date, date.today())
        with freeze_time(date.today() + timedelta(days=10)), self.mock_mail_gateway():
            self.env["excfp.acknowledgement"]._cron_reminders()
        self.assertFalse(reminders())
        with freeze_time(date.today() + timedelta(days=31)), self.mock_mail_gateway():
            self.env["excfp.acknowledgement"]._cron_reminders()
        self.assertEqual(reminders().recipient_ids, self.ana)

    def test_cpsg_followup(self):
        xmlid = "excfp_odoo.mail_activity_type_cpsg_followup"
        old = self.env["res.partner"].create(
            {
                "name": "Old Invite",
                "cpsg_status": "invited",
                "cpsg_invitation_date": date.today() - timedelta(days=45),
            }
        )
        recent = self.env["res.partner"].create(
            {
                "name": "Recent Invite",
                "cpsg_status": "invited",
                "cpsg_invitation_date": date.today() - timedelta(days=5),
            }
        )
        member = self.env["res.partner"].create(
            {
                "name": "Member",
                "cpsg_status": "member",
                "cpsg_invitation_date": date.today() - timedelta(days=45),
            }
        )
        Partner = self.env["res.partner"]
        Partner._cron_excfp_cpsg_followups()
        Partner._cron_excfp_cpsg_followups()
        activity = self._activities(old | recent | member, xmlid)
        self.assertEqual(activity.res_id, old.id)
        # done, then the next day: not chased again within the delay
        activity.action_done()
        Partner._cron_excfp_cpsg_followups()
        self.assertFalse(self._activities(old, xmlid))
        # an answered invitation closes its open follow-up
        recent.cpsg_invitation_date = date.today() - timedelta(days=45)
        Partner._cron_excfp_cpsg_followups()
        self.assertTrue(self._activities(recent, xmlid))
        recent.cpsg_status = "member"
        self.assertFalse(self._activities(recent, xmlid))

    def test_reappointment_review(self):
        xmlid = "excfp_odoo.mail_activity_type_reappointment_review"
        active = self._role(self.ana, "member", state="active")
        nominated = self._role(self.ben, "member")
        ended = self._role(self.cai, "member", state="ended")
        roles = active | nominated | ended
        Role = self.env["excfp.role"]
        Role._cron_reappointment_reviews()
        self.assertFalse(self._activities(roles, xmlid), "the term is not ending yet")
        with freeze_time(self.term_current.date_end - timedelta(days=30)):
            Role._cron_reappointment_reviews()
            Role._cron_reappointment_reviews()
        reviews = self._activities(roles, xmlid)
        self.assertEqual(reviews.res_id, active.id)
        self.assertEqual(reviews.date_deadline, self.term_current.date_end)

    def _group(self, code):
        return self.env["excfp.specialist.group"].create({"name": code, "code": code})


class TestScheduledActionQueries(FollowupCase):
    """The scheduled actions run a fixed number of queries per batch."""

    @users("__system__")
    @warmup
    def test_overdue_followup_queries(self):
        Liaison = self.env["excfp.liaison"]
        received = datetime.now() - timedelta(days=60)

        def make(count):
            return Liaison.create(
                [
                    {
                        "name": f"Ask {i}",
                        "group_id": self.group.id,
                        "date_received": received,
                        "user_id": self.user_secretariat.id,
                    }
                    for i in range(count)
                ]
            )

        make(1)
        Liaison._cron_follow_up_overdue()  # warms caches, handles any other data
        make(5)
        self.env.flush_all()
        with self.assertQueryCount(__system__=13):
            Liaison._cron_follow_up_overdue()
        make(50)
        self.env.flush_all()
        with self.assertQueryCount(__system__=13):
            Liaison._cron_follow_up_overdue()

    @users("__system__")
    @warmup
    def test_reappointment_queries(self):
        people = self.env["res.partner"].create([{"name": f"R{i}"} for i in range(60)])
        Role = self.env["excfp.role"]

        def make(partners):
            Role.create(
                [
                    {"partner_id": p.id, "group_id": self.group.id, "state": "active"}
                    for p in partners
                ]
            )

        with freeze_time(self.term_current.date_end - timedelta(days=30)):
            make(people[:1])
            Role._cron_reappointment_reviews()  # warms caches, handles any other data
            make(people[1:6])
            self.env.flush_all()
            with self.assertQueryCount(__system__=11):
                Role._cron_reappointment_reviews()
            make(people[6:])
            self.env.flush_all()
            with self.assertQueryCount(__system__=11):
                Role._cron_reappointment_reviews()

    @users("__system__")
    @warmup
    def test_ack_reminder_queries(self):
        Partner = self.env["res.partner"]
        groups = self.env["excfp.specialist.group"].create(
            [{"name": f"Q{i}", "code": f"Q-ACK-{i}"} for i in range(45)]
        )
        people = Partner.create(
            [
                {
                    "name": f"FP{i}",
                    "email": f"fp{i}@example.org",
                    "cpsg_status": "member",
                }
                for i in range(45)
            ]
        )

        def make(start, stop):
            with self.mock_mail_gateway():
                self.env["excfp.role"].create(
                    [
                        {
                            "partner_id": people[i].id,
                            "group_id": groups[i].id,
                            "role_type": "focal_point",
                            "state": "active",
                        }
                        for i in range(start, stop)
                    ]
                )
            self.env.flush_all()

        make(0, 1)
        with self.mock_mail_gateway():
            self.env[
                "excfp.acknowledgement"
            ]._cron_reminders()  # warms caches, handles any other data
        # the same number of queries for 4 focal points and for 40
        make(1, 5)
        with self.mock_mail_gateway(), self.assertQueryCount(__system__=32):
            self.env["excfp.acknowledgement"]._cron_reminders()
        make(5, 45)
        with self.mock_mail_gateway(), self.assertQueryCount(__system__=32):
            self.env["excfp.acknowledgement"]._cron_reminders()
        self.assertEqual(len(self._new_mails), 40)

    @users("__system__")
    @warmup
    def test_cpsg_followup_queries(self):
        Partner = self.env["res.partner"]

        def make(count):
            Partner.create(
                [
                    {
                        "name": f"Invited {i}",
                        "cpsg_status": "invited",
                        "cpsg_invitation_date": date.today() - timedelta(days=60),
                    }
                    for i in range(count)
                ]
            )
            self.env.flush_all()

        make(1)
        Partner._cron_excfp_cpsg_followups()  # warms caches, handles any other data
        make(5)
        with self.assertQueryCount(__system__=12):
            Partner._cron_excfp_cpsg_followups()
        make(50)
        with self.assertQueryCount(__system__=12):
            Partner._cron_excfp_cpsg_followups()
