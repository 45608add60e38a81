"""Shrink the ICU data that Qt's core library drags into the bundle (Linux).

PySide6's libQt6Core links ICU, whose data library (libicudata.so.NN) holds every
locale of the world: 31 MiB, a third of the bundle. Akhbar shows Arabic and English, and
decodes files in Python, so the bundle keeps ICU's root data plus the Arabic and English
locales in every tree (collation, time zones, currencies, languages, regions, units,
number spelling) and drops the other locales, the transliterators and the legacy
character-set converters (Qt uses those only for QStringDecoder codecs beyond UTF).

How: copy the data out of the library's `icudtNN_dat` symbol, remove items with ICU's
own `icupkg` (Debian: icu-devtools), and assemble a new libicudata.so.NN holding the
smaller package under the same symbol and soname. Needs icupkg and a C compiler; without
them the full data stays and the build says so.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

_LIBRARY = re.compile(r"^libicudata\.so\.(\d+)$")
# Items named for a locale we keep: the root, Arabic and English (any region).
_KEPT_LOCALE = re.compile(r"^(root|ar|ar_\w+|en|en_\w+)\.res$")
# Locale-named items live in these trees (and at the top level).
_LOCALE_TREES = ("", "coll", "curr", "lang", "region", "unit", "zone", "rbnf", "brkitr")
# Top-level .res items that are not locales and must stay.
_NON_LOCALE = re.compile(
    r"^(pool|res_index|supplementalData|likelySubtags|metadata|metaZones|timezoneTypes|"
    r"windowsZones|keyTypeData|zoneinfo64|numberingSystems|plurals|dayPeriods|"
    r"grammaticalFeatures|genderList|currencyNumericCodes|icuver|icustd|tzdbNames|units|"
    r"langInfo|supplementalMetadata)\.res$"
)


def items_to_remove(items: list[str]) -> list[str]:
    """The package items Akhbar does without (names as `icupkg -l` prints them)."""
    return [item for item in items if _unneeded(item)]


def _unneeded(item: str) -> bool:
    tree, _, name = item.rpartition("/")
    if tree == "translit" or name.endswith(".cnv"):
        return True
    return (
        tree in _LOCALE_TREES
        and name.endswith(".res")
        and not _KEPT_LOCALE.match(name)
        and not _NON_LOCALE.match(name)
    )


def shrink(lib_dir: Path) -> tuple[int, int] | None:
    """Replace lib_dir/libicudata.so.NN with a subset; (bytes before, after) or None."""
    found = [p for p in lib_dir.glob("libicudata.so.*") if _LIBRARY.match(p.name)]
    icupkg, cc, objcopy = shutil.which("icupkg"), shutil.which("cc"), shutil.which("objcopy")
    if len(found) != 1 or not (icupkg and cc and objcopy):
        return None
    library = found[0]
    major = _LIBRARY.match(library.name).group(1)  # type: ignore[union-attr]
    package = f"icudt{major}l"  # the item prefix inside the data must keep this name
    before = library.stat().st_size
    with tempfile.TemporaryDirectory(prefix="akhbar-icu-") as scratch:
        work = Path(scratch)
        full, small = work / "full" / f"{package}.dat", work / "small" / f"{package}.dat"
        full.parent.mkdir()
        small.parent.mkdir()
        _run(objcopy, "-O", "binary", "--only-section=.rodata", str(library), str(full))
        listing = _run(icupkg, "-l", str(full)).split()
        remove_list = work / "remove.txt"
        remove_list.write_text("\n".join(items_to_remove(listing)) + "\n")
        _run(icupkg, "-r", str(remove_list), str(full), str(small))
        assembly = work / "icudata.S"
        assembly.write_text(
            "    .section .rodata\n"
            f"    .global icudt{major}_dat\n"
            f"    .type icudt{major}_dat, @object\n"
            "    .balign 16\n"
            f"icudt{major}_dat:\n"
            f'    .incbin "{small}"\n'
            f"    .size icudt{major}_dat, . - icudt{major}_dat\n"
            '    .section .note.GNU-stack,"",@progbits\n'
        )
        rebuilt = work / library.name
        _run(cc, "-shared", f"-Wl,-soname,{library.name}", "-o", str(rebuilt), str(assembly))
        shutil.copyfile(rebuilt, library)
    return before, library.stat().st_size


def _run(*command: str) -> str:
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout
