# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged

from odoo.addons.mail.tests.common import mail_new_test_user


@tagged("post_install", "-at_install")
class TestClickEverywhere(HttpCase):
    """Odoo's click bot, as the secretariat, in the addon's app: every menu,
    every view of every action, every filter, without a client error."""

    def test_secretariat_opens_every_menu(self):
        mail_new_test_user(
            self.env,
            login="excfp_clickbot",
            password="excfp_clickbot",
            name="Cleo Click",
            email="cleo.click@example.org",
            groups="base.group_user,excfp_odoo.group_excfp_user",
        )
        self.browser_js(
            "/odoo",
            "odoo.loader.modules.get('@web/webclient/clickbot/clickbot_loader')"
            ".startClickEverywhere('excfp_odoo.excfp_menu_root');",
            "odoo.isReady === true",
            login="excfp_clickbot",
            timeout=600,
            success_signal="clickbot test succeeded",
        )
