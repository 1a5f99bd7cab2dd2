# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import users

from .common import ExcfpCase


class TestSecurity(ExcfpCase):
    @users("excfp_secretariat")
    def test_secretariat(self):
        env = self.env
        group = env["excfp.specialist.group"].create({"name": "Sec SG", "code": "SEC"})
        partner = env["res.partner"].create({"name": "Sec Person"})
        with self.mock_mail_gateway():
            role = env["excfp.role"].create(
                {
                    "partner_id": partner.id,
                    "group_id": group.id,
                    "role_type": "focal_point",
                }
            )
            role.action_activate()
        self.assertEqual(partner.cpsg_status, "invited")
        doc = env.ref("excfp_odoo.governance_doc_ssc_mandate")
        ack = env["excfp.acknowledgement"].create(
            {"partner_id": partner.id, "document_id": doc.id}
        )
        ack.date = ack.date  # may correct an acknowledgement
        # configuration and deletion are for managers
        for model in (
            "excfp.term",
            "excfp.exsitu.network",
            "excfp.governance.document",
        ):
            env[model].search([], limit=1)
            with self.assertRaises(AccessError):
                env[model].create(
                    {"name": "X", "code": "X"}
                    if model != "excfp.term"
                    else {"name": "X"}
                )
        with self.assertRaises(AccessError):
            doc.version = "99"
        with self.assertRaises(AccessError):
            ack.unlink()
        request = env["excfp.liaison"].create({"name": "Q", "group_id": group.id})
        self.assertEqual(request.focal_point_id, partner)
        request.action_answer()
        with self.assertRaises(AccessError):
            request.unlink()
        with self.assertRaises(AccessError):
            group.unlink()

    @users("excfp_manager")
    def test_manager(self):
        env = self.env
        doc = env["excfp.governance.document"].create(
            {"name": "New Guidance", "code": "new_guidance", "version": "1"}
        )
        doc.version = "2"
        network = env["excfp.exsitu.network"].create(
            {"name": "Test Network", "code": "TN"}
        )
        network.unlink()
        group = env["excfp.specialist.group"].create({"name": "Mgr SG", "code": "MGR"})
        group.unlink()
        ack = env["excfp.acknowledgement"].create(
            {"partner_id": self.ana.id, "document_id": doc.id}
        )
        ack.unlink()
        request = env["excfp.liaison"].create(
            {"name": "Mistake", "group_id": self.group.id}
        )
        request.unlink()
        # the settings page is Odoo's: for settings administrators only
        with self.assertRaises(AccessError):
            env["res.config.settings"].create({"excfp_liaison_response_days": 7})

    @users("excfp_employee")
    def test_plain_employee(self):
        env = self.env
        # the directory of groups, terms, documents and networks is readable...
        group = env["excfp.specialist.group"].browse(self.group.id)
        self.assertEqual(group.name, "Test Newt Specialist Group")
        group.read(["name", "excfp_status", "focal_point_ids", "chair_ids"])
        env["excfp.term"].search([])
        env["excfp.governance.document"].search([])
        # ...but of people's roles, acknowledgements and requests only their
        # own (a focal point on staff uses the portal pages), and no change
        Role = env["excfp.role"]
        others = Role.sudo().create({"partner_id": self.ana.id, "group_id": group.id})
        self.assertFalse(env["excfp.role"].search([]))
        with self.assertRaises(AccessError):
            env["excfp.role"].browse(others.id).read(["partner_id"])
        own = Role.sudo().create(
            {"partner_id": self.user_employee.partner_id.id, "group_id": group.id}
        )
        self.assertEqual(env["excfp.role"].search([]), own)
        with self.assertRaises(AccessError):
            env["excfp.role"].browse(own.id).write({"notes": "mine"})
        self.assertFalse(env["excfp.acknowledgement"].search([]))
        self.assertFalse(env["excfp.liaison"].search([]))
        with self.assertRaises(AccessError):
            env["excfp.liaison"].create({"name": "X", "group_id": group.id})
        with self.assertRaises(AccessError):
            group.name = "Renamed"
        with self.assertRaises(AccessError):
            env["excfp.specialist.group"].create({"name": "X", "code": "X"})
        # the partner form opens without the SSC tab
        arch = env["res.partner"].get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertNotIn("cpsg_status", arch)
        # scripts and exports read contacts whole: the SSC fields are left out
        values = env["res.partner"].browse(self.ana.id).read()[0]
        self.assertNotIn("excfp_role_ids", values)
        self.assertNotIn("governance_ack_ratio", values)
        self.assertIn("is_excfp", values)

    def test_menu_visibility(self):
        root = self.env.ref("excfp_odoo.excfp_menu_root")
        config = self.env.ref("excfp_odoo.excfp_menu_config")
        visible = {
            login: self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
            for login, user in (
                ("employee", self.user_employee),
                ("secretariat", self.user_secretariat),
                ("manager", self.user_manager),
            )
        }
        self.assertNotIn(root.id, visible["employee"])
        self.assertIn(root.id, visible["secretariat"])
        # the secretariat configures its activity plans, not the rest
        plans = self.env.ref("excfp_odoo.excfp_activity_plan_menu")
        terms = self.env.ref("excfp_odoo.excfp_term_menu")
        self.assertIn(plans.id, visible["secretariat"])
        self.assertNotIn(terms.id, visible["secretariat"])
        self.assertIn(config.id, visible["manager"])
        self.assertIn(terms.id, visible["manager"])

    def test_secretariat_starts_on_groups_needing_attention(self):
        attention = self.env.ref("excfp_odoo.excfp_specialist_group_action_attention")
        self.assertEqual(self.user_secretariat.action_id.id, attention.id)
        self.assertFalse(self.user_employee.action_id)
        # joining the secretariat later, from the user form
        self.user_employee.write(
            {
                "groups_id": [
                    Command.link(self.env.ref("excfp_odoo.group_excfp_user").id)
                ]
            }
        )
        self.assertEqual(self.user_employee.action_id.id, attention.id)
        # a home action chosen by the user stays
        chosen = self.env.ref("excfp_odoo.excfp_liaison_action")
        self.user_manager.action_id = chosen.id
        self.user_manager.write({"name": "Mia M."})
        self.assertEqual(self.user_manager.action_id.id, chosen.id)
        # what the secretariat finds there
        group = self.env["excfp.specialist.group"]
        found = group.with_user(self.user_secretariat).search(
            [
                "|",
                ("excfp_status", "in", ("vacant", "nominated")),
                ("has_chair_conflict", "=", True),
            ]
        )
        self.assertIn(self.group, found)
