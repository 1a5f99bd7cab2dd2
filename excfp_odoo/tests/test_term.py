# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tests import users
from odoo.tools import mute_logger

from .common import ExcfpCase


class TestTerm(ExcfpCase):
    @users("excfp_secretariat")
    def test_current_term(self):
        with freeze_time("2026-11-24"):
            current = self.env["excfp.term"].search([("is_current", "=", True)])
            self.assertEqual(current, self.env.ref("excfp_odoo.term_2026_2029"))
            self.assertTrue(current.is_current)
            self.assertNotIn(
                current, self.env["excfp.term"].search([("is_current", "=", False)])
            )
        with freeze_time("2023-03-01"):
            self.assertEqual(
                self.env["excfp.term"]._get_current(),
                self.env.ref("excfp_odoo.term_2021_2025"),
            )

    @users("excfp_manager")
    def test_overlapping_term_refused(self):
        with self.assertRaisesRegex(ValidationError, "overlaps the term 2026-2029"):
            self.env["excfp.term"].create(
                {
                    "name": "Overlapping",
                    "date_start": date(2029, 6, 1),
                    "date_end": date(2029, 12, 31),
                }
            )
        # far ahead: the demo data has the next term, 2030-2033
        term = self.env["excfp.term"].create(
            {
                "name": "2050-2053",
                "date_start": date(2050, 1, 1),
                "date_end": date(2053, 12, 31),
            }
        )
        with (
            self.assertRaisesRegex(ValidationError, "overlaps"),
            self.env.cr.savepoint(),
        ):
            term.date_start = date(2029, 12, 1)
        term.invalidate_recordset()
        self.assertEqual(term.date_start, date(2050, 1, 1), "nothing saved is lost")

    @users("excfp_manager")
    def test_term_dates_and_name(self):
        with self.assertRaisesRegex(ValidationError, "cannot end before it starts"):
            self.env["excfp.term"].create(
                {
                    "name": "Backwards",
                    "date_start": date(2040, 1, 1),
                    "date_end": date(2039, 1, 1),
                }
            )
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self.env["excfp.term"].create(
                {
                    "name": "2026-2029",
                    "date_start": date(2050, 1, 1),
                    "date_end": date(2051, 1, 1),
                }
            )
