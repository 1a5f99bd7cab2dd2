# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import uuid

from psycopg2.errors import SerializationFailure

from odoo import api
from odoo.tests import TransactionCase


class TestFormThrottleAcrossWorkers(TransactionCase):
    """Two workers counting the same form at once: the later one cannot
    count from a stale picture. Odoo retries a request that fails with a
    serialization failure, and the retry sees the first worker's count.

    Real transactions on their own connections (two workers), committed and
    removed again: the test's own transaction cannot show this."""

    def test_concurrent_counts_conflict(self):
        form = f"test-{uuid.uuid4().hex}"
        registry = self.env.registry
        with registry.cursor() as cr_a, registry.cursor() as cr_b:
            env_a = api.Environment(cr_a, self.env.uid, {})
            env_b = api.Environment(cr_b, self.env.uid, {})
            try:
                # both requests started (snapshot taken) before either counts
                cr_a.execute("SELECT 1")
                cr_b.execute("SELECT 1")
                counts = env_a["excfp.form.throttle"]._count(form, ["all"])
                self.assertEqual(counts, {"all": 1})
                cr_a.commit()
                with self.assertRaises(SerializationFailure):
                    env_b["excfp.form.throttle"]._count(form, ["all"])
                cr_b.rollback()
                # Odoo's retry: a new transaction, which sees the first count
                counts = env_b["excfp.form.throttle"]._count(form, ["all"])
                self.assertEqual(counts, {"all": 2})
                cr_b.commit()
            finally:
                cr_a.rollback()
                cr_a.execute("DELETE FROM excfp_form_throttle WHERE form = %s", [form])
                cr_a.commit()
