# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Ex situ Focal Points: Public Directory",
    "summary": "Find your focal point: the SSC groups and their ex situ focal points "
    "on the public website, with a contact form that becomes a liaison request",
    "version": "18.0.1.0.0",
    "category": "Website",
    "website": "https://github.com/iucn-ssc/excfp_odoo",
    "author": "IUCN SSC",
    "maintainers": ["iucn-ssc"],
    "license": "LGPL-3",
    "installable": True,
    "depends": ["excfp_odoo", "website"],
    "data": [
        "data/mail_template_data.xml",
        "data/website_menu_data.xml",
        "views/directory_templates.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "excfp_website/static/tests/tours/*.js",
        ],
    },
}
