# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import hashlib
import secrets
import time
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, consteq, hmac

from ..utils import clean_text, get_days

# A challenge of the form is solved within this many seconds of the page.
CHALLENGE_VALIDITY = 3600
HMAC_SCOPE = "excfp_odoo.form_proof"


class ExcfpFormThrottle(models.Model):
    """Counters of the public forms that send email, one per form, key and
    hour: the client's address, all clients, and each proof of work (used
    once). They live in PostgreSQL, so the limits hold across workers: two
    workers counting at once update the same row, and the later one is
    retried by Odoo (serialization failure) with the first one's count."""

    _name = "excfp.form.throttle"
    _description = "Public Form Rate Limit"
    _order = "hour_start desc, id desc"
    _log_access = False

    form = fields.Char(required=True, readonly=True)
    key = fields.Char(required=True, readonly=True)
    hour_start = fields.Datetime(
        required=True, readonly=True, help="Start of the hour."
    )
    count = fields.Integer(readonly=True)

    _sql_constraints = [
        (
            "form_key_hour_uniq",
            "unique(form, key, hour_start)",
            "One counter per hour.",
        ),
    ]

    # ---- Proof of work ----

    @api.model
    def _param(self, name):
        return get_days(self.env, name)

    @api.model
    def _new_challenge(self):
        """A signed, dated challenge for the form's page; the browser finds a
        nonce whose SHA-256 with it starts with ``bits`` zero bits."""
        challenge = f"{int(time.time())}.{secrets.token_hex(8)}"
        return {
            "challenge": challenge,
            "signature": hmac(self.env(su=True), HMAC_SCOPE, challenge),
            "bits": self._param("excfp_odoo.form_proof_bits"),
        }

    @api.model
    def _proof_is_valid(self, challenge, signature, nonce):
        if not all(
            isinstance(v, str) and 0 < len(v) <= 100
            for v in (challenge, signature, nonce)
        ):
            return False
        expected = hmac(self.env(su=True), HMAC_SCOPE, challenge)
        if not consteq(expected, signature):
            return False
        issued = challenge.split(".")[0]
        if (
            not issued.isdigit()
            or not 0 <= time.time() - int(issued) <= CHALLENGE_VALIDITY
        ):
            return False
        digest = hashlib.sha256(f"{challenge}:{nonce}".encode()).digest()
        bits = self._param("excfp_odoo.form_proof_bits")
        return int.from_bytes(digest, "big") >> (256 - bits) == 0

    # ---- Rate limits ----

    @api.model
    def _count(self, form, keys):
        """Add one to this hour's counters of ``keys``; their new values."""
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO excfp_form_throttle (form, key, hour_start, count)
                SELECT %(form)s, key, %(hour)s, 1
                  FROM unnest(%(keys)s::varchar[]) AS key
                ON CONFLICT (form, key, hour_start)
                DO UPDATE SET count = excfp_form_throttle.count + 1
                RETURNING key, count
                """,
                form=form,
                keys=list(keys),
                hour=fields.Datetime.now().replace(minute=0, second=0, microsecond=0),
            )
        )
        return dict(self.env.cr.fetchall())

    @api.model
    def _admit(self, form, remote_addr, challenge, signature, nonce, email=None):
        """Let one submission of a public form through, or raise a UserError
        whose message the form shows: an unsolved or reused proof of work,
        or too many submissions this hour from the address, for the email
        (when given) or from all."""
        if not self._proof_is_valid(challenge, signature, nonce):
            raise UserError(
                self.env._(
                    "Your browser could not confirm this request. Reload the page "
                    "and send the form again (it needs JavaScript)."
                )
            )
        address_key = f"address:{remote_addr or 'unknown'}"
        proof_key = f"proof:{challenge}"
        keys = ["all", address_key, proof_key]
        if email:
            keys.append(f"email:{email}")
        counts = self._count(form, keys)
        if counts[proof_key] > 1:
            raise UserError(
                self.env._(
                    "This form was already sent. Reload the page to send it again."
                )
            )
        per_client = self._param("excfp_odoo.form_rate_per_address")
        if (
            counts[address_key] > per_client
            or counts.get(f"email:{email}", 0) > per_client
            or counts["all"] > self._param("excfp_odoo.form_rate_total")
        ):
            raise UserError(
                self.env._("Too many requests for now: please try again in an hour.")
            )

    @api.model
    def _admit_post(self, form, post, remote_addr, email=None):
        """``_admit`` for a public form's POST (its proof-of-work fields):
        the refusal's message, or None when let through."""
        try:
            self._admit(
                form,
                remote_addr,
                clean_text(post.get("proof_challenge")),
                clean_text(post.get("proof_signature")),
                clean_text(post.get("proof_nonce")),
                email=email,
            )
        except UserError as refusal:
            return refusal.args[0]
        return None

    @api.autovacuum
    def _gc_counters(self):
        self.search(
            [("hour_start", "<", fields.Datetime.now() - timedelta(days=1))]
        ).unlink()
