"""Rebuild the interface translations: resources/i18n/akhbar_<lang>.ts → .qm.

    python scripts/build_translations.py            # compile every .ts with lrelease
    python scripts/build_translations.py --update   # first refresh the .ts from the code

--update runs pyside6-lupdate over desktop_app/gui/, which adds new strings (untranslated)
and keeps every translation already written; translate them in Qt Linguist
(pyside6-linguist) or by hand, then compile. The .qm files are committed, so a checkout
runs in Arabic without this step.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
SOURCES = sorted((ROOT / "desktop_app" / "gui").rglob("*.py"))


def tool(name: str) -> str:
    """The PySide6 tool beside this interpreter, else on PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"build_translations: {name} not found (it ships with PySide6)")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="run lupdate first")
    args = parser.parse_args(argv)
    translations = sorted(I18N.glob("akhbar_*.ts"))
    if not translations:
        raise SystemExit(f"build_translations: no akhbar_*.ts in {I18N}")
    for ts in translations:
        if args.update:
            language = ts.stem.split("_", 1)[1]
            subprocess.run(
                [tool("pyside6-lupdate"), *map(str, SOURCES), "-ts", str(ts),
                 "-target-language", language, "-no-obsolete"],
                check=True,
            )  # fmt: skip
        subprocess.run(
            [tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
