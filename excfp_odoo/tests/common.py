# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import hashlib
from datetime import date, datetime, time, timedelta

from odoo.tests import TransactionCase

from odoo.addons.mail.tests.common import MockEmail, mail_new_test_user


class ExcfpCase(TransactionCase, MockEmail):
    """One user per role, a current term of our own and a group without demo
    people, so that tests do not depend on demo data."""

    # Noon UTC today: "today" is then the same date in every time zone the
    # tests meet (the demo users' Europe/Brussels is tomorrow after 23:00 UTC).
    freeze_time = datetime.combine(date.today(), time(12, 0))

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=False))
        cls.user_secretariat = mail_new_test_user(
            cls.env,
            login="excfp_secretariat",
            name="Sam Secretariat",
            email="sam.secretariat@example.org",
            groups="base.group_user,excfp_odoo.group_excfp_user",
        )
        cls.user_manager = mail_new_test_user(
            cls.env,
            login="excfp_manager",
            name="Mia Manager",
            email="mia.manager@example.org",
            groups="base.group_user,excfp_odoo.group_excfp_manager",
        )
        cls.user_employee = mail_new_test_user(
            cls.env,
            login="excfp_employee",
            name="Eve Employee",
            email="eve.employee@example.org",
            groups="base.group_user",
        )
        Term = cls.env["excfp.term"]
        # The data's terms run to 2029: after that, a term of the tests' own.
        cls.term_current = Term._get_current() or Term.create(
            {
                "name": "Test term",
                "date_start": date.today() - timedelta(days=365),
                "date_end": date.today() + timedelta(days=365),
            }
        )
        cls.term_past = Term.search(
            [("date_end", "<", cls.term_current.date_start)], limit=1
        )
        cls.group = cls.env["excfp.specialist.group"].create(
            {"name": "Test Newt Specialist Group", "code": "TNSG"}
        )
        make_documents_readable(cls.env)
        Partner = cls.env["res.partner"]
        cls.ana = Partner.create({"name": "Ana Test", "email": "ana@example.org"})
        cls.ben = Partner.create({"name": "Ben Test", "email": "ben@example.org"})
        cls.cai = Partner.create({"name": "Cai Test", "email": "cai@example.org"})

    def _role(self, partner, role_type="member", state="nominated", **vals):
        return self.env["excfp.role"].create(
            {
                "partner_id": partner.id,
                "group_id": vals.pop("group", self.group).id,
                "role_type": role_type,
                "state": state,
                **vals,
            }
        )

    @staticmethod
    def _date(*args):
        return date(*args)


def solve_proof(env, challenge=None):
    """The proof of work a browser sends with a public form, solved as
    excfp_form_proof.js solves it: fields of the form's POST."""
    if challenge is None:
        challenge = env["excfp.form.throttle"]._new_challenge()
    bits, nonce = challenge["bits"], 0
    while int.from_bytes(
        hashlib.sha256(f"{challenge['challenge']}:{nonce}".encode()).digest(), "big"
    ) >> (256 - bits):
        nonce += 1
    return {
        "proof_challenge": challenge["challenge"],
        "proof_signature": challenge["signature"],
        "proof_nonce": str(nonce),
    }


def make_documents_readable(env):
    """The shipped documents mostly have no link yet (the secretariat adds
    links or files); tests of acknowledging need them readable."""
    env["excfp.governance.document"].search([("url", "=", False)]).write(
        {"url": "https://www.iucn.org/ssc-documents"}
    )
