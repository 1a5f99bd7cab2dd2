# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Mass Mailing Set-Based Lookups",
    "summary": "Mass mailing sends in time linear in the number of recipients: "
    "opt-outs, emails already reached and blacklist looked up per batch in SQL",
    "version": "18.0.1.0.0",
    "category": "Technical",
    "website": "https://github.com/iucn-ssc/excfp_odoo",
    "author": "IUCN SSC",
    "maintainers": ["iucn-ssc"],
    "license": "LGPL-3",
    "installable": True,
    "depends": ["mass_mailing"],
}
