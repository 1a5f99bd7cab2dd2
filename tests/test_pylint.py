"""pylint with pylint-odoo on every addon of the repository, configured by
/work/main/.pylintrc."""

import configparser
import re
import subprocess
import sys

from excfp_static import ADDONS, REPO_ROOT

PYLINTRC = REPO_ROOT / ".pylintrc"
TIMEOUT = 300


def _run_pylint(*args):
    return subprocess.run(
        [sys.executable, "-m", "pylint", *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )


def _enabled_checks():
    config = configparser.ConfigParser(inline_comment_prefixes=None, interpolation=None)
    config.read(PYLINTRC, encoding="utf-8")
    names = config["MESSAGES CONTROL"]["enable"]
    return [
        name.strip()
        for line in names.splitlines()
        for name in line.split("#", 1)[0].split(",")
        if name.strip()
    ]


def test_pylintrc_names_known_checks():
    """Each enabled check exists (an unknown name is an error of its own)."""
    result = _run_pylint("--load-plugins=pylint_odoo", "--list-msgs")
    assert result.returncode == 0, result.stdout + result.stderr
    known = set(re.findall(r"^:([a-z0-9-]+) \(", result.stdout, re.MULTILINE))
    enabled = _enabled_checks()
    assert enabled, "no check enabled in .pylintrc"
    unknown = sorted(set(enabled) - known)
    assert not unknown, f".pylintrc enables unknown checks: {unknown}"


def test_pylint_odoo_clean():
    result = _run_pylint(f"--rcfile={PYLINTRC}", *ADDONS)
    output = (result.stdout + result.stderr).strip()
    if result.returncode != 0:
        print(output)
    assert result.returncode == 0, f"pylint exit code {result.returncode}:\n{output}"
