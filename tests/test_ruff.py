"""ruff check and ruff format, as OCA's pre-commit runs them (config: ruff.toml)."""

import subprocess
import sys

from excfp_static import ADDONS, REPO_ROOT

ROOT = REPO_ROOT
# every addon of the repository, and the code around them
PATHS = [*ADDONS, "tests", "conftest.py", "benchmarks"]


def _ruff(*args):
    return subprocess.run(
        [sys.executable, "-m", "ruff", *args, *PATHS],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_ruff_check():
    result = _ruff("check")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format():
    result = _ruff("format", "--check")
    assert result.returncode == 0, result.stdout + result.stderr
