# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common import ExcfpHttpCase


@tagged("post_install", "-at_install")
class TestClickEverywhere(ExcfpHttpCase):
    """Odoo's click bot, as the secretariat, in the addon's app: every menu,
    every view of every action, every filter, without a client error."""

    def test_secretariat_opens_every_menu(self):
        self.browser_js(
            "/odoo",
            "odoo.loader.modules.get('@web/webclient/clickbot/clickbot_loader')"
            ".startClickEverywhere('excfp_odoo.excfp_menu_root');",
            "odoo.isReady === true",
            login=self.user_secretariat.login,
            timeout=600,
            success_signal="clickbot test succeeded",
        )
