# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form

from .common import ExcfpCase


class OpportunityCase(ExcfpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.stage = {
            key: ref(f"excfp_odoo.opportunity_stage_{key}")
            for key in (
                "status_review",
                "roles",
                "population",
                "feasibility",
                "decision",
                "decided",
                "dropped",
            )
        }
        cls.insurance = ref("excfp_odoo.exsitu_role_insurance")
        cls.research = ref("excfp_odoo.exsitu_role_research")
        cls.role_fp = cls.env["excfp.role"].create(
            {
                "partner_id": cls.ana.id,
                "group_id": cls.group.id,
                "role_type": "focal_point",
                "state": "active",
            }
        )

    def _opportunity(self, **vals):
        return (
            self.env["excfp.opportunity"]
            .with_user(self.user_secretariat)
            .create(
                {
                    "name": "Insurance population for the Kihansi spray toad",
                    "group_id": self.group.id,
                    **vals,
                }
            )
        )

    def _tracked(self, record):
        """The values tracked in the chatter, once the transaction's
        tracking is written (as at commit)."""
        self.env.flush_all()
        self.env.cr.precommit.run()
        return record.sudo().message_ids.tracking_value_ids

    def _complete(self, opportunity, up_to):
        """Fill what the steps before ``up_to`` need."""
        values = {
            1: {
                "status_review_notes": "<p>Extinct in the wild.</p>",
                "species_name": "Nectophrynoides asperginis",
            },
            2: {"exsitu_role_ids": [Command.set(self.insurance.ids)]},
            3: {"population_notes": "<p>500 founders.</p>"},
            4: {"feasibility_notes": "<p>Two zoos ready.</p>"},
        }
        for step in range(1, up_to):
            opportunity.write(values[step])


class TestOpportunitySteps(OpportunityCase):
    def test_starts_at_the_status_review_with_the_groups_focal_point(self):
        opportunity = self._opportunity()
        self.assertEqual(opportunity.stage_id, self.stage["status_review"])
        self.assertEqual(opportunity.focal_point_id, self.ana)
        self.assertEqual(opportunity.user_id, self.user_secretariat)

    def test_each_step_needs_its_information_before_moving_on(self):
        opportunity = self._opportunity()
        missing = {
            "roles": ["the status review (step 1)", "the species (step 1)"],
            "population": ["an ex situ role considered (step 2)"],
            "feasibility": ["the ex situ population (step 3)"],
            "decision": ["the feasibility and risks (step 4)"],
        }
        for step, (key, needs) in enumerate(missing.items(), start=2):
            with self.subTest(stage=key):
                with self.assertRaises(ValidationError) as refused:
                    opportunity.write({"stage_id": self.stage[key].id})
                for need in needs:
                    self.assertIn(need, str(refused.exception))
                self._complete(opportunity, step)
                opportunity.write({"stage_id": self.stage[key].id})
                self.assertEqual(opportunity.stage_id, self.stage[key])

    def test_skipping_steps_needs_every_skipped_step(self):
        opportunity = self._opportunity(species_name="Nectophrynoides asperginis")
        with self.assertRaises(ValidationError) as refused:
            opportunity.write({"stage_id": self.stage["feasibility"].id})
        message = str(refused.exception)
        for need in (
            "the status review (step 1)",
            "an ex situ role considered (step 2)",
            "the ex situ population (step 3)",
        ):
            self.assertIn(need, message)
        self.assertNotIn("the species", message)
        self.assertEqual(opportunity.stage_id, self.stage["status_review"])

    def test_a_form_saving_the_notes_and_the_stage_together_passes(self):
        opportunity = self._opportunity()
        opportunity.write(
            {
                "status_review_notes": "<p>Declining.</p>",
                "species_name": "Panthera pardus orientalis",
                "stage_id": self.stage["roles"].id,
            }
        )
        self.assertEqual(opportunity.stage_id, self.stage["roles"])

    def test_created_in_a_later_stage_is_checked_as_well(self):
        """An import or a script creating it further on meets the same rules."""
        with self.assertRaises(ValidationError):
            self._opportunity(stage_id=self.stage["population"].id)

    def test_moving_back_is_allowed_and_tracked(self):
        opportunity = self._opportunity()
        # Odoo does not track in the creating transaction: as if saved before
        self.env.cr.precommit.run()
        self._complete(opportunity, 4)
        opportunity.stage_id = self.stage["feasibility"]
        opportunity.write({"population_notes": False})
        opportunity.stage_id = self.stage["roles"]
        tracked = self._tracked(opportunity).filtered(
            lambda t: t.field_id.name == "stage_id"
        )
        self.assertIn("Ex situ Roles", tracked.mapped("new_value_char"))
        # forward again: the step left empty is asked for
        with self.assertRaises(ValidationError):
            opportunity.stage_id = self.stage["feasibility"]

    def test_dropping_is_always_allowed_with_a_reason(self):
        opportunity = self._opportunity()
        self.env.cr.precommit.run()
        action = opportunity.action_drop()
        wizard = Form(
            self.env[action["res_model"]]
            .with_user(self.user_secretariat)
            .with_context(**action["context"])
        )
        wizard.reason = "The species was found thriving in a second gorge."
        wizard.save().action_drop()
        self.assertEqual(opportunity.stage_id, self.stage["dropped"])
        tracked = self._tracked(opportunity).filtered(
            lambda t: t.field_id.name == "drop_reason"
        )
        self.assertEqual(
            tracked.new_value_char or tracked.new_value_text,
            "The species was found thriving in a second gorge.",
        )


class TestOpportunityDecision(OpportunityCase):
    def test_a_decision_is_recorded_complete_and_dated(self):
        opportunity = self._opportunity()
        self._complete(opportunity, 5)
        opportunity.stage_id = self.stage["decision"]
        with self.assertRaises(ValidationError) as refused:
            opportunity.stage_id = self.stage["decided"]
        self.assertIn("the decision (step 5)", str(refused.exception))
        self.assertIn("the decision's rationale (step 5)", str(refused.exception))
        opportunity.write(
            {"decision": "include", "decision_rationale": "<p>Agreed.</p>"}
        )
        with self.assertRaises(ValidationError) as refused:
            opportunity.stage_id = self.stage["decided"]
        self.assertIn("a chosen ex situ role (step 5)", str(refused.exception))
        # a role chosen must have been considered
        opportunity.chosen_role_ids = self.research
        with self.assertRaises(ValidationError) as refused:
            opportunity.stage_id = self.stage["decided"]
        self.assertIn("Research among the roles considered", str(refused.exception))
        opportunity.chosen_role_ids = self.insurance
        opportunity.stage_id = self.stage["decided"]
        self.assertEqual(opportunity.decision_date, self._today())
        # decided, it keeps its decision complete
        with self.assertRaises(ValidationError):
            opportunity.decision_rationale = False

    def test_a_decision_not_to_include_needs_no_chosen_role(self):
        opportunity = self._opportunity()
        self._complete(opportunity, 5)
        opportunity.write(
            {
                "decision": "exclude",
                "decision_rationale": "<p>The wild population recovers.</p>",
                "stage_id": self.stage["decided"].id,
            }
        )
        self.assertEqual(opportunity.stage_id, self.stage["decided"])

    def _today(self):
        from odoo import fields

        return fields.Date.context_today(self.env["excfp.opportunity"])


class TestOpportunityAccess(OpportunityCase):
    def test_history_is_archived_not_deleted(self):
        opportunity = self._opportunity()
        self._complete(opportunity, 2)
        opportunity.stage_id = self.stage["roles"]
        with self.assertRaises(UserError):
            opportunity.with_user(self.user_manager).unlink()
        opportunity.action_archive()
        self.assertFalse(opportunity.active)
        draft = self._opportunity(name="A thought")
        draft.with_user(self.user_manager).unlink()
        self.assertFalse(draft.exists())

    def test_the_secretariat_does_not_delete(self):
        with self.assertRaises(AccessError):
            self._opportunity().with_user(self.user_secretariat).unlink()

    def test_employees_see_the_groups_they_hold_a_role_in(self):
        opportunity = self._opportunity()
        Opportunity = self.env["excfp.opportunity"].with_user(self.user_employee)
        self.assertFalse(Opportunity.search([("id", "=", opportunity.id)]))
        with self.assertRaises(AccessError):
            Opportunity.create({"name": "Mine", "group_id": self.group.id})
        role = self.env["excfp.role"].create(
            {
                "partner_id": self.user_employee.partner_id.id,
                "group_id": self.group.id,
                "role_type": "member",
                "state": "active",
            }
        )
        self.assertEqual(Opportunity.search([("id", "=", opportunity.id)]), opportunity)
        # access follows the role
        role.action_end()
        self.assertFalse(Opportunity.search([("id", "=", opportunity.id)]))

    def test_administrators_configure_stages_and_roles(self):
        Stage = self.env["excfp.opportunity.stage"]
        with self.assertRaises(AccessError):
            Stage.with_user(self.user_secretariat).create({"name": "Review", "step": 1})
        Stage.with_user(self.user_manager).create({"name": "Review", "step": 1})
        self.env["excfp.exsitu.role"].with_user(self.user_manager).create(
            {"name": "Biobanking", "code": "biobank"}
        )
