"""The reading window driven as a user would: click, star, import, search."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor

from desktop_app.gui import settings as S
from desktop_app.gui.article_view import parse_link
from desktop_app.storage.library import Library
from desktop_app.text.bidi import strip_isolates

from .conftest import TITLE_BRIDGE, TITLE_MARKET, TITLE_MISSING, TITLE_RAIN, write_article


def click_row(qtbot, window, row: int) -> None:
    view = window.headlines.list_view
    rect = view.visualRect(window.headlines.model.index(row))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def pane_text(window) -> str:
    return strip_isolates(window.reader.view.toPlainText())


def click_link(qtbot, window, href: str) -> None:
    """Click the anchor with this href in the article pane, with the mouse."""
    view = window.reader.view
    document = view.document()
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position() + fragment.length() // 2)
                view.ensureCursorVisible()
                view.setTextCursor(cursor)
                view.ensureCursorVisible()
                rect = view.cursorRect(cursor)
                view.setTextCursor(QTextCursor(document))
                pos = QPoint(rect.center().x(), rect.center().y())
                with qtbot.waitSignal(view.anchorClicked, timeout=2000):
                    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
                return
            it += 1
        block = block.next()
    raise AssertionError(f"no link {href} in the pane")


def test_list_is_newest_first_and_first_start_opens_an_article(make_window, library_path):
    window = make_window(library_path)
    titles = [
        window.headlines.model.summary_at(r).title for r in range(window.headlines.model.rowCount())
    ]
    assert titles == [TITLE_RAIN, TITLE_MARKET, TITLE_BRIDGE]
    assert window.reader.current is not None


def test_click_headline_shows_article(qtbot, make_window, library_path):
    window = make_window(library_path)
    with qtbot.waitSignal(window.reader.article_shown, timeout=2000) as shown:
        click_row(qtbot, window, 2)
    assert shown.args == [3]
    text = pane_text(window)
    assert TITLE_BRIDGE in text
    assert "Atelier Nord" in text
    assert "بغداد" in text  # the dateline, set apart
    assert "صحيفة الاختبار" not in text  # the right article's source, not a default
    assert "وكالة المطر" in text


def test_related_headline_link_opens_target(qtbot, make_window, library_path):
    window = make_window(library_path)
    click_row(qtbot, window, 0)  # rain links to market (in the library) and one missing
    assert window.reader.current.title == TITLE_RAIN
    related = window.reader.current.related
    assert related[0].article_id == 2 and related[1].article_id is None
    text = pane_text(window)
    assert TITLE_MISSING in text and "not in the library yet" in text
    with qtbot.waitSignal(window.reader.article_shown, timeout=2000) as shown:
        click_link(qtbot, window, "akhbar://article/2")
    assert shown.args == [2]
    assert window.headlines.list_view.currentIndex().row() == 1
    assert TITLE_MARKET in pane_text(window).splitlines()[0]


def test_star_and_unstar_headline(qtbot, make_window, library_path):
    window = make_window(library_path)
    click_row(qtbot, window, 0)
    with qtbot.waitSignal(window.session.changed, timeout=2000):
        click_link(qtbot, window, "akhbar://bookmark/1")
    with Library(library_path) as check:
        stored = check.bookmark_at(1, 1)
    assert stored is not None and stored.headline == TITLE_MISSING
    panel = window.bookmarks.panel
    assert [b.headline for b in panel.bookmarks()] == [TITLE_MISSING]
    assert panel.tree.topLevelItemCount() == 1
    assert "★" in window.reader.view.toPlainText()

    with qtbot.waitSignal(window.session.changed, timeout=2000):
        click_link(qtbot, window, "akhbar://bookmark/1")
    with Library(library_path) as check:
        assert check.bookmark_at(1, 1) is None
    assert panel.bookmarks() == []
    assert panel.tree.topLevelItemCount() == 0


def test_bookmarks_panel_opens_target_removes_and_exports(
    qtbot, make_window, library_path, tmp_path
):
    window = make_window(library_path)
    click_row(qtbot, window, 0)
    window.reader.toggle_bookmark(0)  # names the market article, which is in the library
    window.reader.toggle_bookmark(1)  # names an article not imported yet
    panel = window.bookmarks.panel
    status = {
        panel.tree.topLevelItem(i).toolTip(0): panel.tree.topLevelItem(i).text(2)
        for i in range(panel.tree.topLevelItemCount())
    }
    assert status == {TITLE_MARKET: "Yes", TITLE_MISSING: "Not yet"}
    market = next(b for b in panel.bookmarks() if b.headline == TITLE_MARKET)
    panel.select(market.id)
    with qtbot.waitSignal(window.reader.article_shown, timeout=2000) as shown:
        qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    assert shown.args == [2]

    csv_path = panel.export(tmp_path / "marks.csv")
    json_path = panel.export(tmp_path / "marks.json")
    assert TITLE_MISSING in csv_path.read_text(encoding="utf-8-sig")
    assert '"target_article_id": 2' in json_path.read_text(encoding="utf-8")

    panel.select(market.id)
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert [b.headline for b in panel.bookmarks()] == [TITLE_MISSING]
    with Library(library_path) as check:
        assert len(check.bookmarks()) == 1


def test_import_folder_through_worker(qtbot, make_window, library_path, tmp_path):
    window = make_window(library_path)
    folder = tmp_path / "incoming"
    for i in range(12):
        write_article(
            folder,
            f"new_{i:02}.txt",
            f"خبر جديد رقم {i} عن افتتاح مكتبة عامة في الحي",
            [f"عمان - افتتحت البلدية المكتبة رقم {i} بحضور الأهالي والطلاب."],
            published=f"2023-06-{i + 1:02}",
        )
    (folder / "empty.txt").write_bytes(b"")
    (folder / "noise.txt").write_bytes(bytes(range(256)) * 20)
    # The same article as one already stored: a duplicate.
    (folder / "again.txt").write_bytes((tmp_path / "articles" / "rain.txt").read_bytes())

    progress: list[tuple[int, int]] = []
    window.importing.progress.bar.valueChanged.connect(
        lambda v: progress.append((v, window.importing.progress.bar.maximum()))
    )
    with qtbot.waitSignal(window.importing.finished, timeout=20000) as finished:
        assert window.importing.start_import([folder])
        assert window.session.importing()
    report = finished.args[0]
    assert len(report.imported) == 12
    assert [Path(o.path).name for o in report.duplicates] == ["again.txt"]
    assert sorted(Path(o.path).name for o in report.failed) == ["empty.txt", "noise.txt"]
    assert progress and progress[-1] == (15, 15)
    qtbot.waitUntil(lambda: window.headlines.model.rowCount() == 15, timeout=5000)

    summary = window.importing.last_summary
    assert summary is not None and summary.isVisible()
    details = strip_isolates(summary.details.toPlainText())
    assert "empty.txt" in details and "noise.txt" in details and "again.txt" in details
    assert "12 imported" in summary.headline.text()
    assert not window.session.importing()


def test_cancel_mid_import_leaves_library_consistent(qtbot, make_window, library_path, tmp_path):
    window = make_window(library_path)
    folder = tmp_path / "many"
    for i in range(400):
        write_article(
            folder,
            f"a_{i:04}.txt",
            f"تقرير رقم {i} عن حركة الموانئ",
            [f"جدة - سجلت الموانئ حركة نشطة في اليوم رقم {i} من الموسم."],
        )
    cancelled_at: list[int] = []

    def on_progress(done: int, _total: int, _outcome) -> None:
        if done == 5 and not cancelled_at:
            cancelled_at.append(done)
            window.importing.progress.cancel_button.click()

    window.session.import_worker = None
    with qtbot.waitSignal(window.importing.finished, timeout=30000) as finished:
        window.importing.start_import([folder])
        window.session.import_worker.progressed.connect(on_progress)
    report = finished.args[0]
    assert report.cancelled
    assert len(report.imported) < 400
    with Library(library_path) as check:
        stored = check.count()
        fts = check.db.execute("SELECT count(*) FROM articles_fts").fetchone()[0]
        related_orphans = check.db.execute(
            "SELECT count(*) FROM related WHERE article_id NOT IN (SELECT id FROM articles)"
        ).fetchone()[0]
    assert stored == 3 + len(report.imported)
    assert fts == stored and related_orphans == 0
    assert sqlite3.connect(library_path).execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    qtbot.waitUntil(lambda: window.headlines.model.rowCount() == stored, timeout=5000)


def test_search_replaces_list_and_highlights(qtbot, make_window, library_path):
    window = make_window(library_path)
    with qtbot.waitSignal(window.headlines.list_updated, timeout=5000):
        window.headlines.search_field.insert("السدود")  # QTest cannot type non-Latin keys
    assert [window.headlines.model.id_at(r) for r in range(window.headlines.model.rowCount())] == [
        1
    ]
    click_row(qtbot, window, 0)
    html = window.reader.view.toHtml()
    hits = [
        f
        for f in _fragments(window.reader.view.document())
        if f.charFormat().background().style() != Qt.BrushStyle.NoBrush
    ]
    highlighted = "".join(f.text() for f in hits)
    assert highlighted.startswith("السدود")  # the anchor for scrolling splits a fragment
    assert set(highlighted) <= set("السدود")
    assert "السدود" in html
    with qtbot.waitSignal(window.headlines.list_updated, timeout=5000):
        window.headlines.search_field.clear()
    assert window.headlines.model.rowCount() == 3


def test_search_combines_with_source_filter(qtbot, make_window, library_path):
    window = make_window(library_path)
    qtbot.waitUntil(lambda: window.headlines.source_combo.count() == 3, timeout=5000)
    with qtbot.waitSignal(window.headlines.list_updated, timeout=5000):
        window.headlines.source_combo.setCurrentIndex(
            window.headlines.source_combo.findData("وكالة المطر")
        )
    assert window.headlines.model.rowCount() == 2
    with qtbot.waitSignal(window.headlines.list_updated, timeout=5000):
        window.headlines.search_field.setText("جسر")
    assert [window.headlines.model.id_at(r) for r in range(window.headlines.model.rowCount())] == [
        3
    ]


def _fragments(document):
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            yield it.fragment()
            it += 1
        block = block.next()


def test_layout_is_right_to_left_in_arabic(make_window, library_path, qapp):
    window = make_window(library_path, lang="ar")
    assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.headlines.list_view.layoutDirection() == Qt.LayoutDirection.RightToLeft
    # The interface is translated: the File menu and the search placeholder are Arabic.
    assert window.menuBar().actions()[0].text().replace("&", "") == "ملف"
    assert "بحث" in window.headlines.search_field.placeholderText()
    block = window.reader.view.document().begin()
    assert block.textDirection() == Qt.LayoutDirection.RightToLeft


def test_layout_is_left_to_right_in_english(make_window, library_path, qapp):
    window = make_window(library_path, lang="en")
    assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert window.menuBar().actions()[0].text().replace("&", "") == "File"


def test_markup_in_article_shows_literally(qtbot, make_window, tmp_path):
    from desktop_app.services.importer import import_paths

    title = 'عنوان فيه <b>وسم</b> و <img src="file:///etc/passwd"> و &amp;'
    path = write_article(
        tmp_path / "evil",
        "evil.txt",
        title,
        ['القاهرة - نص فيه <a href="https://example.com">رابط</a> و<script>x</script> للتجربة.'],
    )
    db = tmp_path / "evil.db"
    import_paths(db, [path])
    window = make_window(db)
    click_row(qtbot, window, 0)
    text = pane_text(window)
    assert title.replace("&amp;", "&") in text  # a character reference is decoded at import
    assert '<a href="https://example.com">رابط</a>' in text
    assert "<script>x</script>" in text
    assert window.reader.view.refused == []  # nothing was even asked for
    anchors = {f.charFormat().anchorHref() for f in _fragments(window.reader.view.document())}
    assert all(not a or parse_link_ok(a) for a in anchors)


def parse_link_ok(href: str) -> bool:
    from PySide6.QtCore import QUrl

    return parse_link(QUrl(href)) is not None or href == ""


def test_article_marked_read_after_a_moment(qtbot, make_window, library_path):
    window = make_window(library_path, mark_read_delay=200)
    click_row(qtbot, window, 1)
    assert window.reader.current.id == 2 and not window.reader.current.read
    with Library(library_path) as check:
        assert not check.get(2).read
    qtbot.waitUntil(lambda: window.reader.current.read, timeout=3000)
    with Library(library_path) as check:
        assert check.get(2).read
    window.reader.toggle_read()
    with Library(library_path) as check:
        assert not check.get(2).read


def test_switching_quickly_does_not_mark_read(qtbot, make_window, library_path):
    window = make_window(library_path, mark_read_delay=60000)
    click_row(qtbot, window, 1)
    click_row(qtbot, window, 2)
    with Library(library_path) as check:
        assert not check.get(2).read


def test_keyboard_navigation_and_zoom_persist(qtbot, make_window, library_path):
    window = make_window(library_path)
    window.headlines.select_row(0)
    window.reader.view.setFocus()
    qtbot.keyClick(window.reader.view, Qt.Key.Key_J)
    assert window.reader.current.id == 2
    qtbot.keyClick(window.reader.view, Qt.Key.Key_Down)
    assert window.reader.current.id == 3
    qtbot.keyClick(window.reader.view, Qt.Key.Key_K)
    assert window.reader.current.id == 2
    size = window.reader.view.document().defaultFont().pointSizeF()
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.reader.view.document().defaultFont().pointSizeF() > size
    assert S.Settings().get(S.READER_ZOOM) == 1
    window.close()
    again = make_window(library_path)
    assert again.reader.view.document().defaultFont().pointSizeF() > size
    assert again.reader.current.id == 2  # the last article is restored


def test_ctrl_d_bookmarks_first_related(qtbot, make_window, library_path):
    window = make_window(library_path)
    window.headlines.select_row(0)
    window.reader.view.setFocus()
    qtbot.keyClick(window.reader.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    with Library(library_path) as check:
        assert check.bookmark_at(1, 0) is not None


def test_first_start_loads_samples(make_window, tmp_path):
    window = make_window(tmp_path / "fresh.db")
    assert window.headlines.model.rowCount() >= 10
    assert window.reader.current is not None


def test_arabic_digits_option(qtbot, make_window, library_path):
    window = make_window(library_path)
    click_row(qtbot, window, 0)
    assert "45%" in pane_text(window)
    window.comforts.digits_action.setChecked(True)
    assert "٤٥%" in pane_text(window)
    assert "www.example.org" in pane_text(window)


def test_bookmarks_panel_searches_headlines_as_search_does(qtbot, make_window, library_path):
    window = make_window(library_path)
    window.headlines.select_row(0)
    window.reader.toggle_bookmark(0)  # «افتتاح سوق الكتب المستعملة …»
    window.reader.toggle_bookmark(1)  # «عنوان لخبر لم يصل إلى المكتبة بعد»
    panel = window.bookmarks.panel
    assert panel.tree.topLevelItemCount() == 2
    # Typed with a hamza, a clitic and ه for ة, none of which the headline has.
    panel.search_field.setText("إفتتاح والكتب المستعمله")
    assert [b.headline for b in panel.bookmarks()] == [TITLE_MARKET]
    panel.search_field.setText("اكتشاف")
    assert panel.bookmarks() == [] and panel.empty_label.isVisibleTo(panel)
    panel.search_field.clear()
    assert panel.tree.topLevelItemCount() == 2
