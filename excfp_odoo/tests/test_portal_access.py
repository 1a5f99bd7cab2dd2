# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import users

from .common import ExcfpCase


class TestPortalInvitation(ExcfpCase):
    @users("excfp_secretariat")
    def test_new_focal_point_invited_to_portal(self):
        with self.mock_mail_gateway():
            self._role(self.ana, "focal_point").action_activate()
        user = self.ana.user_ids
        self.assertEqual(len(user), 1)
        self.assertTrue(user._is_portal())
        self.assertEqual(user.login, "ana@example.org")

    @users("excfp_secretariat")
    def test_invitation_is_queued(self):
        """Queued as the CPSG invitation is, not sent during the activation:
        with the mail server down it would end in an error nobody retries."""
        with self.mock_mail_gateway():
            self._role(self.ana, "focal_point").action_activate()
        invitation = self._new_mails.filtered(lambda m: m.model == "portal.wizard.user")
        self.assertEqual(len(invitation), 1)
        self.assertEqual(invitation.state, "outgoing")
        self.assertIn(
            "ana@example.org", invitation.email_to or invitation.recipient_ids.email
        )

    def test_setting_off_and_existing_users(self):
        self.env["ir.config_parameter"].set_param(
            "excfp_odoo.portal_invite_focal_points", "False"
        )
        settings = self.env["res.config.settings"].create({})
        self.assertFalse(settings.excfp_portal_invite)
        with self.mock_mail_gateway():
            self._role(self.ana, "focal_point").action_activate()
        self.assertFalse(self.ana.user_ids)
        self.env["ir.config_parameter"].set_param(
            "excfp_odoo.portal_invite_focal_points", "True"
        )
        # an internal user keeps their back-office access
        internal = self.user_secretariat.partner_id
        group = self.env["excfp.specialist.group"].create({"name": "I", "code": "I-T"})
        with self.mock_mail_gateway():
            self._role(internal, "focal_point", group=group).action_activate()
        self.assertFalse(self.user_secretariat._is_portal())
        self.assertEqual(internal.user_ids, self.user_secretariat)

    @users("excfp_secretariat")
    def test_email_taken_is_noted_not_fatal(self):
        self.ben.email = "excfp_secretariat"  # another user's login
        with self.mock_mail_gateway():
            role = self._role(self.ben, "focal_point")
            role.action_activate()
        self.assertEqual(role.state, "active", "the activation stands")
        self.assertFalse(self.ben.user_ids)
        self.assertTrue(
            any(
                "Not invited to the portal" in (m.body or "")
                for m in self.ben.message_ids
            )
        )


class TestPortalRecordRules(ExcfpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # portal_a and portal_b: the common portal users, here members.
        cls.other_group = cls.env["excfp.specialist.group"].create(
            {"name": "Other Portal SG", "code": "OPSG"}
        )
        Role = cls.env["excfp.role"]
        cls.role_a = Role.create(
            {
                "partner_id": cls.portal_a.partner_id.id,
                "group_id": cls.group.id,
                "role_type": "member",
                "state": "active",
            }
        )
        cls.role_b = Role.create(
            {
                "partner_id": cls.portal_b.partner_id.id,
                "group_id": cls.other_group.id,
                "role_type": "member",
                "state": "active",
            }
        )
        # Requests follow the focal point role: each is nominated for their group.
        Role.create(
            [
                {
                    "partner_id": user.partner_id.id,
                    "group_id": group.id,
                    "role_type": "focal_point",
                }
                for user, group in (
                    (cls.portal_a, cls.group),
                    (cls.portal_b, cls.other_group),
                )
            ]
        )
        doc = cls.env.ref("excfp_odoo.governance_doc_ssc_mandate")
        Ack = cls.env["excfp.acknowledgement"]
        cls.ack_a = Ack.create(
            {"partner_id": cls.portal_a.partner_id.id, "document_id": doc.id}
        )
        cls.ack_b = Ack.create(
            {"partner_id": cls.portal_b.partner_id.id, "document_id": doc.id}
        )
        Liaison = cls.env["excfp.liaison"]
        cls.request_a = Liaison.create(
            {
                "name": "For A",
                "group_id": cls.group.id,
                "focal_point_id": cls.portal_a.partner_id.id,
            }
        )
        cls.request_b = Liaison.create(
            {
                "name": "For B",
                "group_id": cls.other_group.id,
                "focal_point_id": cls.portal_b.partner_id.id,
            }
        )

    def test_portal_user_sees_only_own_records(self):
        for model, own, other in (
            ("excfp.role", self.role_a, self.role_b),
            ("excfp.acknowledgement", self.ack_a, self.ack_b),
            ("excfp.liaison", self.request_a, self.request_b),
            ("excfp.specialist.group", self.group, self.other_group),
        ):
            records = self.env[model].with_user(self.portal_a)
            found = records.search([("id", "in", (own | other).ids)])
            self.assertEqual(found, own, model)
            with self.assertRaises(AccessError, msg=model):
                other.with_user(self.portal_a).read(["display_name"])

    @users("excfp_secretariat")
    def test_internal_notes_are_the_secretariats(self):
        self.role_a.notes = "Hard to reach; discuss before reappointing."
        for user in (self.portal_a, self.user_employee):
            role = self.role_a.with_user(user)
            if user == self.user_employee:
                role = self._role(user.partner_id, notes="Staff note").with_user(user)
            self.assertTrue(role.read(["group_id", "state"]))
            with self.assertRaises(AccessError, msg=user.name):
                role.read(["notes"])
            self.assertNotIn("notes", role.fields_get(), user.name)
            with self.assertRaises(AccessError, msg=user.name):
                role.search([("notes", "ilike", "reach")])
        self.assertEqual(
            self.role_a.with_user(self.user_secretariat).notes,
            "Hard to reach; discuss before reappointing.",
        )

    def test_portal_user_cannot_write(self):
        with self.assertRaises(AccessError):
            self.role_a.with_user(self.portal_a).write({"notes": "mine"})
        with self.assertRaises(AccessError):
            self.request_a.with_user(self.portal_a).write({"state": "answered"})
        with self.assertRaises(AccessError):
            self.env["excfp.acknowledgement"].with_user(self.portal_a).create(
                {
                    "partner_id": self.portal_a.partner_id.id,
                    "document_id": self.env.ref(
                        "excfp_odoo.governance_doc_ssc_bylaws"
                    ).id,
                }
            )

    def test_reference_data_readable(self):
        for model in (
            "excfp.term",
            "excfp.governance.document",
            "excfp.exsitu.network",
        ):
            self.assertTrue(
                self.env[model].with_user(self.portal_b).search_count([]), model
            )

    @users("excfp_secretariat")
    def test_internal_user_and_secretariat(self):
        """A focal point on staff (internal, not secretariat) reads their own
        roles, acknowledgements and requests, like a portal user; the
        secretariat reads everyone's."""
        staff = self.user_employee
        Role = self.env["excfp.role"]
        role = Role.create(
            {
                "partner_id": staff.partner_id.id,
                "group_id": self.other_group.id,
                "role_type": "focal_point",
            }
        )
        ack = self.env["excfp.acknowledgement"].create(
            {
                "partner_id": staff.partner_id.id,
                "document_id": self.env.ref("excfp_odoo.governance_doc_ssc_mandate").id,
            }
        )
        request = self.env["excfp.liaison"].create(
            {
                "name": "For staff",
                "group_id": self.other_group.id,
                "focal_point_id": staff.partner_id.id,
            }
        )
        for model, own, others in (
            ("excfp.role", role, self.role_a | self.role_b),
            ("excfp.acknowledgement", ack, self.ack_a | self.ack_b),
            ("excfp.liaison", request, self.request_a | self.request_b),
        ):
            ids = (own | others).ids
            found = self.env[model].with_user(staff).search([("id", "in", ids)])
            self.assertEqual(found, own, model)
            with self.assertRaises(AccessError, msg=model):
                others[:1].with_user(staff).read(["display_name"])
            found = (
                self.env[model]
                .with_user(self.user_secretariat)
                .search([("id", "in", ids)])
            )
            self.assertEqual(found, own | others, model)
