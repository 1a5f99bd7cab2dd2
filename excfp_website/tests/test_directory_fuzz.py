# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import random
from urllib.parse import quote, urlencode

from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.excfp_odoo.tests.common import (
    HOSTILE_VALUES,
    ExcfpHttpCase,
    solve_proof,
)

REQUESTS = 1000
SEED = 20261204
HOSTILE = [*HOSTILE_VALUES, "a-b-c-", "group-"]


@tagged("post_install", "-at_install")
class TestDirectoryFuzz(ExcfpHttpCase):
    """Generated requests on the directory's public routes, as an anonymous
    visitor: bad slugs, pages and strings, long input, missing or wrong
    CSRF tokens and proofs, wrong methods. None may answer 5xx, and no
    request is made but from a valid form."""

    def _value(self, rng, group, long=True):
        slug = self.env["ir.http"]._slug(group)
        pools = [HOSTILE, [slug, str(group.id), f"x-{group.id}"]]
        if long:  # in a form's body, not in a URL
            pools.append(["a" * rng.choice((300, 6000, 30000))])
        return str(rng.choice(rng.choice(pools)))

    def _request(self, rng, group, csrf):
        value = self._value(rng, group, long=False)
        routes = [
            "/ssc/focal-points",
            "/ssc/focal-points/page/{v}",
            "/ssc/focal-points/{v}",
            "/ssc/focal-points/contact",
        ]
        url = rng.choice(routes).format(v=quote(value, safe=""))
        params = ["search", "group_type", "page", "name", "email", "organisation"]
        params += ["org_type", "subject", "message", "website_url", "proof_nonce"]
        method = rng.choice(("GET",) * 5 + ("POST",) * 4 + ("PUT",))
        # long values in a form's body; a URL that long is cut by the server
        data = {
            rng.choice(params): self._value(rng, group, long=method != "GET")
            for _ in range(rng.randint(0, 6))
        }
        if method == "POST":
            token = rng.choice(("valid", "valid", "missing", "wrong"))
            if token == "valid":
                data["csrf_token"] = csrf
            elif token == "wrong":
                data["csrf_token"] = csrf[:-3] + "000"
        return method, url, data

    @mute_logger("odoo.http", "odoo.addons.http_routing.models.ir_http")
    def test_fuzz_public_routes(self):
        group = self.env["excfp.specialist.group"].create(
            {"name": "Fuzz Frog Specialist Group", "code": "FFSG"}
        )
        self.authenticate(None, None)
        csrf = self.csrf_token()
        Liaison = self.env["excfp.liaison"]
        before = Liaison.search_count([])
        rng = random.Random(SEED)
        failures, statuses = [], {}
        for _i in range(REQUESTS):
            method, url, data = self._request(rng, group, csrf)
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
            statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
            if response.status_code >= 500:
                failures.append(
                    (response.status_code, method, url[:100], str(data)[:200])
                )
        self.assertFalse(failures, failures[:5])
        self.assertGreater(statuses.get(200, 0), 100, statuses)
        self.assertGreater(statuses.get(404, 0), 10, statuses)
        # no proof of work was ever solved: nothing was made
        self.env.invalidate_all()
        self.assertEqual(Liaison.search_count([]), before)
        # a valid form still goes through afterwards
        response = self.url_open(
            f"/ssc/focal-points/{self.env['ir.http']._slug(group)}",
            data={
                "csrf_token": csrf,
                "name": "Fuzz Tester",
                "email": "fuzz@example.org",
                "subject": "After the storm",
                "message": "Still working?",
                **solve_proof(self.env),
            },
        )
        self.assertIn("o_excfp_directory_sent", response.text)
