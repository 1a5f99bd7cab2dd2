# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "HTTP: NUL in a Path is Not Found",
    "summary": "A URL path with a NUL character gets a 404 Not Found, "
    "not a 500 Internal Server Error",
    "version": "18.0.1.0.0",
    "category": "Technical",
    "website": "https://github.com/iucn-ssc/excfp_odoo",
    "author": "IUCN SSC",
    "maintainers": ["iucn-ssc"],
    "license": "LGPL-3",
    "installable": True,
    "depends": ["base"],
}
