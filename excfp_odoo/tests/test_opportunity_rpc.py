# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The opportunity's steps, driven from outside as an integration script
does: JSON-RPC (/jsonrpc, the external API)."""

import json

from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import ExcfpHttpCase


@tagged("post_install", "-at_install")
class TestOpportunityJsonRpc(ExcfpHttpCase):
    def call(self, model, method, *args):
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "params": {
                "service": "object",
                "method": "execute_kw",
                "args": [
                    self.env.cr.dbname,
                    self.user_secretariat.id,
                    self.user_secretariat.login,
                    model,
                    method,
                    list(args),
                ],
            },
            "id": 1,
        }
        response = self.url_open(
            "/jsonrpc",
            data=json.dumps(payload),
            headers={"Content-Type": "application/json"},
        )
        self.assertEqual(response.status_code, 200)
        return response.json()

    def test_steps_hold_through_the_external_api(self):
        stage = {
            key: self.env.ref(f"excfp_odoo.opportunity_stage_{key}").id
            for key in ("roles", "population", "decided", "dropped")
        }
        opportunity_id = self.call(
            "excfp.opportunity",
            "create",
            {"name": "Insurance for the RPC toad", "group_id": self.group.id},
        )["result"]
        with mute_logger("odoo.http"):
            answer = self.call(
                "excfp.opportunity",
                "write",
                [opportunity_id],
                {"stage_id": stage["population"]},
            )
        error = answer["error"]["data"]
        self.assertEqual(error["name"], "odoo.exceptions.ValidationError")
        for need in (
            "the status review (step 1)",
            "the species (step 1)",
            "an ex situ role considered (step 2)",
        ):
            self.assertIn(need, error["message"])
        answer = self.call(
            "excfp.opportunity",
            "write",
            [opportunity_id],
            {
                "species_name": "Bufo rpc",
                "status_review_notes": "<p>Declining.</p>",
                "stage_id": stage["roles"],
            },
        )
        self.assertIs(answer["result"], True)
        # dropping needs nothing
        answer = self.call(
            "excfp.opportunity",
            "write",
            [opportunity_id],
            {"stage_id": stage["dropped"]},
        )
        self.assertIs(answer["result"], True)
        opportunity = self.env["excfp.opportunity"].browse(opportunity_id)
        self.assertEqual(opportunity.stage_id.id, stage["dropped"])
