# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The public contract, driven from outside as users' scripts do: XML-RPC."""

from xmlrpc.client import Fault

from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import ExcfpHttpCase


@tagged("post_install", "-at_install")
class TestXmlRpc(ExcfpHttpCase):
    """As the secretariat's scripts: its user, its login as password."""

    def call(self, model, method, *args, **kwargs):
        return self.xmlrpc_object.execute_kw(
            self.env.cr.dbname,
            self.user_secretariat.id,
            self.user_secretariat.login,
            model,
            method,
            list(args),
            kwargs,
        )

    def test_contract(self):
        group_id = self.call(
            "excfp.specialist.group",
            "create",
            {
                "name": "RPC Salamander SG",
                "code": "RPCSG",
                "group_type": "taxonomic_sg",
            },
        )
        chair_id, fp_id = self.call(
            "res.partner", "create", [{"name": "RPC Chair"}, {"name": "RPC Focal"}]
        )
        term_id = self.call("excfp.term", "search", [("is_current", "=", True)])[0]
        self.call(
            "excfp.role",
            "create",
            {
                "partner_id": chair_id,
                "group_id": group_id,
                "role_type": "chair",
                "state": "active",
                "term_id": term_id,
            },
        )
        role_id = self.call(
            "excfp.role",
            "create",
            {
                "partner_id": fp_id,
                "group_id": group_id,
                "role_type": "focal_point",
                "term_id": term_id,
            },
        )
        [group] = self.call(
            "excfp.specialist.group",
            "read",
            [group_id],
            ["excfp_status", "chair_ids", "focal_point_ids"],
        )
        self.assertEqual(group["excfp_status"], "nominated")
        self.assertEqual(group["chair_ids"], [chair_id])
        with mute_logger("odoo.addons.mail.models.mail_mail"):
            self.call("excfp.role", "action_activate", [role_id])
        [group] = self.call(
            "excfp.specialist.group",
            "read",
            [group_id],
            ["excfp_status", "focal_point_ids", "has_chair_conflict", "member_count"],
        )
        self.assertEqual(group["excfp_status"], "covered")
        self.assertEqual(group["focal_point_ids"], [fp_id])
        self.assertFalse(group["has_chair_conflict"])
        self.assertEqual(group["member_count"], 2)
        [partner] = self.call(
            "res.partner",
            "read",
            [fp_id],
            [
                "is_excfp",
                "cpsg_status",
                "cpsg_training_state",
                "governance_ack_ratio",
                "governance_ack_complete",
            ],
        )
        self.assertEqual(
            (
                partner["is_excfp"],
                partner["cpsg_status"],
                partner["cpsg_training_state"],
            ),
            (True, "invited", "encouraged"),
        )
        self.assertEqual(partner["governance_ack_ratio"], 0)
        found = self.call(
            "res.partner",
            "search",
            [("governance_ack_complete", "=", False), ("id", "=", fp_id)],
        )
        self.assertEqual(found, [fp_id])

        # bad input comes back as a clear message, nothing half-saved
        second = self.call(
            "excfp.role",
            "create",
            {
                "partner_id": chair_id,
                "group_id": group_id,
                "role_type": "focal_point",
                "term_id": term_id,
            },
        )
        with (
            mute_logger("odoo.http"),
            self.assertRaisesRegex(
                Fault, "already has an active Ex situ Focal Point, RPC Focal"
            ),
        ):
            self.call("excfp.role", "action_activate", [second])
        with mute_logger("odoo.http"), self.assertRaisesRegex(Fault, "cannot end"):
            self.call("excfp.role", "write", [role_id], {"date_end": "2000-01-01"})
        with (
            mute_logger("odoo.http", "odoo.sql_db"),
            self.assertRaisesRegex(Fault, "A group with this code already exists"),
        ):
            self.call(
                "excfp.specialist.group", "create", {"name": "Dup", "code": "RPCSG"}
            )
        with mute_logger("odoo.http"), self.assertRaisesRegex(Fault, "overlaps"):
            self.xmlrpc_object.execute_kw(
                self.env.cr.dbname,
                2,
                "admin",
                "excfp.term",
                "create",
                [
                    {
                        "name": "Overlap",
                        "date_start": "2027-01-01",
                        "date_end": "2027-12-31",
                    }
                ],
            )
        with mute_logger("odoo.http"), self.assertRaisesRegex(Fault, "End or archive"):
            self.xmlrpc_object.execute_kw(
                self.env.cr.dbname, 2, "admin", "excfp.role", "unlink", [[role_id]]
            )
        [role] = self.call("excfp.role", "read", [role_id], ["state", "date_end"])
        self.assertEqual(role["state"], "active")
        self.assertNotEqual(role["date_end"], "2000-01-01")
