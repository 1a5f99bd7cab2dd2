# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
import random
from datetime import timedelta
from urllib.parse import quote, urlencode

from odoo.tests import tagged
from odoo.tools import SQL, mute_logger

from .common import HOSTILE_VALUES, ExcfpPortalCase

REQUESTS = 1200
SEED = 20261124


@tagged("post_install", "-at_install")
class TestPortalFuzz(ExcfpPortalCase):
    """Generated requests on every SSC portal route, as focal point A: bad
    ids, bad strings, missing or wrong CSRF tokens, wrong methods, repeated
    posts. None may answer 5xx, and nothing that is not A's may change."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # proposals for the next term, A's group's among them: A is no Chair
        Term = cls.env["excfp.term"]
        start = Term._get_current().date_end + timedelta(days=1)
        term = Term.search([("date_start", ">=", start)], limit=1) or Term.create(
            {
                "name": "Fuzz next term",
                "date_start": start,
                "date_end": start + timedelta(days=1000),
            }
        )
        cls.env["excfp.reappointment"]._prepare(term, cls.group_a | cls.group_b)

    def _foreign_state(self):
        """Everything a portal user must not change, read with SQL."""
        own = self.portal_a.partner_id.id
        self.env.flush_all()
        queries = {
            "requests": SQL(
                "SELECT id, state, date_answered, focal_point_id FROM excfp_liaison"
                " WHERE focal_point_id IS DISTINCT FROM %s ORDER BY id",
                own,
            ),
            "messages": SQL(
                "SELECT res_id, count(*) FROM mail_message WHERE model = 'excfp.liaison'"
                " AND res_id IN (SELECT id FROM excfp_liaison"
                " WHERE focal_point_id IS DISTINCT FROM %s) GROUP BY res_id ORDER BY res_id",
                own,
            ),
            "acknowledgements": SQL(
                "SELECT id, partner_id, document_id, version FROM excfp_acknowledgement"
                " WHERE partner_id != %s ORDER BY id",
                own,
            ),
            "partners": SQL(
                "SELECT id, exsitu_org_type, cpsg_status, cpsg_training_state,"
                " exsitu_experience, write_date FROM res_partner WHERE id != %s ORDER BY id",
                own,
            ),
            "networks": SQL(
                "SELECT partner_id, network_id FROM excfp_exsitu_network_res_partner_rel"
                " WHERE partner_id != %s ORDER BY 1, 2",
                own,
            ),
            "roles": SQL(
                "SELECT id, partner_id, group_id, state, active, notes FROM excfp_role ORDER BY id"
            ),
            "groups": SQL(
                "SELECT id, name::text, scope, website, write_date"
                " FROM excfp_specialist_group ORDER BY id"
            ),
            "reappointments": SQL(
                "SELECT id, state, decided_by_id, partner_id FROM excfp_reappointment"
                " ORDER BY id"
            ),
            "documents": SQL(
                "SELECT id, version, write_date FROM excfp_governance_document ORDER BY id"
            ),
        }
        state = {}
        for name, query in queries.items():
            self.env.cr.execute(query)
            state[name] = self.env.cr.fetchall()
        return state

    def _values(self, rng):
        """Ids of A's and of others' records, and hostile values."""
        own = [
            self.request_a.id,
            self.group_a.id,
            self.documents[0].id,
            self.env["excfp.reappointment"].search([], limit=1).id,
        ]
        foreign = [
            self.request_b.id,
            self.request_i.id,
            self.group_b.id,
            self.group_i.id,
            self.role_b.id,
        ]
        hostile = [*HOSTILE_VALUES, "a" * rng.choice((300, 5000, 20000)), "all"]
        return own, foreign, hostile

    def _random_value(self, rng):
        own, foreign, hostile = self._values(rng)
        pool = rng.choice((own, foreign, hostile, hostile))
        return str(rng.choice(pool))

    def _random_request(self, rng, csrf):
        """(method, url, data) for one generated request."""
        value = self._random_value
        get_routes = [
            "/my/ssc/roles",
            "/my/ssc/roles/page/{v}",
            "/my/ssc/groups/{v}",
            "/my/ssc/governance",
            "/my/ssc/profile",
            "/my/ssc/requests",
            "/my/ssc/requests/page/{v}",
            "/my/ssc/requests/{v}",
            "/my/ssc/reappointments",
            "/my",
        ]
        post_routes = [
            "/my/ssc/governance/acknowledge",
            "/my/ssc/profile",
            "/my/ssc/requests/{v}/answer",
            "/my/ssc/reappointments/{v}/decide",
            "/my/ssc/reappointments/keep-all",
            "/my/ssc/reappointments/focal-point",
        ]
        params = [
            "sortby",
            "filterby",
            "search",
            "search_in",
            "page",
            "message",
            "saved",
            "access_token",
            "document_id",
            "version",
            "document_ids",
            "exsitu_org_type",
            "network_ids",
            "exsitu_experience",
            "cpsg_training_state",
            "cpsg_answer",
            "partner_id",
            "focal_point_id",
            "decision",
            "group_id",
            "term_id",
            "name",
            "email",
        ]
        is_post = rng.random() < 0.5
        route = rng.choice(post_routes if is_post else get_routes)
        url = route.format(v=quote(value(rng), safe=""))
        data = {rng.choice(params): value(rng) for _i in range(rng.randint(0, 5))}
        if is_post:
            token = rng.choice(("valid", "valid", "valid", "missing", "wrong"))
            if token == "valid":
                data["csrf_token"] = csrf
            elif token == "wrong":
                data["csrf_token"] = csrf[:-3] + "000"
            method = rng.choice(("POST",) * 8 + ("GET", "PUT", "DELETE"))
        else:
            method = rng.choice(("GET",) * 8 + ("POST", "PUT", "HEAD"))
        return method, url, data

    @mute_logger("odoo.http", "odoo.addons.http_routing.models.ir_http")
    def test_fuzz_routes(self):
        self.login(self.portal_a)
        csrf = self.csrf_token()
        before = self._foreign_state()
        rng = random.Random(SEED)
        failures = []
        statuses = {}
        sent = 0
        previous = None
        while sent < REQUESTS:
            # one request in ten is the previous one again: a double submission
            if previous and rng.random() < 0.1:
                method, url, data = previous
            else:
                method, url, data = self._random_request(rng, csrf)
            previous = (method, url, data)
            if method == "GET":
                response = self.url_open(
                    f"{url}?{urlencode(data)}" if data else url, allow_redirects=False
                )
            elif method == "POST":
                response = self.url_open(url, data=data, allow_redirects=False)
            else:
                response = self.opener.request(
                    method, self.base_url() + url, data=data, allow_redirects=False
                )
            sent += 1
            statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
            if response.status_code >= 500:
                failures.append(
                    (response.status_code, method, url[:120], str(data)[:200])
                )
        # JSON routes too: another focal point's thread, and counters
        for thread_id in (self.request_b.id, self.request_i.id, 0, -1, 2**31):
            response = self.url_open(
                "/mail/message/post",
                data=json.dumps(
                    {
                        "params": {
                            "thread_model": "excfp.liaison",
                            "thread_id": thread_id,
                            "post_data": {"body": "Hijack", "message_type": "comment"},
                        }
                    }
                ),
                headers={"Content-Type": "application/json"},
            )
            sent += 1
            self.assertLess(response.status_code, 500)
            self.assertNotIn('"result"', response.text, thread_id)
        self.maxDiff = None
        self.assertEqual(failures, [], f"5xx answers; statuses seen: {statuses}")
        self.assertGreaterEqual(sent, 1000)
        # the generator reached the interesting outcomes
        for status in (200, 303, 400, 404, 405):
            self.assertIn(status, statuses, statuses)
        self.env.invalidate_all()
        after = self._foreign_state()
        for name, rows in before.items():
            self.assertEqual(after[name], rows, f"{name} changed under fuzzing")
