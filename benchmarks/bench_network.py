"""Wall-time benchmark of the SSC network at a given scale.

Run inside ``odoo shell`` on a database with excfp_odoo installed (scripts/benchmark
does it all). Scale 1 is the SSC's size: about 10,000 people in about 190 groups,
with chairs, members and a focal point post per group.

Creates its data, times what the secretariat does daily, prints one line per
measure, and rolls everything back.
"""

import os
import random
import time
from datetime import timedelta

SCALE = float(os.environ.get("EXCFP_BENCH_SCALE", "1"))
N_GROUPS = int(190 * SCALE)
N_PEOPLE = int(10000 * SCALE)
REPEAT = 3

env = env  # noqa: F821  (provided by odoo shell)
random.seed(42)
results = []


def timed(label, func, repeat=REPEAT):
    best = None
    for _ in range(repeat):
        env.invalidate_all()
        start = time.perf_counter()
        value = func()
        env.flush_all()
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    results.append((label, best))
    print(f"{label:<70} {best * 1000:8.1f} ms", flush=True)
    return value


def build():
    Group = env["excfp.specialist.group"].with_context(tracking_disable=True)
    Partner = env["res.partner"].with_context(tracking_disable=True)
    Role = env["excfp.role"].with_context(tracking_disable=True)
    groups = Group.create(
        [{"name": f"Bench Group {i}", "code": f"BENCH{i}"} for i in range(N_GROUPS)]
    )
    people = Partner.create(
        [
            {
                "name": f"Bench Person {i}",
                "email": f"bench{i}@example.org",
                "cpsg_status": random.choice(["member", "not_member", "invited"]),
            }
            for i in range(N_PEOPLE)
        ]
    )
    roles = []
    for i, person in enumerate(people):
        group = groups[i % N_GROUPS]
        role_type = "chair" if i < N_GROUPS else "member"
        roles.append(
            {
                "partner_id": person.id,
                "group_id": group.id,
                "role_type": role_type,
                "state": "active",
            }
        )
    # a nominated focal point in two groups out of three
    for i, group in enumerate(groups):
        if i % 3:
            roles.append(
                {
                    "partner_id": people[N_GROUPS + i].id,
                    "group_id": group.id,
                    "role_type": "focal_point",
                    "state": "nominated",
                }
            )
    Role.create(roles)
    docs = env["excfp.governance.document"].search(
        [("required_for_focal_points", "=", True)]
    )
    acks = []
    for person in people[: N_PEOPLE // 10]:
        for doc in docs[: random.randint(1, len(docs))]:
            acks.append({"partner_id": person.id, "document_id": doc.id})
    env["excfp.acknowledgement"].create(acks)
    env.flush_all()
    return groups, people


start = time.perf_counter()
groups, people = build()
print(
    f"{'built ' + str(N_GROUPS) + ' groups, ' + str(N_PEOPLE) + ' people':<70} "
    f"{(time.perf_counter() - start) * 1000:8.1f} ms",
    flush=True,
)

spec = {
    "name": {},
    "code": {},
    "group_type": {},
    "member_count": {},
    "has_chair_conflict": {},
    "chair_names": {},
    "focal_point_name": {},
    "excfp_status": {},
    "chair_ids": {"fields": {"display_name": {}}},
    "focal_point_ids": {"fields": {"display_name": {}}},
}
Group = env["excfp.specialist.group"]
timed(
    "group list, first 80 rows (web_search_read)",
    lambda: Group.web_search_read([], spec, limit=80),
)
timed(
    "vacant groups filter (search_count)",
    lambda: Group.search_count([("excfp_status", "=", "vacant")]),
)
timed(
    "groups by focal point status (read_group)",
    lambda: Group.read_group([], ["excfp_status"], ["excfp_status"]),
)
Partner = env["res.partner"]
timed(
    "partners with incomplete acknowledgements (search_count)",
    lambda: Partner.search_count([("governance_ack_complete", "=", False)]),
)
timed(
    "acknowledgement ratio of 80 partners (read)",
    lambda: Partner.browse(people[:80].ids).read(["governance_ack_ratio"]),
)
Report = env["excfp.network.report"]
term = env["excfp.term"]._get_current()
timed(
    "Steering Committee report: every figure (excfp.network.report)",
    lambda: Report._figures(term),
)
wizard = env["excfp.network.report.wizard"].create({"lang": "en_US"})
timed(
    "Steering Committee report: wizard to PDF (wkhtmltopdf)",
    lambda: (
        env["ir.actions.report"]
        .with_context(force_report_rendering=True)
        ._render_qweb_pdf("excfp_odoo.action_report_network", wizard.ids)
    ),
    repeat=1,
)
nominated = env["excfp.role"].search(
    [
        ("role_type", "=", "focal_point"),
        ("state", "=", "nominated"),
        ("group_id", "in", groups.ids),
    ]
)
timed(
    "activate one focal point (with CPSG invitation when due)",
    lambda: nominated[0].action_activate(),
    repeat=1,
)
timed(
    f"activate {len(nominated[1:51])} focal points at once",
    lambda: nominated[1:51].action_activate(),
    repeat=1,
)
# The turnover into the next term, for the whole network (issue 17).
Term = env["excfp.term"]
current = Term._get_current()
next_term = Term.search([("date_start", ">", current.date_end)], limit=1)
if not next_term:
    next_term = Term.create(
        {
            "name": "Bench next term",
            "date_start": current.date_end + timedelta(days=1),
            "date_end": current.date_end + timedelta(days=4 * 365),
        }
    )
Reappointment = env["excfp.reappointment"]
proposals = timed(
    "turnover: prepare the next term (a proposal per active role)",
    lambda: Reappointment._prepare(next_term, groups),
    repeat=1,
)
print(f"  {len(proposals)} proposals", flush=True)
timed("turnover: keep all of them", lambda: proposals._keep_all(), repeat=1)
timed(
    "turnover: apply (nominated roles of the new term)",
    lambda: proposals._apply(),
    repeat=1,
)
env.cr.rollback()
