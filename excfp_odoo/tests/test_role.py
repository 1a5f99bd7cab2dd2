# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from freezegun import freeze_time
from psycopg2.errors import ExclusionViolation

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, users
from odoo.tools import mute_logger

from .common import ExcfpCase


class TestFocalPointActivation(ExcfpCase):
    def _cpsg_activities(self, partner):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "res.partner"),
                ("res_id", "in", partner.ids),
                (
                    "activity_type_id",
                    "=",
                    self.env.ref("excfp_odoo.mail_activity_type_cpsg_followup").id,
                ),
            ]
        )

    @users("excfp_secretariat")
    def test_activation_invites_non_member(self):
        role = self._role(self.ana, "focal_point")
        self.assertEqual(self.group.excfp_status, "nominated")
        self.assertEqual(self.group.focal_point_name, "Ana Test (nominated)")
        with self.mock_mail_gateway():
            role.with_user(self.user_secretariat).action_activate()
        today = fields.Date.context_today(role)
        self.assertEqual(role.state, "active")
        self.assertEqual(role.date_start, today)
        self.assertEqual(role.date_end, self.term_current.date_end)
        self.assertEqual(self.ana.cpsg_status, "invited")
        self.assertEqual(self.ana.cpsg_invitation_date, today)
        self.assertEqual(self.ana.cpsg_training_state, "encouraged")
        self.assertTrue(self.ana.is_excfp)
        # the invitation is queued for the mail queue, addressed to the focal point
        template = self.env.ref("excfp_odoo.mail_template_cpsg_invitation")
        mail = self._new_mails.filtered(lambda m: m.subject == template.subject)
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.state, "outgoing")
        self.assertEqual(mail.subject, template.subject)
        self.assertEqual(mail.recipient_ids, self.ana)
        self.assertIn("Ana Test", str(mail.body_html))
        self.assertIn(
            template.subject,
            self.ana.message_ids.mapped("subject"),
            "the invitation is in the partner's chatter",
        )
        activity = self._cpsg_activities(self.ana)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.user_secretariat)
        # ToR s.2: the focal point is a member of the group
        member = self.group.role_ids.filtered(lambda r: r.role_type == "member")
        self.assertEqual(member.partner_id, self.ana)
        self.assertEqual(member.state, "active")
        self.assertEqual(member.term_id, role.term_id)
        self.assertEqual(self.group.excfp_status, "covered")
        self.assertEqual(self.group.focal_point_ids, self.ana)
        self.assertEqual(self.group.focal_point_name, "Ana Test")
        self.assertEqual(self.group.member_count, 1)
        self.assertIn("CPSG invitation", self.group.message_ids[0].body)

    @users("excfp_secretariat")
    def test_activation_says_what_followed(self):
        role = self._role(self.ana, "focal_point")
        with self.mock_mail_gateway():
            action = role.with_user(self.user_secretariat).action_activate()
        params = action["params"]
        self.assertEqual(params["type"], "success")
        for said in (
            "Active: Ana Test, Ex situ Focal Point, Test Newt Specialist Group",
            "CPSG invitation queued for Ana Test.",
            "Portal invitation queued for Ana Test.",
            "Onboarding plan started for Ana Test.",
        ):
            self.assertIn(said, params["message"])
        # what could not be done is said, and stays on screen
        group = self.env["excfp.specialist.group"].create({"name": "G2", "code": "G2T"})
        nomail = self.env["res.partner"].create({"name": "Noe Nomail"})
        role = self._role(nomail, "focal_point", group=group)
        with self.mock_mail_gateway():
            params = role.with_user(self.user_secretariat).action_activate()["params"]
        self.assertEqual(params["type"], "warning")
        self.assertTrue(params["sticky"])
        self.assertIn(
            "Noe Nomail has no email: no CPSG invitation could be sent.",
            params["message"],
        )
        self.assertIn(
            "Noe Nomail could not be invited to the portal", params["message"]
        )

    @users("excfp_secretariat")
    def test_people_by_their_own_name(self):
        zoo = self.env["res.partner"].create({"name": "Zenda Zoo", "is_company": True})
        self.ana.parent_id = zoo
        role = self._role(self.ana)
        self.assertEqual(self.ana.display_name, "Zenda Zoo, Ana Test", "Odoo's own")
        self.assertEqual(
            self.ana.with_context(excfp_person_name=True).display_name, "Ana Test"
        )
        self.assertEqual((role.person_name, role.organisation_id), ("Ana Test", zoo))
        # as the group form's roles list reads them
        rows = self.group.role_ids.web_read(
            {
                "partner_id": {
                    "fields": {"display_name": {}},
                    "context": {"excfp_person_name": True},
                },
                "organisation_id": {"fields": {"display_name": {}}},
            }
        )
        row = next(r for r in rows if r["id"] == role.id)
        self.assertEqual(row["partner_id"]["display_name"], "Ana Test")
        self.assertEqual(row["organisation_id"]["display_name"], "Zenda Zoo")

    @users("excfp_secretariat")
    def test_newest_term_first(self):
        """Lists open on the current term, not on 2017-2020."""
        past = self._role(
            self.ana,
            state="ended",
            term_id=self.term_past.id,
            date_start=self.term_past.date_start,
            date_end=self.term_past.date_end,
        )
        current = self._role(self.ana)
        roles = self.env["excfp.role"].search([("partner_id", "=", self.ana.id)])
        self.assertEqual(roles.ids, [current.id, past.id])

    @users("excfp_secretariat")
    def test_end_role_with_date_and_reason(self):
        role = self._role(self.ana, "member", state="active")
        Wizard = (
            self.env["excfp.role.end.wizard"]
            .with_user(self.user_secretariat)
            .with_context(active_model="excfp.role", active_ids=role.ids)
        )
        wizard = Form(Wizard)
        self.assertEqual(wizard.role_ids[:], role)
        wizard.reason = "resigned"
        wizard.note = "Moved to another institution"
        wizard.date_end = fields.Date.today() + timedelta(days=3)
        with self.assertRaises(UserError):
            wizard.save().action_end()
        self.assertEqual(role.state, "active", "nothing ended")
        wizard = Form(Wizard)
        wizard.reason = "resigned"
        wizard.note = "Moved to another institution"
        wizard.save().action_end()
        self.assertEqual(role.state, "ended")
        self.assertEqual(role.end_reason, "resigned")
        note = self.group.message_ids[0].body
        self.assertIn("Resigned", note)
        self.assertIn("Moved to another institution", note)
        self.assertIn("Ana Test", note)

    @users("excfp_secretariat")
    def test_nominate_a_focal_point_for_a_vacant_group(self):
        self.assertEqual(self.group.excfp_status, "vacant")
        action = self.group.with_user(
            self.user_secretariat
        ).action_nominate_focal_point()
        form = Form(
            self.env[action["res_model"]]
            .with_user(self.user_secretariat)
            .with_context(**action["context"])
        )
        form.partner_id = self.ben
        role = form.save()
        self.assertEqual(
            (role.group_id, role.role_type, role.state),
            (self.group, "focal_point", "nominated"),
        )
        self.assertEqual(self.group.excfp_status, "nominated")

    @users("excfp_secretariat")
    def test_no_invitation_for_member_invited_declined(self):
        groups = self.env["excfp.specialist.group"].create(
            [
                {"name": f"Group {status}", "code": f"G-{status}"}
                for status in ("member", "invited", "declined")
            ]
        )
        partners = self.env["res.partner"].create(
            [
                {
                    "name": f"P {status}",
                    "cpsg_status": status,
                    "cpsg_invitation_date": date(2024, 1, 1),
                }
                for status in ("member", "invited", "declined")
            ]
        )
        with self.mock_mail_gateway():
            for partner, group in zip(partners, groups, strict=True):
                self._role(partner, "focal_point", group=group).action_activate()
        self.assertFalse(self._new_mails)
        self.assertEqual(
            partners.mapped("cpsg_status"), ["member", "invited", "declined"]
        )
        self.assertEqual(
            set(partners.mapped("cpsg_invitation_date")), {date(2024, 1, 1)}
        )
        self.assertEqual(set(partners.mapped("cpsg_training_state")), {"none"})
        self.assertFalse(self._cpsg_activities(partners))
        self.assertEqual(set(groups.mapped("excfp_status")), {"covered"})

    @users("excfp_secretariat")
    def test_create_active_in_current_term_invites(self):
        """An import of an active focal point counts as an activation."""
        with self.mock_mail_gateway():
            self._role(self.ana, "focal_point", state="active")
        self.assertEqual(self.ana.cpsg_status, "invited")
        subject = self.env.ref("excfp_odoo.mail_template_cpsg_invitation").subject
        invitations = self._new_mails.filtered(lambda m: m.subject == subject)
        self.assertEqual(len(invitations), 1)
        self.assertEqual(len(self._cpsg_activities(self.ana)), 1)

    @users("excfp_secretariat")
    def test_history_sends_nothing(self):
        past = self.term_past
        with self.mock_mail_gateway():
            self._role(
                self.ana,
                "focal_point",
                state="ended",
                term_id=past.id,
                date_start=past.date_start,
                date_end=past.date_end,
            )
            self._role(
                self.ben,
                "focal_point",
                state="active",
                term_id=past.id,
                date_start=past.date_start,
                date_end=past.date_end,
            )
            self._role(self.cai, "focal_point", state="ended")
        self.assertFalse(self._new_mails)
        self.assertEqual(
            (self.ana | self.ben | self.cai).mapped("cpsg_status"), ["not_member"] * 3
        )
        self.assertFalse(self._cpsg_activities(self.ana | self.ben | self.cai))
        # an active role whose end date has passed is history: it is ended
        ben_role = self.ben.excfp_role_ids
        self.assertEqual(ben_role.state, "ended")
        self.assertEqual(self.group.excfp_status, "vacant")

    @users("excfp_secretariat")
    def test_chair_keeps_single_role(self):
        """A Chair who becomes focal point holds an active role: no member role."""
        self._role(self.ana, "chair", state="active")
        with self.mock_mail_gateway():
            self._role(self.ana, "focal_point").action_activate()
        self.assertEqual(
            sorted(self.group.role_ids.mapped("role_type")), ["chair", "focal_point"]
        )
        self.assertTrue(self.group.has_chair_conflict)
        self.assertTrue(all(self.group.role_ids.mapped("has_chair_conflict")))
        self.assertEqual(self.group.chair_ids, self.ana)

    @users("excfp_secretariat")
    def test_existing_member_not_duplicated(self):
        self._role(self.ana, "member", state="active")
        with self.mock_mail_gateway():
            self._role(self.ana, "focal_point").action_activate()
        self.assertEqual(
            len(self.group.role_ids.filtered(lambda r: r.role_type == "member")), 1
        )


class TestRoleRules(ExcfpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Terms are the managers' configuration: made here, as superuser, so
        # that the test using it runs as the secretariat.
        Term = cls.env["excfp.term"]
        cls.term_future = Term.search(
            [("date_start", ">", cls.term_current.date_end)], limit=1
        ) or Term.create(
            {
                "name": "Future",
                "date_start": cls.term_current.date_end + timedelta(days=1),
                "date_end": cls.term_current.date_end + timedelta(days=1000),
            }
        )

    @users("excfp_secretariat")
    def test_second_active_focal_point_refused(self):
        with self.mock_mail_gateway():
            self._role(self.ana, "focal_point").action_activate()
        second = self._role(self.ben, "focal_point")
        with self.assertRaisesRegex(
            ValidationError, "already has an active Ex situ Focal Point, Ana Test"
        ):
            second.action_activate()
        self.assertEqual(second.state, "nominated")
        self.assertEqual(self.group.focal_point_ids, self.ana)
        with self.assertRaises(ValidationError):
            self._role(self.ben, "focal_point", state="active")

    # As superuser: raw SQL and ir.model.constraint, the system's.
    def test_database_enforces_one_active_focal_point(self):
        """Two concurrent activations each pass the Python check in their own
        transaction: the database is what stops the second one."""
        with self.mock_mail_gateway():
            self._role(self.ana, "focal_point").action_activate()
        second = self._role(self.ben, "focal_point")
        self.env.flush_all()
        with mute_logger("odoo.sql_db"), self.assertRaises(ExclusionViolation):
            with self.env.cr.savepoint():
                self.env.cr.execute(
                    "UPDATE excfp_role SET state = 'active' WHERE id = %s", [second.id]
                )
        constraint = self.env["ir.model.constraint"].search(
            [("name", "=", "excfp_role_one_active_focal_point")]
        )
        self.assertTrue(constraint, "the constraint is registered with its message")

    @users("excfp_secretariat")
    def test_end_before_start_refused(self):
        with self.assertRaisesRegex(ValidationError, "cannot end .* before it starts"):
            self._role(self.ana, date_start=date(2026, 5, 1), date_end=date(2026, 4, 1))
        role = self._role(self.ana, date_start=date(2026, 5, 1))
        with self.assertRaises(ValidationError):
            role.date_end = date(2026, 1, 1)
        self.assertEqual(role.date_start, date(2026, 5, 1))

    @users("excfp_secretariat")
    def test_end_and_status(self):
        with self.mock_mail_gateway():
            role = self._role(self.ana, "focal_point")
            role.action_activate()
        role.action_end()
        self.assertEqual(role.state, "ended")
        self.assertEqual(role.date_end, fields.Date.context_today(role))
        self.assertFalse(self.ana.is_excfp)
        self.assertEqual(self.group.excfp_status, "vacant")
        self.assertFalse(self.group.focal_point_ids)
        with self.assertRaisesRegex(UserError, "Create a new role"):
            role.action_activate()
        # a new focal point can now be activated
        with self.mock_mail_gateway():
            self._role(self.ben, "focal_point").action_activate()
        self.assertEqual(self.group.focal_point_ids, self.ben)

    @users("excfp_secretariat")
    def test_archive_ends_role(self):
        with self.mock_mail_gateway():
            role = self._role(self.ana, "focal_point")
            role.action_activate()
        role.action_archive()
        self.assertEqual(role.state, "ended")
        self.assertEqual(self.group.excfp_status, "vacant")
        self.assertFalse(self.ana.is_excfp)

    @users("excfp_secretariat")
    def test_roles_are_not_deleted(self):
        role = self._role(self.ana, "member", state="active")
        with self.assertRaisesRegex(UserError, "End or archive them instead"):
            role.with_user(self.user_manager).unlink()
        role.action_end()
        with self.assertRaises(UserError):
            role.with_user(self.user_manager).unlink()
        # a mistaken nomination may be removed by a manager
        nomination = self._role(self.ben, "member")
        nomination.with_user(self.user_manager).unlink()
        self.assertFalse(nomination.exists())

    @users("excfp_secretariat")
    def test_status_follows_role_changes(self):
        with self.mock_mail_gateway():
            fp = self._role(self.ana, "focal_point", state="active")
            self._role(self.ben, "chair", state="active")
        self.assertFalse(self.group.has_chair_conflict)
        # the focal point becomes Co-Chair as well: a conflict, not a block
        co_chair = self._role(self.ana, "co_chair")
        self.assertFalse(
            self.group.has_chair_conflict, "a nomination is no conflict yet"
        )
        co_chair.action_activate()
        self.assertTrue(self.group.has_chair_conflict)
        self.assertTrue(fp.has_chair_conflict)
        self.assertTrue(co_chair.has_chair_conflict)
        self.assertEqual(self.group.chair_ids, self.ana | self.ben)
        co_chair.action_end()
        self.assertFalse(self.group.has_chair_conflict)
        self.assertFalse(fp.has_chair_conflict)
        fp.action_end()
        self.assertEqual(self.group.excfp_status, "vacant")
        self.assertFalse(self.ana.is_excfp)
        self.assertEqual(
            self.group.member_count, 2, "Ana stays a member, Ben the Chair"
        )

    @users("excfp_secretariat")
    def test_history_cannot_be_rewritten(self):
        with self.mock_mail_gateway():
            fp = self._role(self.ana, "focal_point")
            fp.action_activate()
        for vals in (
            {"partner_id": self.ben.id},
            {"group_id": self._other_group().id},
            {"role_type": "member"},
            {"term_id": self.term_past.id},
        ):
            with self.assertRaisesRegex(UserError, "cannot change once the role"):
                fp.write(vals)
        fp.write({"partner_id": self.ana.id, "notes": "same person: allowed"})
        fp.action_end()
        for state in ("active", "nominated"):
            with self.assertRaisesRegex(UserError, "cannot go back from Ended"):
                fp.write({"state": state})
        with self.assertRaises(UserError):
            fp.with_user(self.user_manager).unlink()
        self.assertEqual(fp.state, "ended")
        self.assertEqual(self.ana.cpsg_status, "invited")
        # a nominated role may still be corrected
        nomination = self._role(self.ben, "focal_point")
        nomination.partner_id = self.cai
        self.assertEqual(nomination.partner_id, self.cai)

    def _other_group(self):
        return self.env["excfp.specialist.group"].create(
            {"name": "Other SG", "code": "OSG-T"}
        )

    @users("excfp_secretariat")
    def test_activation_outside_current_term_refused(self):
        past = self._role(self.ana, "focal_point", term_id=self.term_past.id)
        with self.assertRaisesRegex(UserError, "has ended"):
            past.action_activate()
        future_term = self.term_future
        future = self._role(
            self.ben, "focal_point", term_id=future_term.id, group=self._other_group()
        )
        with self.assertRaisesRegex(UserError, "stays nominated until then"):
            future.action_activate()
        self.assertEqual((past | future).mapped("state"), ["nominated", "nominated"])
        self.assertEqual(self.ana.cpsg_status, "not_member")

    # As superuser, as the scheduled action runs (OdooBot).
    def test_lapsed_nomination(self):
        """A nomination of a finished term no longer makes a group 'nominated'."""
        old = self._role(self.ana, "focal_point", term_id=self.term_past.id)
        self.assertEqual(self.group.excfp_status, "vacant")
        self._role(self.ben, "focal_point")
        self.assertEqual(self.group.excfp_status, "nominated")
        self.env["excfp.role"]._cron_end_expired_roles()
        self.assertEqual(old.state, "ended")
        self.assertEqual(old.date_end, self.term_past.date_end)

    @users("excfp_secretariat")
    def test_archive_with_future_end_date(self):
        role = self._role(self.ana, "member", state="active")
        role.write({"active": False, "date_end": date.today() + timedelta(days=90)})
        self.assertEqual(role.state, "ended")
        self.assertEqual(role.date_end, date.today())

    # As superuser, as the scheduled action runs (OdooBot).
    def test_end_date_passing_ends_role(self):
        with self.mock_mail_gateway():
            role = self._role(
                self.ana,
                "focal_point",
                state="active",
                date_end=date.today() + timedelta(days=3),
            )
        self.assertEqual(self.group.excfp_status, "covered")
        with freeze_time(date.today() + timedelta(days=5)):
            self.env["excfp.role"]._cron_end_expired_roles()
        self.assertEqual(role.state, "ended")
        self.assertEqual(self.group.excfp_status, "vacant")
        self.assertFalse(self.ana.is_excfp)
        # writing a past end date on an active role ends it as well
        with self.mock_mail_gateway():
            other = self._role(
                self.ben,
                "focal_point",
                state="active",
                date_start=date.today() - timedelta(days=30),
            )
        other.date_end = date.today() - timedelta(days=1)
        self.assertEqual(other.state, "ended")

    # As superuser: it reads the tracked field (ir.model.fields), which only
    # administrators read; the chatter shows it through mail's own sudo.
    def test_role_changes_tracked(self):
        role = self._role(self.ana, "member")
        # tracking is logged at commit time, and not for a record created in
        # the same transaction
        self.env.cr.precommit.run()
        role.action_activate()
        self.env.cr.precommit.run()
        tracked = role.message_ids.tracking_value_ids.mapped("field_id.name")
        self.assertIn("state", tracked)
