# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import csv
import io

from odoo.tools import file_open

from .common import ExcfpCase

SAMPLE = "excfp_odoo/static/import/exsitu_community_sample.csv"
OPTIONS = {"quoting": '"', "separator": ",", "has_headers": True}


class TestExsituCommunity(ExcfpCase):
    def _import(self, content):
        """Odoo's import tool, as the secretariat uses it."""
        wizard = (
            self.env["base_import.import"]
            .with_user(self.user_secretariat)
            .create(
                {
                    "res_model": "res.partner",
                    "file": content,
                    "file_name": "community.csv",
                    "file_type": "text/csv",
                }
            )
        )
        header = next(csv.reader(io.StringIO(content.decode())))
        return wizard.execute_import(header, header, OPTIONS)

    def _sample(self):
        with file_open(SAMPLE, "rb") as handle:
            return handle.read()

    def _imported(self):
        return (
            self.env["ir.model.data"]
            .search([("module", "=", "exsitu_import"), ("model", "=", "res.partner")])
            .mapped(lambda data: self.env["res.partner"].browse(data.res_id))
        )

    def test_sample_import_and_reimport(self):
        result = self._import(self._sample())
        self.assertFalse(result["messages"], result["messages"])
        partners = self.env["res.partner"].browse(result["ids"])
        self.assertEqual(len(partners), 6)
        zoo = self.env.ref("exsitu_import.org_lakeside_zoo")
        self.assertTrue(zoo.is_company)
        self.assertEqual(zoo.exsitu_org_type, "zoo")
        self.assertEqual(set(zoo.exsitu_network_ids.mapped("code")), {"EAZA", "WAZA"})
        self.assertEqual(zoo.country_id, self.env.ref("base.uk"))
        self.assertEqual(zoo.exsitu_mailing_consent, "opted_in")
        self.assertEqual(zoo.exsitu_mailing_consent_source, "import")
        self.assertTrue(zoo.exsitu_mailing_consent_date)
        curator = self.env.ref("exsitu_import.person_ana_curator")
        self.assertEqual(curator.parent_id, zoo)
        # the community menus find them
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "excfp_odoo.res_partner_action_exsitu_community"
        )
        organisations = self.env["res.partner"].search(
            [("is_company", "=", True), ("exsitu_org_type", "!=", False)]
        )
        self.assertIn(zoo, organisations)
        self.assertIn("filter_exsitu_organisations", action["context"])
        # re-importing the same file, edited, updates and creates nothing
        content = self._sample().replace(b"Lakeside Zoo,", b"Lakeside Zoological Park,")
        result = self._import(content)
        self.assertFalse(result["messages"], result["messages"])
        self.assertEqual(self._imported(), partners)
        self.assertEqual(zoo.name, "Lakeside Zoological Park")

    def test_bad_rows_are_reported_and_nothing_is_saved(self):
        content = (
            self._sample()
            .replace(b",1,zoo,", b",1,volcano,")
            .replace(b"Kenya", b"Atlantis")
        )
        result = self._import(content)
        messages = result["messages"]
        self.assertTrue(messages)
        texts = " ".join(message["message"] for message in messages)
        self.assertIn("volcano", texts)
        self.assertIn("Atlantis", texts)
        self.assertTrue(all(message["type"] == "error" for message in messages))
        self.assertTrue(
            all("record" in message or "rows" in message for message in messages)
        )
        self.assertFalse(self._imported(), "no row saved")

    def test_group_ex_situ_partners(self):
        zoo = self.env["res.partner"].create(
            {
                "name": "Newt Zoo",
                "is_company": True,
                "exsitu_org_type": "zoo",
                "exsitu_group_ids": [(6, 0, self.group.ids)],
            }
        )
        group = self.group.with_user(self.user_secretariat)
        self.assertEqual(group.exsitu_partner_count, 1)
        self.assertEqual(group.exsitu_partner_ids, zoo)
        action = group.action_view_exsitu_partners()
        self.assertEqual(self.env["res.partner"].search(action["domain"]), zoo)

    def test_consent_is_dated_sourced_and_tracked(self):
        # the contact exists before (Odoo does not track in its creating transaction)
        self.env.cr.precommit.run()
        partner = self.ana.with_user(self.user_secretariat)
        self.assertEqual(partner.exsitu_mailing_consent, "unknown")
        partner.exsitu_mailing_consent = "opted_in"
        self.env.cr.precommit.run()  # tracking is written at commit
        self.assertEqual(partner.exsitu_mailing_consent_source, "back_office")
        self.assertTrue(partner.exsitu_mailing_consent_date)
        partner.with_context(excfp_consent_source="unsubscribe").write(
            {"exsitu_mailing_consent": "opted_out"}
        )
        self.assertEqual(partner.exsitu_mailing_consent_source, "unsubscribe")
        self.env.cr.precommit.run()
        tracked = partner.sudo().message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "exsitu_mailing_consent"
        )
        self.assertEqual(len(tracked), 2)

    def test_reimport_without_ids_matches_by_email(self):
        rows = list(csv.reader(io.StringIO(self._sample().decode())))
        # another source's file: no external ids (nor links by them)
        keep = [
            i for i, name in enumerate(rows[0]) if name not in ("id", "parent_id/id")
        ]
        header = [rows[0][i] for i in keep]
        body = [[row[i] for i in keep] for row in rows[1:]]
        first = self._csv(header, body)
        result = self._import(first)
        self.assertFalse(result["messages"], result["messages"])
        count = self.env["res.partner"].search_count([])
        body[0][0] = "Lakeside Zoological Park"
        result = self._import(self._csv(header, body))
        self.assertFalse(result["messages"], result["messages"])
        self.assertEqual(
            self.env["res.partner"].search_count([]), count, "no duplicate"
        )
        zoo = self.env["res.partner"].search(
            [("email_normalized", "=", "info@lakeside-zoo.example.org")]
        )
        self.assertEqual(zoo.name, "Lakeside Zoological Park")

    def _csv(self, header, body):
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(header)
        writer.writerows(body)
        return out.getvalue().encode()
