"""The import benchmark runs and reports throughput, peak RSS and its ratio to the floor."""

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import MAKE_CORPUS

pytestmark = pytest.mark.corpus

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "import_bench.py"


def test_import_bench_reports_rate_memory_and_ratio():
    if not MAKE_CORPUS.exists():
        pytest.skip("../shared (the real corpus) is not beside the project")
    result = subprocess.run(
        [sys.executable, str(BENCH), "--limit", "200"], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert any(line.startswith("floor") and "files/s" in line for line in lines)
    assert any(line.startswith("import") and "peak RSS" in line for line in lines)
    assert any(line.startswith("ratio import/floor:") for line in lines)
    assert "imported 200, duplicates 0, failed 0" in result.stdout
