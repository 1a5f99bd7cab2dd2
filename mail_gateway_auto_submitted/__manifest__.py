# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Mail Gateway: Automatic Email Flagged",
    "summary": "Incoming automatic email (auto-replies, lists, bulk) is flagged "
    "in the context of whatever the mail gateway creates or updates",
    "version": "18.0.1.0.0",
    "category": "Technical",
    "website": "https://github.com/iucn-ssc/excfp_odoo",
    "author": "IUCN SSC",
    "maintainers": ["iucn-ssc"],
    "license": "LGPL-3",
    "installable": True,
    "depends": ["mail"],
}
