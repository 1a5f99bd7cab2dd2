# Shared by scripts/run and scripts/test: find Odoo 18 and PostgreSQL.
# shellcheck shell=bash

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ODOO_PYTHON=${ODOO_PYTHON:-/opt/odoo18/bin/python}
export PGHOST=${PGHOST:-}

say() { printf '%s\n' "$*" >&2; }

odoo_installer() {
    local candidate
    for candidate in "${EXCFP_ODOO_INSTALLER:-}" \
        "$REPO/../shared/odoo/install-odoo18.sh" \
        /work/shared/odoo/install-odoo18.sh; do
        if [ -n "$candidate" ] && [ -f "$candidate" ]; then
            echo "$candidate"
            return 0
        fi
    done
    return 1
}

odoo_is_18() {
    (cd /tmp && "$ODOO_PYTHON" -c \
        'import odoo.release as r, sys; sys.exit(r.version_info[0] != 18)') >/dev/null 2>&1
}

# Make sure $ODOO_PYTHON imports Odoo 18, installing it where the project's
# shared installer is available; otherwise say how to bring one, and stop.
require_odoo() {
    if odoo_is_18; then
        return 0
    fi
    local installer
    if installer=$(odoo_installer); then
        say "No Odoo 18 at $ODOO_PYTHON: installing it with $installer"
        bash "$installer" >&2
        ODOO_PYTHON=/opt/odoo18/bin/python
        odoo_is_18 && return 0
    fi
    say "Odoo 18.0 Community not found: install it (https://www.odoo.com/documentation/18.0/administration/on_premise.html) and set ODOO_PYTHON to the python that imports it."
    exit 2
}

require_postgres() {
    if pg_isready -q 2>/dev/null; then
        return 0
    fi
    local installer version
    if installer=$(odoo_installer); then
        bash "$installer" >&2
    elif command -v pg_ctlcluster >/dev/null 2>&1; then
        version=$(ls /etc/postgresql | sort -n | tail -n 1)
        pg_ctlcluster --skip-systemctl-redirect "$version" main start >&2 || true
    fi
    for _ in $(seq 1 20); do
        pg_isready -q 2>/dev/null && return 0
        sleep 0.5
    done
    say "PostgreSQL does not answer: start it, or set PGHOST/PGPORT/PGUSER for Odoo."
    exit 2
}

addons_path() {
    local odoo_addons
    odoo_addons=$(cd /tmp && "$ODOO_PYTHON" -c \
        'import odoo.addons; print(",".join(odoo.addons.__path__))')
    echo "$odoo_addons,$REPO"
}

odoo() {
    (cd /tmp && "$ODOO_PYTHON" -m odoo "$@")
}
