# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import tagged

from .common import ExcfpCase, ExcfpPortalCase, view_spec


def make_opportunities(env, group, count, partners):
    """``count`` opportunities of ``group`` spread over the open steps, each
    with roles and ex situ partners (what the cards and rows show)."""
    stages = env["excfp.opportunity.stage"].search([("is_closed", "=", False)])
    roles = env["excfp.exsitu.role"].search([])
    complete = {
        "status_review_notes": "<p>Known.</p>",
        "species_name": "Testudo graeca",
        "population_notes": "<p>50 founders.</p>",
        "feasibility_notes": "<p>Feasible.</p>",
    }
    return env["excfp.opportunity"].create(
        [
            {
                **complete,
                "name": f"Opportunity {i:03d}",
                "group_id": group.id,
                "redlist_category": "EN",
                "stage_id": stages[i % len(stages)].id,
                "exsitu_role_ids": [Command.set(roles[i % 3 : i % 3 + 2].ids)],
                "exsitu_partner_ids": [Command.set(partners[i % len(partners)].ids)],
            }
            for i in range(count)
        ]
    )


class TestOnePlanScreenQueries(ExcfpCase):
    """The opportunities' kanban costs the same for 5 opportunities as for
    200, but for the count of each full column: nothing is read card by
    card."""

    def _kanban_queries(self, group):
        Opportunity = self.env["excfp.opportunity"].with_user(self.user_secretariat)
        spec = view_spec(Opportunity, "kanban")
        domain = [("group_id", "=", group.id)]
        self.env.invalidate_all()
        start = self.cr.sql_log_count
        groups = Opportunity.web_read_group(
            domain, ["stage_id"], ["stage_id"], lazy=True
        )["groups"]
        for stage_group in groups:
            Opportunity.web_search_read(stage_group["__domain"], spec, limit=40)
        return self.cr.sql_log_count - start

    def test_kanban_does_not_grow_with_opportunities(self):
        partners = self.env["res.partner"].create(
            [{"name": f"Zoo {i}", "is_company": True} for i in range(10)]
        )
        small = self.env["excfp.specialist.group"].create(
            {"name": "Five SG", "code": "FIVE"}
        )
        large = self.env["excfp.specialist.group"].create(
            {"name": "Many SG", "code": "MANY"}
        )
        make_opportunities(self.env, small, 5, partners)
        make_opportunities(self.env, large, 200, partners)
        self.env.flush_all()
        self._kanban_queries(small)  # warm-up: views, access rules, caches
        few = self._kanban_queries(small)
        many = self._kanban_queries(large)
        # A full column (40 cards, the limit) costs the count of the rest,
        # as in core's kanbans: one query a column, none a card.
        full_columns = sum(
            count >= 40
            for _stage, count in self.env["excfp.opportunity"]._read_group(
                [("group_id", "=", large.id)], ["stage_id"], ["__count"]
            )
        )
        self.assertEqual(full_columns, 5)
        self.assertEqual(many, few + full_columns)
        self.assertLess(few, 30)


@tagged("post_install", "-at_install")
class TestOnePlanPortalQueries(ExcfpPortalCase):
    """The portal list of opportunities costs as many queries for a focal
    point whose group has 5 opportunities as for one whose group has 200."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        partners = cls.env["res.partner"].create(
            [{"name": f"Zoo {i}", "is_company": True} for i in range(10)]
        )
        make_opportunities(cls.env, cls.group_a, 5, partners)
        make_opportunities(cls.env, cls.group_b, 200, partners)
        cls.env.flush_all()

    def test_portal_list_does_not_grow(self):
        few = self.page_queries(self.portal_a, "/my/ssc/opportunities")
        many = self.page_queries(self.portal_b, "/my/ssc/opportunities")
        self.assertEqual(many, few)
