"""The addon's screens beside Odoo core's, on SSC-sized data.

Run inside ``odoo shell`` on a throwaway database with excfp_odoo installed
(``scripts/benchmark --screens`` does it all). Scale 1 is the SSC: 200 groups,
12,000 experts, 30,000 roles over three terms, 20,000 acknowledgements and
42,000 partners in all; EXCFP_BENCH_SCALE=5 is five times that.

Each screen is asked as the web client asks it (``web_search_read`` with the
fields of the list view, first page with its count, a deep page;
``web_read_group`` then the cards of a kanban), as a secretariat user, on a
fresh cursor each time, interleaved with core's equivalent on ``res.partner``.
The portal's home is asked over HTTP (Odoo's WSGI application, in this
process) as a focal point's browser asks it: the page, then the counters its
cards leave to /my/counters; core's is a portal user without an SSC role.
Prints ours, core, the ratio and both query counts (medians of RUNS runs),
and writes the table between the README's markers for this scale when
EXCFP_BENCH_README names it (scripts/benchmark --screens does).
"""

import datetime
import os
import platform
import random
import re
import statistics
import time

from lxml import etree
from werkzeug.test import Client

import odoo
from odoo import Command, api, sql_db

SCALE = float(os.environ.get("EXCFP_BENCH_SCALE", "1"))
RUNS = int(os.environ.get("EXCFP_BENCH_RUNS", "7"))
N_GROUPS = int(200 * SCALE)
N_EXPERTS = int(12000 * SCALE)
N_OTHERS = int(30000 * SCALE)
N_ACKS = int(20000 * SCALE)

env = env  # noqa: F821  (provided by odoo shell)
random.seed(42)


def build():
    """SSC-sized data, committed: every measure runs on a cursor of its own."""
    user = env["res.users"].search([("login", "=", "bench_secretariat")])
    if user:  # a kept database (EXCFP_BENCH_DB): measure it again
        return user
    ctx = {"tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True}
    Partner = env["res.partner"].with_context(**ctx)
    terms = env["excfp.term"].search([], order="date_start")
    past, previous, current = terms[-3], terms[-2], env["excfp.term"]._get_current()
    groups = (
        env["excfp.specialist.group"]
        .with_context(**ctx)
        .create(
            [
                {"name": f"Bench {i:04d} Specialist Group", "code": f"BSG{i}"}
                for i in range(N_GROUPS)
            ]
        )
    )
    orgs = Partner.create(
        [
            {
                "name": f"Bench Zoo {i:05d}",
                "is_company": True,
                "email": f"z{i}@zoo.example.org",
            }
            for i in range(N_OTHERS // 10)
        ]
    )
    Partner.create(
        [
            {
                "name": f"Bench Keeper {i:05d}",
                "parent_id": orgs[i % len(orgs)].id,
                "email": f"k{i}@zoo.example.org",
            }
            for i in range(N_OTHERS - len(orgs))
        ]
    )
    experts = Partner.create(
        [
            {
                "name": f"Bench Expert {i:05d}",
                "email": f"e{i}@ssc.example.org",
                "cpsg_status": random.choice(["member", "not_member", "invited"]),
            }
            for i in range(N_EXPERTS)
        ]
    )
    roles = []
    per_term = 10000 * SCALE
    for term, state in ((past, "ended"), (previous, "ended"), (current, "active")):
        for i in range(int(per_term)):
            group = groups[i % N_GROUPS]
            if i < N_GROUPS:
                role_type = "chair"
            elif i < 2 * N_GROUPS and (i % 3):
                role_type = "focal_point"
            else:
                role_type = "member"
            roles.append(
                {
                    "partner_id": experts[(i * 7 + term.id) % N_EXPERTS].id,
                    "group_id": group.id,
                    "term_id": term.id,
                    "role_type": role_type,
                    "state": state,
                    "date_start": term.date_start,
                    "date_end": term.date_end,
                }
            )
    # Active focal points without the activation's emails: data, not a story.
    env["excfp.role"].with_context(**ctx, install_module="excfp_odoo").create(roles)
    docs = env["excfp.governance.document"].search([])
    docs.filtered(lambda d: not d.url).write({"url": "https://www.iucn.org/ssc"})
    acks, seen = [], set()
    while len(acks) < N_ACKS:
        partner = experts[random.randrange(N_EXPERTS)]
        doc = docs[random.randrange(len(docs))]
        if (partner.id, doc.id) not in seen:
            seen.add((partner.id, doc.id))
            acks.append({"partner_id": partner.id, "document_id": doc.id})
    env["excfp.acknowledgement"].with_context(**ctx).create(acks)
    user = env["res.users"].create(
        {
            "name": "Bench Secretariat",
            "login": "bench_secretariat",
            "groups_id": [Command.set([env.ref("excfp_odoo.group_excfp_user").id])],
        }
    )
    env.cr.commit()
    # As autovacuum does after an import (PostgreSQL 13+ vacuums after
    # inserts too): statistics, and the visibility map index-only scans use.
    env.cr._cnx.autocommit = True
    env.cr.execute("VACUUM ANALYZE")
    env.cr._cnx.autocommit = False
    return user


def portal_users():
    """A focal point of the current term on the portal, and a portal user
    without an SSC role for core's home page."""
    Users = env["res.users"].with_context(no_reset_password=True)
    if Users.search([("login", "=", "bench_focal_point")]):
        return
    focal_point = env["excfp.role"].search(
        [("role_type", "=", "focal_point"), ("state", "=", "active")], limit=1
    )
    portal = env.ref("base.group_portal")
    for login, partner in (
        ("bench_focal_point", focal_point.partner_id),
        ("bench_portal", env["res.partner"].create({"name": "Bench Portal User"})),
    ):
        Users.create(
            {
                "login": login,
                "password": login,
                "partner_id": partner.id,
                "groups_id": [Command.set([portal.id])],
            }
        )
    env.cr.commit()


def run(uid, func):
    """Seconds and queries of one call, on a fresh cursor, as the user."""
    with env.registry.cursor() as cr:
        user_env = api.Environment(cr, uid, {"lang": "en_US", "tz": "UTC"})
        queries = sql_db.sql_counter  # every cursor's: HTTP requests open theirs
        start = time.perf_counter()
        func(user_env)
        elapsed = time.perf_counter() - start
        queries = sql_db.sql_counter - queries
        cr.rollback()
    return elapsed, queries


def portal_home(login):
    """/my and its /my/counters call, as the user's browser asks them."""
    client = Client(odoo.http.root)
    environ = {"REMOTE_ADDR": "127.0.0.1"}

    def rpc(url, params):
        response = client.post(
            url, environ_base=environ, json={"jsonrpc": "2.0", "params": params}
        )
        assert "error" not in response.json, response.json
        return response.json["result"]

    rpc(
        "/web/session/authenticate",
        {"db": env.cr.dbname, "login": login, "password": login},
    )

    def call(_env):
        response = client.get("/my", environ_base=environ)
        assert response.status_code == 200, response.status
        page = response.get_data(as_text=True)
        wanted = re.findall(r'data-placeholder_count="([^"]+)"', page)
        rpc("/my/counters", {"counters": wanted})

    return call


def list_page(model_name, domain, spec, offset=0, order=None):
    def call(e):
        model = e[model_name]
        model.web_search_read(
            domain, spec, offset=offset, limit=80, order=order, count_limit=10001
        )

    return call


def kanban(model_name, domain, groupby, spec):
    def call(e):
        model = e[model_name]
        result = model.web_read_group(domain, [], [groupby], lazy=True)
        for group in result["groups"]:
            model.web_search_read(group["__domain"], spec, limit=40)

    return call


def count(model_name, domain):
    return lambda e: e[model_name].search_count(domain)


user = build()
portal_users()
Group = env["excfp.specialist.group"].with_user(user)
Role = env["excfp.role"].with_user(user)
Partner = env["res.partner"].with_user(user)
n_roles = env["excfp.role"].search_count([])


def view_spec(model, view_type, view_ref=None):
    """The fields a view reads, as the web client asks for them: the same
    as excfp_odoo/tests/common.py's, which a script cannot import (Odoo's
    test framework refuses to load outside a test run)."""
    view_id = env.ref(view_ref).id if view_ref else False
    arch = model.get_views([(view_id, view_type)])["views"][view_type]["arch"]
    spec = {}
    for node in etree.fromstring(arch).xpath("//field[not(ancestor::field)]"):
        field = model._fields.get(node.get("name"))
        if field is None:
            continue
        hidden = {node.get("invisible"), node.get("column_invisible")} & {"1", "True"}
        if field.type in ("many2one", "many2many", "one2many") and not hidden:
            spec[field.name] = {"fields": {"display_name": {}}}
        else:
            spec[field.name] = {"fields": {}} if field.type == "many2one" else {}
    return spec


core_list = view_spec(Partner, "list")
core_kanban = view_spec(Partner, "kanban")

SCREENS = [
    (
        "groups list, first page + count",
        list_page("excfp.specialist.group", [], view_spec(Group, "list")),
        list_page("res.partner", [], core_list),
    ),
    (
        "groups kanban by status",
        kanban(
            "excfp.specialist.group", [], "excfp_status", view_spec(Group, "kanban")
        ),
        kanban("res.partner", [], "is_company", core_kanban),
    ),
    (
        "roles list, first page + count",
        list_page("excfp.role", [("state", "!=", "ended")], view_spec(Role, "list")),
        list_page("res.partner", [], core_list),
    ),
    (
        "roles list, deep page",
        list_page("excfp.role", [], view_spec(Role, "list"), offset=n_roles - 80),
        list_page("res.partner", [], core_list, offset=n_roles - 80),
    ),
    (
        "Focal Points list, first page + count",
        list_page(
            "res.partner",
            [("is_excfp", "=", True)],
            view_spec(Partner, "list", "excfp_odoo.res_partner_view_list"),
        ),
        list_page("res.partner", [("name", "=ilike", "Bench Expert 001%")], core_list),
    ),
    (
        "search: focal points with incomplete acknowledgements",
        count(
            "res.partner",
            [("is_excfp", "=", True), ("governance_ack_complete", "=", False)],
        ),
        count("res.partner", [("name", "=ilike", "Bench Expert 001%")]),
    ),
    (
        "search: focal points not in CPSG",
        count(
            "res.partner", [("is_excfp", "=", True), ("cpsg_status", "!=", "member")]
        ),
        count("res.partner", [("name", "=ilike", "Bench Expert 001%")]),
    ),
    (
        "portal: a focal point's /my + /my/counters",
        portal_home("bench_focal_point"),
        portal_home("bench_portal"),
    ),
]

samples = {name: ([], [], [], []) for name, *_ in SCREENS}
for _ in range(RUNS):
    for name, ours, core in SCREENS:
        ours_t, ours_q = run(user.id, ours)
        core_t, core_q = run(user.id, core)
        samples[name][0].append(ours_t)
        samples[name][1].append(core_t)
        samples[name][2].append(ours_q)
        samples[name][3].append(core_q)

header = (
    f"Scale {SCALE:g}: {N_GROUPS:,} groups, {n_roles:,} roles, "
    f"{env['res.partner'].search_count([]):,} partners; {os.cpu_count()} cores, "
    f"PostgreSQL {env.cr._cnx.server_version // 10000}, Python "
    f"{platform.python_version()}, {datetime.date.today()}, median of {RUNS} runs.\n\n"
    "| screen | ours | core | ours / core | queries ours / core |\n"
    "| --- | ---: | ---: | ---: | ---: |\n"
)
rows = []
for name, *_ in SCREENS:
    ours_t, core_t, ours_q, core_q = samples[name]
    o, c = statistics.median(ours_t) * 1000, statistics.median(core_t) * 1000
    rows.append(
        f"| {name} | {o:.1f} ms | {c:.1f} ms | {o / c:.1f}x | "
        f"{statistics.median(ours_q):g} / {statistics.median(core_q):g} |"
    )
table = header + "\n".join(rows) + "\n"
print(table, flush=True)
readme = os.environ.get("EXCFP_BENCH_README")
if readme:
    start = f"<!-- screens scale {SCALE:g} -->\n"
    end = f"<!-- /screens scale {SCALE:g} -->"
    with open(readme, encoding="utf-8") as file:
        text = file.read()
    if start in text and end in text:
        before, rest = text.split(start, 1)
        text = before + start + table + end + rest.split(end, 1)[1]
        with open(readme, "w", encoding="utf-8") as file:
            file.write(text)
        print(f"written to {readme}")
    else:
        print(f"{readme} has no {start.strip()} ... {end} markers: not written")
