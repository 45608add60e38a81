"""GUI test setup: offscreen Qt, settings in a temporary folder, small libraries.

The articles here are written by the tests themselves (original sentences), in the
archive layout the importer reads.
"""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before anything imports Qt

from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

NBSP = "\u00a0"


def article_text(
    title: str,
    paragraphs: Sequence[str],
    *,
    lede: str = "هذه مقدمة قصيرة للخبر تلخص ما جرى في سطر واحد.",
    source: str = "صحيفة الاختبار",
    published: str = "2024-05-01",
    caption: str | None = None,
    related: Sequence[str] = (),
) -> str:
    body = ([caption] if caption else []) + list(paragraphs)
    sections = [
        f"First Published: {published}\n\n{title}\n",
        f"\n{lede}\n",
        f"\n{source}\n\n" + "\n\n".join(body) + "\n",
        "\n" + "\n\n".join(related) + "\n\n",
        "\n>>",
    ]
    return f"\n{NBSP}\n".join(sections)


def write_article(folder: Path, name: str, title: str, paragraphs: Sequence[str], **fields) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(article_text(title, paragraphs, **fields), encoding="utf-8")
    return path


TITLE_RAIN = "أمطار غزيرة تعيد الحياة إلى السدود في الجنوب"
TITLE_MARKET = "افتتاح سوق الكتب المستعملة في ساحة المدينة"
TITLE_BRIDGE = "جسر جديد يربط ضفتي النهر بعد عامين من العمل"
TITLE_MISSING = "عنوان لخبر لم يصل إلى المكتبة بعد"


def write_basic_articles(folder: Path) -> list[Path]:
    return [
        write_article(
            folder,
            "rain.txt",
            TITLE_RAIN,
            [
                "الرباط - هطلت أمطار غزيرة طوال الليل على المدن الجنوبية فارتفع منسوب السدود.",
                "وقال مهندس إن نسبة الملء بلغت 45% بحسب موقع www.example.org الرسمي.",
            ],
            published="2024-03-10",
            source="وكالة المطر",
            related=[TITLE_MARKET, TITLE_MISSING],
        ),
        write_article(
            folder,
            "market.txt",
            TITLE_MARKET,
            [
                "تونس - فتحت سوق الكتب المستعملة أبوابها صباح السبت بمشاركة عشرات الباعة.",
                "وتعرض السوق روايات قديمة ومجلات نادرة بأسعار في متناول الطلاب.",
            ],
            published="2024-02-01",
            source="صحيفة الساحة",
            related=[TITLE_BRIDGE],
        ),
        write_article(
            folder,
            "bridge.txt",
            TITLE_BRIDGE,
            [
                "بغداد - افتتح المسؤولون جسراً جديداً يخفف الزحام عن وسط العاصمة.",
                "ويبلغ طول الجسر 800 متر وقد شارك في تصميمه مكتب Atelier Nord الفرنسي.",
            ],
            published="2024-01-15",
            source="وكالة المطر",
        ),
    ]


@pytest.fixture(autouse=True)
def qt_settings(tmp_path: Path) -> Iterator[Path]:
    """Every test gets its own empty settings folder."""
    from PySide6.QtCore import QSettings

    from desktop_app.gui import settings as S

    folder = tmp_path / "qsettings"
    S.organization_setup()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    """A library with the three basic articles: 1 rain, 2 market, 3 bridge (newest first)."""
    from desktop_app.services.importer import import_paths

    path = tmp_path / "library.db"
    report = import_paths(path, write_basic_articles(tmp_path / "articles"))
    assert len(report.imported) == 3
    return path


@pytest.fixture
def make_window(qtbot, qapp):
    """Build the real window (fonts, translator, theme) the way run_window does."""
    from desktop_app.gui import settings as S
    from desktop_app.gui.app import create_window, install_translator

    windows = []

    def make(path: Path, lang: str = "en", mark_read_delay: int | None = None):
        if mark_read_delay is not None:
            S.Settings().set(S.MARK_READ_DELAY_MS, mark_read_delay)
        window = create_window(qapp, path, lang)
        qtbot.addWidget(window)
        window.resize(1200, 800)
        window.show()
        qtbot.waitExposed(window)
        with qtbot.waitActive(window):  # window shortcuts only fire in the active window
            window.activateWindow()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.shutdown()
        window.session.library.close()
    for translator in qapp.findChildren(__import__("PySide6.QtCore").QtCore.QTranslator):
        qapp.removeTranslator(translator)
        translator.deleteLater()
    install_translator(qapp, "en")


def write_many(folder: Path, count: int, *, year: int = 2023, tag: str = "") -> list[Path]:
    """`count` distinct short articles dated one day apart from 1 January of `year`."""
    from datetime import date, timedelta

    paths = []
    for i in range(count):
        day = date(year, 1, 1) + timedelta(days=i)
        paths.append(
            write_article(
                folder,
                f"{tag}{i:04}.txt",
                f"نشرة {tag} رقم {i} عن أحوال الطقس والأسواق في المدينة",
                [f"دمشق - سجلت النشرة رقم {i} {tag} أحوال اليوم في الأسواق والطرق."],
                published=day.isoformat(),
            )
        )
    return paths
