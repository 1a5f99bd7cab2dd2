# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from lxml import etree

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import users
from odoo.tools.safe_eval import safe_eval

from .common import ExcfpCase


class TestActionsOpen(ExcfpCase):
    """Every window action of the addon, from a menu or a smart button, opens
    as the web client opens it (views, then the records of each view with the
    action's context) for the secretariat, without an error."""

    def _open(self, action, user=None):
        user = user or self.user_secretariat
        context = action.get("context") or {}
        if isinstance(context, str):
            context = safe_eval(context, {"uid": user.id, "context": {}})
        domain = action.get("domain") or []
        if isinstance(domain, str):
            domain = safe_eval(domain, {"uid": user.id, "context": context})
        Model = self.env[action["res_model"]].with_user(user).with_context(**context)
        modes = action["view_mode"].split(",")
        views = Model.get_views([(False, mode) for mode in modes] + [(False, "search")])
        for mode in modes:
            arch = etree.fromstring(views["views"][mode]["arch"])
            names = [
                name
                for name in arch.xpath("//field[not(ancestor::field)]/@name")
                if name in Model._fields
            ]
            spec = {name: {} for name in names}
            if mode in ("list", "kanban", "calendar"):
                Model.web_search_read(domain, spec, limit=80)
            elif mode == "form":
                if action.get("res_id"):
                    Model.browse(action["res_id"]).web_read(spec)
                elif Model.has_access("create"):
                    Model.onchange({}, [], spec)
            elif mode in ("pivot", "graph"):
                measures = arch.xpath("//field[@type='measure']/@name")
                groupby = [
                    name
                    for name in arch.xpath("//field[not(@type='measure')]/@name")
                    if name in Model._fields
                ][:1]
                Model.web_read_group(domain, measures or ["__count"], groupby)
        return views

    def test_menu_actions(self):
        menus = (
            self.env["ir.ui.menu"].with_user(self.user_secretariat)._visible_menu_ids()
        )
        actions = [
            menu.action
            for menu in self.env["ir.ui.menu"].browse(menus)
            if menu.get_external_id()[menu.id].startswith("excfp_odoo.")
            and menu.action
            and menu.action._name == "ir.actions.act_window"
        ]
        self.assertGreater(len(actions), 10)
        for action in actions:
            with self.subTest(action=action.get_external_id()[action.id]):
                self._open(action.sudo().read()[0])

    def test_dashboard_actions(self):
        """Each panel of the Network dashboard opens in every view of its
        action (its graph or pivot, then the list of the records)."""
        arch = etree.fromstring(
            self.env.ref("excfp_odoo.excfp_network_dashboard_view").arch
        )
        ids = [int(node.get("name")) for node in arch.iter("action")]
        self.assertEqual(len(ids), 10)
        for action in self.env["ir.actions.act_window"].browse(ids):
            with self.subTest(action=action.get_external_id()[action.id]):
                self._open(action.sudo().read()[0])

    @users("excfp_secretariat")
    def test_smart_buttons(self):
        partner = self.ana
        self._role(partner, "focal_point", state="active")
        audience = self.env.ref("excfp_odoo.audience_focal_points")
        audience.action_sync()  # records to show: their fields are computed
        self.assertTrue(audience.mailing_list_id.contact_ids)
        document = self.env["excfp.governance.document"].search([], limit=1)
        as_secretariat = self.user_secretariat
        for name, record in (
            ("action_view_liaisons", self.group),
            ("action_view_exsitu_partners", self.group),
            ("action_view_roles", self.group),
            ("action_nominate_focal_point", self.group),
            ("action_view_mailing_list", audience),
            ("action_new_mailing", audience),
            ("action_view_excfp_liaisons", partner),
            ("action_view_excfp_roles", partner),
            ("action_view_acknowledgements", document),
        ):
            with self.subTest(button=name, model=record._name):
                action = getattr(record.with_user(as_secretariat), name)()
                self._open(action)
        # buttons that open an action of the addon's own (wizards)
        for xmlid, context in (
            (
                "excfp_odoo.excfp_acknowledge_wizard_action",
                {"default_partner_id": partner.id},
            ),
            (
                "excfp_odoo.excfp_role_end_wizard_action",
                {
                    "active_model": "excfp.role",
                    "active_ids": partner.excfp_role_ids.ids,
                },
            ),
        ):
            with self.subTest(button=xmlid):
                action = self.env.ref(xmlid).sudo().read()[0]
                self._open({**action, "context": context})

    @users("excfp_secretariat")
    def test_no_quick_create_of_groups(self):
        """A group needs a code: quick-creating one (a kanban column of a
        computed status, "Create" in a many2one) is not offered, and asked
        for anyway it says so instead of failing in the database."""
        Group = self.env["excfp.specialist.group"].with_user(self.user_secretariat)
        with self.assertRaises(UserError):
            Group.name_create("Quick SG")
        kanban = Group.get_views([(False, "kanban")])["views"]["kanban"]["arch"]
        root = etree.fromstring(kanban)
        self.assertEqual(root.get("quick_create"), "false")
        self.assertEqual(root.get("records_draggable"), "false")
        for model, view_type in (
            ("excfp.role", "form"),
            ("excfp.role", "list"),
            ("excfp.liaison", "form"),
            ("excfp.specialist.group", "form"),
            ("excfp.audience", "form"),
        ):
            arch = etree.fromstring(
                self.env[model].get_views([(False, view_type)])["views"][view_type][
                    "arch"
                ]
            )
            for name in ("group_id", "group_ids", "parent_id"):
                for node in arch.xpath(f"/*/descendant::field[@name='{name}']"):
                    if node.xpath("ancestor::field"):
                        continue
                    with self.subTest(model=model, view=view_type, field=name):
                        self.assertIn("no_quick_create", node.get("options", ""))

    def test_secretariat_edits_the_onboarding_plan(self):
        plan = self.env.ref(
            "excfp_odoo.mail_activity_plan_focal_point_onboarding"
        ).with_user(self.user_secretariat)
        plan.name = "Focal point onboarding (2026)"
        step = plan.template_ids[:1]
        step.summary = "Welcome call"
        plan.write(
            {
                "template_ids": [
                    Command.create(
                        {
                            "activity_type_id": self.env.ref(
                                "mail.mail_activity_data_todo"
                            ).id,
                            "summary": "Introduce to the CPSG regional network",
                            "responsible_type": "on_demand",
                        }
                    )
                ]
            }
        )
        self.assertIn(
            "Introduce to the CPSG regional network",
            plan.template_ids.mapped("summary"),
        )
        # not other apps' plans
        other = self.env["mail.activity.plan"].create(
            {"name": "Other", "res_model": "mailing.mailing"}
        )
        with self.assertRaises(AccessError):
            other.with_user(self.user_secretariat).name = "Mine"

    def test_ssc_tab_first_on_contacts(self):
        arch = etree.fromstring(
            self.env["res.partner"]
            .with_user(self.user_secretariat)
            .get_views([(False, "form")])["views"]["form"]["arch"]
        )
        first = arch.xpath("//notebook/page")[0]
        self.assertEqual(first.get("name"), "excfp")
        self.assertEqual(first.get("autofocus"), "autofocus")
        self.assertFalse(arch.xpath("//page[@name='contact_addresses'][@autofocus]"))
