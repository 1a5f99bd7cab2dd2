# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestHttpNulPath404(HttpCase):
    @mute_logger("odoo.http")
    def test_nul_in_path_is_not_found(self):
        for path in ("/%00", "/no/such/page%00.png", "/a%00b/c"):
            with self.subTest(path):
                response = self.url_open(path, allow_redirects=False)
                self.assertEqual(response.status_code, 404)

    def test_other_unknown_paths_still_reach_the_fallback(self):
        """A public attachment served by its URL, as core does: only paths
        with a NUL skip the attachment lookup."""
        self.env["ir.attachment"].create(
            {
                "name": "fallback.txt",
                "url": "/http_nul_path_404/fallback.txt",
                "raw": b"served",
                "public": True,
                "mimetype": "text/plain",
            }
        )
        response = self.url_open("/http_nul_path_404/fallback.txt")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, b"served")
        response = self.url_open("/http_nul_path_404/fallback.txt%00")
        self.assertEqual(response.status_code, 404)
