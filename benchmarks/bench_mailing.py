"""Wall-time benchmark of mass mailings to the ex situ community.

Run inside ``odoo shell`` on a throwaway database with excfp_odoo installed
(scripts/benchmark-mailing does it all). For each size (EXCFP_MAILING_SIZES,
default "50000 250000" contacts) it builds an opted-in community in one
network, then times:

- the audience sync that subscribes it to its list (first run, a run with
  nothing to do, a run after 1 % of the people changed);
- the opt-out computation for the whole list, core's and ours;
- a whole send to the audience's list with the set-based lookups of
  mass_mailing_set_based, and core's send on the same list (the module's
  context key mass_mailing_set_based_core): core is timed on its first
  batches and extrapolated, since a whole core send at these sizes takes
  hours.

No mail leaves: a send renders and queues mail.mail records, the transport
is the mail queue, which is not run.
"""

import os
import subprocess
import time

env = env  # noqa: F821  (provided by odoo shell)
SIZES = [
    int(size) for size in os.environ.get("EXCFP_MAILING_SIZES", "50000 250000").split()
]
CORE_SAMPLE = int(os.environ.get("EXCFP_MAILING_CORE_SAMPLE", "500"))
CHUNK = 5000
QUIET = {"tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True}


def say(label, seconds, note=""):
    print(f"{label:<72} {seconds:10.2f} s {note}", flush=True)


def timed(label, func, note=""):
    env.invalidate_all()
    start = time.perf_counter()
    value = func()
    env.flush_all()
    elapsed = time.perf_counter() - start
    say(label, elapsed, note)
    return value, elapsed


def build(size, tag):
    """size people of organisations in one network: 95 % opted in, 3 % opted
    out, 2 % unknown; 1 % blacklisted; 2 % share an email with another."""
    Partner = env["res.partner"].with_context(**QUIET)
    network = env["excfp.exsitu.network"].create(
        {"code": f"NET{tag}", "name": f"Network {tag}"}
    )
    orgs = Partner.create(
        [
            {
                "name": f"Org {tag}-{i}",
                "is_company": True,
                "exsitu_org_type": "zoo",
                "exsitu_network_ids": [(6, 0, network.ids)],
            }
            for i in range(max(size // 50, 1))
        ]
    )
    for start in range(0, size, CHUNK):
        values = []
        for i in range(start, min(start + CHUNK, size)):
            bucket = i % 100
            email_index = i - 1 if bucket in (10, 11) and i else i
            values.append(
                {
                    "name": f"Person {tag}-{i}",
                    "email": f"p{tag}-{email_index}@example.org",
                    "parent_id": orgs[i % len(orgs)].id,
                    "exsitu_mailing_consent": "opted_out"
                    if bucket < 3
                    else ("unknown" if bucket < 5 else "opted_in"),
                }
            )
        Partner.create(values)
        env.cr.commit()
    env["mail.blacklist"].create(
        [{"email": f"p{tag}-{i}@example.org"} for i in range(50, size, 100)]
    )
    env.cr.commit()
    # What autovacuum does within a minute of an import in a running database:
    # without it PostgreSQL has no statistics on the new rows, and looks
    # emails up in the blacklist's fresh trigram index (whose pending list it
    # scans whole, ~90 ms per lookup at 2,500 entries) rather than its unique
    # index (0.2 ms).
    subprocess.run(["psql", "-qc", "VACUUM ANALYZE", env.cr.dbname], check=True)
    return network


def run(size):
    tag = f"{size // 1000}k"
    print(f"\n== {size:,} people ({tag})", flush=True)
    start = time.perf_counter()
    network = build(size, tag)
    say("build the community (not a measure)", time.perf_counter() - start)
    audience = env["excfp.audience"].create(
        {
            "name": f"Bench {tag}",
            "source": "community",
            "network_ids": [(6, 0, network.ids)],
        }
    )

    def sync_all():
        # the whole difference in one go (the button does 20,000 changes and
        # leaves the rest to the scheduled action)
        return audience._sync(limit=None)

    timed("audience sync, first run (subscribes everyone)", sync_all)
    env.cr.commit()
    timed("audience sync, nothing to do", sync_all)
    people = env["res.partner"].search(
        [
            ("name", "=like", f"Person {tag}-%"),
            ("exsitu_mailing_consent", "=", "opted_in"),
        ],
        limit=size // 100,
    )
    people.with_context(**QUIET).write({"exsitu_mailing_consent": "opted_out"})
    timed("audience sync after 1 % opted out", sync_all)
    env.cr.commit()
    mailing_list = audience.mailing_list_id
    Mailing = env["mailing.mailing"]
    values = {
        "subject": f"Call for ex situ expertise {tag}",
        "body_html": "<p>Dear colleague, the SSC calls for ex situ expertise.</p>",
        "mailing_model_id": env["ir.model"]._get("mailing.list").id,
        "contact_list_ids": [(6, 0, mailing_list.ids)],
    }
    ours = Mailing.create(dict(values, name=f"Ours {tag}"))
    core = Mailing.create(dict(values, name=f"Core {tag}"))
    timed(
        "opt-out list of the whole list, core",
        lambda: (
            Mailing.env["mailing.list"]
            .with_context(mass_mailing_set_based_core=True)
            ._mailing_get_opt_out_list(core)
        ),
    )
    timed(
        "opt-out list of the whole list, ours",
        lambda: Mailing.env["mailing.list"]._mailing_get_opt_out_list(ours),
    )
    recipients, _elapsed = timed(
        "recipients of the mailing", ours._get_remaining_recipients
    )
    env.cr.commit()
    # core: its first CORE_SAMPLE recipients, then extrapolated
    sample = recipients[:CORE_SAMPLE]
    _value, core_elapsed = timed(
        f"core send, first {len(sample)} recipients",
        lambda: core.with_context(mass_mailing_set_based_core=True).action_send_mail(
            sample
        ),
    )
    say(
        f"core send, whole list of {len(recipients):,}, extrapolated",
        core_elapsed * len(recipients) / max(len(sample), 1),
        "(extrapolated)",
    )
    # ours: the whole list, in ten parts to show the cost per recipient
    # stays flat from the first recipients to the last
    ours_elapsed = 0.0
    step = -(-len(recipients) // 10)
    for part in range(0, len(recipients), step):
        ids = recipients[part : part + step]
        start = time.perf_counter()
        ours.action_send_mail(ids)
        env.cr.commit()
        elapsed = time.perf_counter() - start
        ours_elapsed += elapsed
        say(
            f"   our send, recipients {part + 1:,} to {part + len(ids):,}",
            elapsed,
            f"({elapsed * 1000 / len(ids):.2f} s per 1,000)",
        )
    say(f"our send, whole list of {len(recipients):,} recipients", ours_elapsed)
    env.cr.commit()
    counts = dict(
        env["mailing.trace"]._read_group(
            [("mass_mailing_id", "=", ours.id)], ["trace_status"], ["__count"]
        )
    )
    print(f"   our send: traces by status {counts}", flush=True)
    say(
        "our send, per 1,000 recipients",
        ours_elapsed * 1000 / max(len(recipients), 1),
    )


for size in SIZES:
    run(size)
