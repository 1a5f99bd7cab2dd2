# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

GROUP_FIELDS = ("groups_id", "in_group_", "sel_groups_")


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model_create_multi
    def create(self, vals_list):
        users = super().create(vals_list)
        users._excfp_set_home_action()
        return users

    def write(self, vals):
        res = super().write(vals)
        if any(key.startswith(GROUP_FIELDS) for key in vals):
            self._excfp_set_home_action()
        return res

    def _excfp_set_home_action(self):
        """The secretariat starts on the groups needing attention, not on
        Discuss; a home action someone chose is kept."""
        action = self.env.ref(
            "excfp_odoo.excfp_specialist_group_action_attention",
            raise_if_not_found=False,
        )
        if not action:  # while the module's own data loads
            return
        self.sudo().filtered(
            lambda u: not u.action_id and u.has_group("excfp_odoo.group_excfp_user")
        ).write({"action_id": action.id})

    @api.model
    def _excfp_set_home_action_all(self):
        """At install: the secretariat's existing users too."""
        self.search([("share", "=", False)])._excfp_set_home_action()
