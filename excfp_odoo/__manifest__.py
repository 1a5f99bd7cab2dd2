# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Ex situ Conservation Focal Points",
    "summary": "IUCN SSC groups, roles and terms, ex situ focal points, "
    "CPSG membership and governance acknowledgements",
    "version": "18.0.1.0.0",
    "category": "Services",
    "website": "https://github.com/iucn-ssc/excfp_odoo",
    "author": "IUCN SSC",
    "maintainers": ["iucn-ssc"],
    "license": "LGPL-3",
    "application": True,
    "installable": True,
    "depends": ["contacts", "mail", "portal", "resource"],
    "data": [
        "security/excfp_security.xml",
        "security/ir.model.access.csv",
        "security/excfp_rules.xml",
        "data/excfp_term_data.xml",
        "data/excfp_exsitu_network_data.xml",
        "data/excfp_governance_document_data.xml",
        "data/mail_template_data.xml",
        "data/mail_activity_type_data.xml",
        "data/mail_activity_plan_data.xml",
        "data/mail_alias_data.xml",
        "data/ir_cron_data.xml",
        "views/excfp_term_views.xml",
        "views/excfp_exsitu_network_views.xml",
        "views/excfp_governance_document_views.xml",
        "views/excfp_acknowledgement_views.xml",
        "views/excfp_role_views.xml",
        "views/excfp_liaison_views.xml",
        "views/excfp_specialist_group_views.xml",
        "views/res_partner_views.xml",
        "views/res_config_settings_views.xml",
        "views/portal_templates.xml",
        "views/excfp_menus.xml",
    ],
    "demo": [
        "demo/excfp_demo.xml",
        "demo/excfp_liaison_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "excfp_odoo/static/tests/tours/*.js",
        ],
    },
}
