"""Which ICU data items the bundle drops: other locales, transliterators, converters."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))

from icu_subset import items_to_remove

KEPT = [
    "root.res", "ar.res", "ar_SA.res", "en.res", "en_GB.res", "pool.res", "res_index.res",
    "supplementalData.res", "likelySubtags.res", "zoneinfo64.res", "metaZones.res",
    "coll/root.res", "coll/ar.res", "coll/ucadata.icu", "zone/ar.res", "zone/tzdbNames.res",
    "curr/pool.res", "lang/en.res", "brkitr/root.res", "brkitr/word.brk", "brkitr/cjdict.dict",
    "uprops.icu", "ucase.icu", "nfkc.nrm", "cnvalias.icu", "unames.icu",
]  # fmt: skip
DROPPED = [
    "fr.res", "de_CH.res", "zh_Hant_TW.res", "coll/zh.res", "coll/ko.res", "zone/ja.res",
    "curr/de.res", "unit/ru.res", "rbnf/fr.res", "translit/root.res", "gb18030.cnv",
    "ibm-1252_P100-2000.cnv", "brkitr/fr.res",
]  # fmt: skip


def test_keeps_root_arabic_english_and_the_shared_data():
    assert items_to_remove(KEPT) == []


def test_drops_other_locales_transliterators_and_converters():
    assert items_to_remove(DROPPED) == DROPPED
