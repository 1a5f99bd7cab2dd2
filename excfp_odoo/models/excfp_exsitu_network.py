# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ExcfpExsituNetwork(models.Model):
    """An association or network of the ex situ community (WAZA, EAZA, BGCI...)."""

    _name = "excfp.exsitu.network"
    _description = "Ex situ Network"
    _order = "sequence, code"
    _rec_names_search = ["code", "name"]

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, help="Short name, such as EAZA.")
    network_type = fields.Selection(
        [
            ("zoo_aquarium", "Zoos and aquariums"),
            ("botanic", "Botanic gardens"),
            ("data", "Records and data"),
            ("conservation", "Conservation programme"),
            ("other", "Other"),
        ],
        string="Type",
        default="zoo_aquarium",
        required=True,
    )
    region = fields.Char()
    website = fields.Char()
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    partner_ids = fields.Many2many(
        "res.partner",
        "excfp_exsitu_network_res_partner_rel",
        "network_id",
        "partner_id",
        string="People and Organisations",
    )

    _sql_constraints = [
        (
            "code_uniq",
            "unique(code)",
            "An ex situ network with this code already exists.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        networks = super().create(vals_list)
        # The shipped networks come with their audiences in the data files.
        if not self.env.context.get("install_module"):
            self.env["excfp.audience"].sudo()._create_for_networks(networks)
        return networks

    # Tags on a partner read best as the acronyms everyone in the field uses.
    @api.depends("code", "name")
    def _compute_display_name(self):
        for network in self:
            network.display_name = network.code or network.name

    @api.model
    def _choice_errors(self, org_type, network_ids, org_type_key="org_type"):
        """What is wrong with an organisation type and networks chosen on a
        form (the portal profile, the public subscription form): a message
        per wrong choice, by ``org_type_key`` (the form's field) and
        "network_ids"."""
        errors = {}
        org_types = dict(
            self.env["res.partner"]
            ._fields["exsitu_org_type"]
            ._description_selection(self.env)
        )
        if org_type and org_type not in org_types:
            errors[org_type_key] = self.env._(
                "Choose an organisation type from the list."
            )
        known = set(self.sudo().search([]).ids)
        if None in network_ids or not set(network_ids) <= known:
            errors["network_ids"] = self.env._("Choose networks from the list.")
        return errors
