# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2.errors import SerializationFailure

from odoo import api
from odoo.tests import TransactionCase


class TestAcknowledgeTwice(TransactionCase):
    """Two submissions of the same acknowledgement at once (a double click,
    two tabs): the later one fails to serialise, which Odoo replays, and the
    replay records nothing. A mere row lock would let the later one through
    once the first has committed, to break the unique constraint instead,
    which Odoo does not replay.

    Real transactions on their own connections, committed and removed again:
    the test's own transaction cannot show this."""

    def test_second_submission_is_replayed_not_doubled(self):
        registry = self.env.registry
        with registry.cursor() as cr_a, registry.cursor() as cr_b:
            env_a = api.Environment(cr_a, api.SUPERUSER_ID, {})
            env_b = api.Environment(cr_b, api.SUPERUSER_ID, {})
            partner = env_a["res.partner"].create({"name": "Twice Clicked"})
            cr_a.commit()
            try:
                Document = env_a["excfp.governance.document"]
                documents = Document.browse(Document._required_ids())
                self.assertTrue(documents)
                # both requests started (snapshot taken) before either writes
                cr_a.execute("SELECT 1")
                cr_b.execute("SELECT 1")
                done = env_a["excfp.acknowledgement"]._acknowledge(partner, documents)
                self.assertEqual(done.document_id, documents)
                cr_a.commit()
                Ack_b = env_b["excfp.acknowledgement"]
                with self.assertRaises(SerializationFailure):
                    Ack_b._acknowledge(
                        partner.with_env(env_b), documents.with_env(env_b)
                    )
                cr_b.rollback()
                # Odoo's replay: a new transaction, which sees the first one's
                env_b.invalidate_all()
                again = Ack_b._acknowledge(
                    partner.with_env(env_b), documents.with_env(env_b)
                )
                self.assertFalse(again)
            finally:
                # cr_b's replay holds a lock on the partner: release it first
                cr_b.rollback()
                cr_a.rollback()
                cr_a.execute(
                    "DELETE FROM excfp_acknowledgement WHERE partner_id = %s",
                    [partner.id],
                )
                env_a.invalidate_all()
                partner.unlink()
                cr_a.commit()
