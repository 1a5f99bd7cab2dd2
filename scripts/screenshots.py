#!/usr/bin/env python3
"""Take the README screenshots of the excfp_odoo back office with headless Chromium.

Needs a running Odoo 18 with excfp_odoo *and its demo data* (e.g. ``scripts/run``,
which serves http://localhost:8069, login admin / admin), a Chromium binary and
the Python package ``playwright``. Nothing is committed for this: use a
throwaway virtualenv and the system Chromium (no ``playwright install``):

    python3 -m venv /tmp/shotvenv
    /tmp/shotvenv/bin/pip install playwright
    /tmp/shotvenv/bin/python scripts/screenshots.py \
        --url http://localhost:8069 --login admin --password admin \
        --out docs/screenshots --chromium /usr/bin/chromium

Every option has the default shown above. If the server lists several
databases, pass ``--db NAME``. The PNGs (1440x900 unless noted) written to the
output folder:

    groups_list.png           Specialist groups, list view
    groups_kanban.png         Specialist groups, kanban by focal point status
    group_form.png            Demo group excfp_odoo.group_tftsg_demo (roles, chatter)
    partner_excfp_tab.png     Focal point Amelia Hartwell, tab "SSC & ex situ":
                              CPSG / ex situ profile, SSC roles, governance
                              acknowledgements (1440x1300)
    roles_list.png            Roles, list view, default filters
    roles_pivot.png           Roles, pivot view
    governance_documents.png  Governance documents, flat list view
    liaison_list.png          Liaison requests, list view (overdue in red)
    liaison_kanban.png        Liaison requests, kanban by status
    liaison_form.png          Demo request excfp_odoo.liaison_catsg_studbook_demo
                              with its chatter (1440x1200)
    opportunity_kanban.png    Ex situ opportunities by step of the Guidelines
    opportunity_form.png      Demo opportunity excfp_odoo.opportunity_kihansi_demo
    engagement_list.png       Collaborations with the ex situ community
    network_dashboard.png     Reporting > Network, the dashboard, its first panels (1440x2300)
    network_report.png        The Steering Committee's PDF, first page (pdftoppm)
    community_kanban.png      Ex situ organisations by type
    audience_list.png         Mailing audiences (synced first)
    audience_form.png         Shipped audience "All active focal points"
    mailing_translations.png  Demo mailing, tab "Translations" (French, Spanish)
    exsitu_subscribe.png      The public subscription page (not logged in)
    term_turnover.png         The demo term 2030-2033: its turnover (figures, buttons)
    reappointments_list.png   Network > Reappointments, by group and status

The portal pages, as the demo focal point Amelia Hartwell (portal user
amelia.hartwell@example.org / amelia, options --portal-login and
--portal-password), at 1280x900 and, with the suffix _phone, at a phone's
390x844 (full page):

    portal_home.png           /my: onboarding checklist and SSC counters
    portal_roles.png          /my/ssc/roles
    portal_group.png          /my/ssc/groups/<id>: the group a member sees
    portal_governance.png     /my/ssc/governance: documents to acknowledge
    portal_profile.png        /my/ssc/profile: ex situ profile, CPSG answer
    portal_requests.png       /my/ssc/requests
    portal_request.png        one request with the portal chatter

And a Chair's page, as the demo Co-Chair David Mwangi (david.mwangi@example.org
/ david, options --chair-login and --chair-password), desktop and phone:

    portal_reappointments.png /my/ssc/reappointments: keep, do not keep, a new
                              focal point

With --directory-url (a server whose database has excfp_website), the public
directory as a visitor sees it, desktop and phone:

    directory.png             /ssc/focal-points?search=cat
    directory_group.png       the Cat Specialist Group's page and its form
"""

import argparse
import os
import subprocess
import sys
import time

from playwright.sync_api import sync_playwright

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
VIEWPORT = {"width": 1440, "height": 900}
# partner form: room for the CPSG / profile groups, roles and acknowledgements
TALL_VIEWPORT = {"width": 1440, "height": 1300}
DASHBOARD_VIEWPORT = {"width": 1440, "height": 2300}
# liaison form: the chatter sits below the sheet at this width
FORM_CHATTER_VIEWPORT = {"width": 1440, "height": 1200}
PORTAL_VIEWPORT = {"width": 1280, "height": 900}
PHONE_VIEWPORT = {"width": 390, "height": 844}


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default="http://localhost:8069", help="Odoo base URL")
    parser.add_argument("--login", default="admin")
    parser.add_argument("--password", default="admin")
    parser.add_argument(
        "--db", default=None, help="database, if the server lists several"
    )
    parser.add_argument("--portal-login", default="amelia.hartwell@example.org")
    parser.add_argument("--portal-password", default="amelia")
    parser.add_argument("--chair-login", default="david.mwangi@example.org")
    parser.add_argument("--chair-password", default="david")
    parser.add_argument("--out", default="docs/screenshots", help="output folder")
    parser.add_argument(
        "--directory-url",
        default="",
        help="an Odoo with excfp_website: only the public directory's shots",
    )
    parser.add_argument(
        "--chromium", default="/usr/bin/chromium", help="Chromium binary"
    )
    parser.add_argument(
        "--only",
        default="",
        help="comma-separated back-office file names to retake, e.g. "
        "network_dashboard.png (no PDF, public or portal shots then)",
    )
    return parser.parse_args()


def call_kw(page, base, model, method, args, kwargs=None):
    """JSON-RPC call with the browser's session (cookies are shared)."""
    response = page.request.post(
        f"{base}/web/dataset/call_kw/{model}/{method}",
        data={
            "jsonrpc": "2.0",
            "method": "call",
            "params": {
                "model": model,
                "method": method,
                "args": args,
                "kwargs": kwargs or {},
            },
        },
    )
    payload = response.json()
    if "error" in payload:
        raise RuntimeError(f"{model}.{method}: {payload['error']['data']['message']}")
    return payload["result"]


def xmlid_to_id(page, base, xmlid):
    module, name = xmlid.split(".", 1)
    rows = call_kw(
        page,
        base,
        "ir.model.data",
        "search_read",
        [[("module", "=", module), ("name", "=", name)]],
        {"fields": ["res_id"]},
    )
    if not rows:
        raise RuntimeError(f"{xmlid} not found: is the demo data loaded?")
    return rows[0]["res_id"]


class Inflight:
    """Requests under way, ignoring the bus (websocket / longpolling never ends,
    so Playwright's "networkidle" is never reached in Odoo)."""

    def __init__(self, page):
        self.pending = set()
        page.on("request", self._start)
        page.on("requestfinished", self._end)
        page.on("requestfailed", self._end)

    def _start(self, request):
        if "/websocket" not in request.url and "/longpolling" not in request.url:
            self.pending.add(request)

    def _end(self, request):
        self.pending.discard(request)

    def wait_idle(self, page, quiet=0.5, timeout=30):
        deadline = time.monotonic() + timeout
        idle_since = None
        while time.monotonic() < deadline:
            if self.pending:
                idle_since = None
            elif idle_since is None:
                idle_since = time.monotonic()
            elif time.monotonic() - idle_since >= quiet:
                return
            page.wait_for_timeout(100)
        raise TimeoutError(f"still loading: {[r.url for r in self.pending]}")


def settle(page):
    """Wait until the action is rendered and nothing is loading any more."""
    page.wait_for_selector(".o_action_manager .o_view_controller", timeout=30000)
    page.inflight.wait_idle(page)
    page.wait_for_function(
        "!document.querySelector('.o_loading_indicator, .o_blockUI, .o-spinner')",
        timeout=30000,
    )
    time.sleep(1)


def shoot(page, base, path, out, filename, before=None, viewport=None):
    page.set_viewport_size(viewport or VIEWPORT)
    page.goto(f"{base}{path}")
    settle(page)
    if before:
        before(page)
        settle(page)
    page.mouse.move(0, (viewport or VIEWPORT)["height"] - 1)  # no hover highlight
    target = os.path.join(out, filename)
    page.screenshot(path=target)
    print(target)


def main():
    args = parse_args()
    base = args.url.rstrip("/")
    os.makedirs(args.out, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
        if args.directory_url:
            directory_shots(browser, args.directory_url.rstrip("/"), args.out)
            browser.close()
            return
        context = browser.new_context(viewport=VIEWPORT, locale="en-US")
        page = context.new_page()
        page.inflight = Inflight(page)

        login_url = f"{base}/web/login" + (f"?db={args.db}" if args.db else "")
        page.goto(login_url)
        page.fill("input[name=login]", args.login)
        page.fill("input[name=password]", args.password)
        page.click("form button[type=submit]")
        page.wait_for_selector(".o_main_navbar", timeout=30000)

        group_id = xmlid_to_id(page, base, "excfp_odoo.group_tftsg_demo")
        liaison_id = xmlid_to_id(page, base, "excfp_odoo.liaison_catsg_studbook_demo")
        partners = call_kw(
            page,
            base,
            "res.partner",
            "search_read",
            [[("is_excfp", "=", True), ("name", "=", "Amelia Hartwell")]],
            {"fields": ["id"], "limit": 1},
        ) or call_kw(
            page,
            base,
            "res.partner",
            "search_read",
            [[("is_excfp", "=", True)]],
            {"fields": ["id"], "limit": 1},
        )
        if not partners:
            sys.exit("No focal point (is_excfp) found: is the demo data loaded?")
        partner_id = partners[0]["id"]

        def open_excfp_tab(pg):
            pg.click(".o_notebook .nav-link:has-text('SSC & ex situ')")
            pg.wait_for_selector(".o_notebook .tab-pane.active", timeout=10000)
            # bring the tab to the top of the screen, below the control panel
            pg.eval_on_selector(
                ".o_notebook", "el => el.scrollIntoView({block: 'start'})"
            )

        groups = "/odoo/action-excfp_odoo.excfp_specialist_group_action"
        roles = "/odoo/action-excfp_odoo.excfp_role_action"
        liaisons = "/odoo/action-excfp_odoo.excfp_liaison_action"
        # (path, filename, before, viewport)
        shots = [
            (groups + "?view_type=list", "groups_list.png", None, None),
            (groups + "?view_type=kanban", "groups_kanban.png", None, None),
            (f"{groups}/{group_id}", "group_form.png", None, None),
            (
                f"/odoo/action-contacts.action_contacts/{partner_id}",
                "partner_excfp_tab.png",
                open_excfp_tab,
                TALL_VIEWPORT,
            ),
            (roles + "?view_type=list", "roles_list.png", None, None),
            (roles + "?view_type=pivot", "roles_pivot.png", None, None),
            (
                # flat list: the action no longer groups by default
                "/odoo/action-excfp_odoo.excfp_governance_document_action",
                "governance_documents.png",
                None,
                None,
            ),
            (liaisons + "?view_type=list", "liaison_list.png", None, None),
            (liaisons + "?view_type=kanban", "liaison_kanban.png", None, None),
            (
                f"{liaisons}/{liaison_id}",
                "liaison_form.png",
                None,
                FORM_CHATTER_VIEWPORT,
            ),
        ]
        audience_id = xmlid_to_id(page, base, "excfp_odoo.audience_focal_points")
        audience_ids = call_kw(page, base, "excfp.audience", "search", [[]])
        call_kw(page, base, "excfp.audience", "action_sync", [audience_ids])
        audiences = "/odoo/action-excfp_odoo.excfp_audience_action"
        community = "/odoo/action-excfp_odoo.res_partner_action_exsitu_community"
        mailing_id = xmlid_to_id(page, base, "excfp_odoo.mailing_call_expertise_demo")

        def open_translations(pg):
            pg.click(".o_notebook .nav-link:has-text('Translations')")
            pg.wait_for_selector(".o_notebook .tab-pane.active .o_data_row")

        opportunities = "/odoo/action-excfp_odoo.excfp_opportunity_action"
        kihansi_id = xmlid_to_id(page, base, "excfp_odoo.opportunity_kihansi_demo")
        shots += [
            (opportunities, "opportunity_kanban.png", None, None),
            (f"{opportunities}/{kihansi_id}", "opportunity_form.png", None, None),
            (
                "/odoo/action-excfp_odoo.excfp_engagement_action",
                "engagement_list.png",
                None,
                None,
            ),
            (community + "?view_type=kanban", "community_kanban.png", None, None),
            (audiences, "audience_list.png", None, None),
            (f"{audiences}/{audience_id}", "audience_form.png", None, None),
            (
                f"/odoo/action-mass_mailing.mailing_mailing_action_mail/{mailing_id}",
                "mailing_translations.png",
                open_translations,
                None,
            ),
        ]
        term_id = xmlid_to_id(page, base, "excfp_odoo.term_2030_demo")

        def open_cat_group(pg):
            # the Cat group's proposals, by status (the list groups by both)
            pg.click(".o_group_header:has-text('Cat Specialist Group')")
            for status in ("Kept", "Proposed"):
                pg.click(f".o_group_header:has-text('{status}')")
                settle(pg)

        shots += [
            (
                f"/odoo/action-excfp_odoo.excfp_term_action/{term_id}",
                "term_turnover.png",
                None,
                None,
            ),
            (
                "/odoo/action-excfp_odoo.excfp_reappointment_action",
                "reappointments_list.png",
                open_cat_group,
                None,
            ),
        ]
        shots.append(
            (
                "/odoo/action-excfp_odoo.excfp_network_dashboard_action",
                "network_dashboard.png",
                None,
                DASHBOARD_VIEWPORT,
            )
        )
        only = set(filter(None, args.only.split(",")))
        for path, filename, before, viewport in shots:
            if not only or filename in only:
                shoot(page, base, path, args.out, filename, before, viewport)
        if only:
            browser.close()
            return
        report_first_page(page, base, args.out)
        public = browser.new_context(viewport=PORTAL_VIEWPORT, locale="en-US")
        public_page = public.new_page()
        public_page.goto(f"{base}/exsitu/subscribe")
        public_page.wait_for_selector(".o_excfp_subscribe_form", timeout=30000)
        time.sleep(1)
        target = os.path.join(args.out, "exsitu_subscribe.png")
        public_page.screenshot(path=target)
        print(target)
        public.close()
        # the focal point's own group: CatSG, where the demo studbook request is
        catsg_id = xmlid_to_id(page, base, "excfp_odoo.group_catsg_demo")
        amur_id = xmlid_to_id(page, base, "excfp_odoo.opportunity_amur_demo")
        portal_shots(browser, base, args, catsg_id, liaison_id, amur_id)
        chair_shots(browser, base, args)
        browser.close()


def report_first_page(page, base, out):
    """The first page of the Steering Committee's PDF, as a PNG (pdftoppm)."""
    wizard_id = call_kw(page, base, "excfp.network.report.wizard", "create", [{}])
    response = page.request.get(
        f"{base}/report/pdf/excfp_odoo.report_network/{wizard_id}"
    )
    pdf = os.path.join(out, "network_report.pdf")
    with open(pdf, "wb") as file:
        file.write(response.body())
    target = os.path.join(out, "network_report")
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "70",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            pdf,
            target,
        ],
        check=True,
    )
    os.remove(pdf)
    print(f"{target}.png")


def portal_shots(browser, base, args, group_id, liaison_id, opportunity_id):
    """The focal point's portal pages, on a desktop and on a phone."""
    for viewport, suffix in ((PORTAL_VIEWPORT, ""), (PHONE_VIEWPORT, "_phone")):
        context = browser.new_context(viewport=viewport, locale="en-US")
        page = context.new_page()
        page.inflight = Inflight(page)
        page.goto(f"{base}/web/login" + (f"?db={args.db}" if args.db else ""))
        page.fill("input[name=login]", args.portal_login)
        page.fill("input[name=password]", args.portal_password)
        page.click("form button[type=submit]")
        page.wait_for_selector(".o_portal_wrap", timeout=30000)
        shots = [
            ("/my", "portal_home", ".o_portal_doc_spinner"),
            ("/my/ssc/roles", "portal_roles", None),
            (f"/my/ssc/groups/{group_id}", "portal_group", None),
            ("/my/ssc/governance", "portal_governance", None),
            ("/my/ssc/profile", "portal_profile", None),
            ("/my/ssc/requests?filterby=all", "portal_requests", None),
            (f"/my/ssc/requests/{liaison_id}", "portal_request", None),
            ("/my/ssc/opportunities", "portal_opportunities", None),
            (f"/my/ssc/opportunities/{opportunity_id}", "portal_opportunity", None),
        ]
        for path, name, gone in shots:
            page.goto(f"{base}{path}")
            page.wait_for_selector(".o_portal_wrap", timeout=30000)
            if gone:  # the counters are filled in after the page loads
                page.wait_for_selector(gone, state="detached", timeout=30000)
            if "/requests/" in path or "/opportunities/" in path:
                # the chatter renders in a shadow root
                page.wait_for_selector(".o-mail-Composer-input", timeout=30000)
            page.inflight.wait_idle(page)
            time.sleep(1)
            target = os.path.join(args.out, f"{name}{suffix}.png")
            page.screenshot(path=target, full_page=bool(suffix))
            print(target)
        context.close()


def directory_shots(browser, base, out):
    """The public directory, as an anonymous visitor, desktop and phone."""
    for viewport, suffix in ((PORTAL_VIEWPORT, ""), (PHONE_VIEWPORT, "_phone")):
        page = browser.new_page(viewport=viewport, locale="en-US")
        page.goto(f"{base}/ssc/focal-points?search=cat")
        page.wait_for_selector(".o_excfp_directory", timeout=30000)
        time.sleep(1)
        target = os.path.join(out, f"directory{suffix}.png")
        page.screenshot(path=target, full_page=bool(suffix))
        print(target)
        page.click(".o_excfp_directory_group a:has-text('Cat Specialist Group')")
        page.wait_for_selector(".o_excfp_directory_form", timeout=30000)
        time.sleep(1)
        target = os.path.join(out, f"directory_group{suffix}.png")
        page.screenshot(path=target, full_page=bool(suffix))
        print(target)
        page.close()


def chair_shots(browser, base, args):
    """A Chair's reappointments page, on a desktop and on a phone."""
    for viewport, suffix in ((PORTAL_VIEWPORT, ""), (PHONE_VIEWPORT, "_phone")):
        context = browser.new_context(viewport=viewport, locale="en-US")
        page = context.new_page()
        page.inflight = Inflight(page)
        page.goto(f"{base}/web/login" + (f"?db={args.db}" if args.db else ""))
        page.fill("input[name=login]", args.chair_login)
        page.fill("input[name=password]", args.chair_password)
        page.click("form button[type=submit]")
        page.wait_for_selector(".o_portal_wrap", timeout=30000)
        page.goto(f"{base}/my/ssc/reappointments")
        page.wait_for_selector(".o_excfp_reappointment_group", timeout=30000)
        page.inflight.wait_idle(page)
        time.sleep(1)
        target = os.path.join(args.out, f"portal_reappointments{suffix}.png")
        page.screenshot(path=target, full_page=bool(suffix))
        print(target)
        context.close()


if __name__ == "__main__":
    main()
