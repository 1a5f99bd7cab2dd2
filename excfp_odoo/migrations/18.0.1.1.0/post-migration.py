# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, api
from odoo.tools import SQL, convert_file


def migrate(cr, version):
    """The record rules are noupdate: an update would keep the old liaison
    rules, which let a focal point whose role ended open the group's
    requests. Load them again from the module's file."""
    env = api.Environment(cr, SUPERUSER_ID, {})
    convert_file(
        env, "excfp_odoo", "security/excfp_rules.xml", {}, mode="init", kind="data"
    )
    # The confirmation email greeted the address with the name a visitor
    # typed: the template is noupdate (editable), so take the name out of
    # each language's body, leaving any other edit as it is.
    template = env.ref(
        "excfp_odoo.mail_template_mailing_optin", raise_if_not_found=False
    )
    if template:
        cr.execute(
            SQL(
                """
                UPDATE mail_template
                   SET body_html = (
                       SELECT jsonb_object_agg(
                           lang,
                           regexp_replace(
                               body, '<t t-out="object.name[^"]*">([^<]*)</t>', '\\1', 'g'
                           )
                       )
                       FROM jsonb_each_text(body_html) AS t(lang, body)
                   )
                 WHERE id = %s AND body_html::text LIKE %s
                """,
                template.id,
                "%object.name%",
            )
        )
