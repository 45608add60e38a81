from desktop_app.services.exports import import_report_json
from desktop_app.services.importer import import_paths
from desktop_app.storage.library import Library
from tests.helpers import write_article


def test_import_folder_reports_each_file(tmp_path):
    folder = tmp_path / "in"
    write_article(folder, "a.txt", "الخبر الأول")
    write_article(folder / "sub", "b.txt", "الخبر الثاني", date="7 كانون الأول 2017")
    (folder / "copy.txt").write_bytes((folder / "a.txt").read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    (folder / "notes.md").write_text("ليس مقالا", encoding="utf-8")  # not *.txt: ignored
    db = tmp_path / "lib.db"
    report = import_paths(db, [folder, tmp_path / "missing"])
    assert len(report.imported) == 2
    assert [d.path.endswith("copy.txt") for d in report.duplicates] == [True]
    failed = {o.path.rsplit("/", 1)[-1]: o.reason for o in report.failed}
    assert failed == {"empty.txt": "empty file", "missing": "no such file or folder"}
    with Library(db) as library:
        assert library.count() == 2


def test_progress_and_cancel_keep_whole_articles(tmp_path):
    folder = tmp_path / "in"
    for i in range(30):
        write_article(folder, f"{i:02}.txt", f"خبر رقم {i}", related=("عنوان",))
    seen = []

    def cancel_after_ten():
        return len(seen) >= 10

    report = import_paths(
        tmp_path / "lib.db",
        [folder],
        progress=lambda done, total, outcome: seen.append((done, total)),
        should_cancel=cancel_after_ten,
        batch_size=4,
    )
    assert report.cancelled
    assert seen[0] == (1, 30)
    with Library(tmp_path / "lib.db") as library:
        assert library.count() == len(report.imported) < 30
        for summary in library.page(limit=100):
            assert len(library.get(summary.id).related) == 1
    # Importing again completes the library without duplicates.
    again = import_paths(tmp_path / "lib.db", [folder])
    assert len(again.imported) + len(report.imported) == 30
    assert len(again.duplicates) == len(report.imported)


def test_unreadable_file_fails_with_reason(tmp_path):
    path = write_article(tmp_path, "locked.txt", "عنوان")
    path.chmod(0)
    try:
        report = import_paths(tmp_path / "lib.db", [path])
    finally:
        path.chmod(0o644)
    import os

    if os.geteuid() == 0:  # root reads anything; nothing to check then
        assert len(report.imported) == 1
    else:
        assert "cannot read" in report.failed[0].reason


def test_an_import_reports_the_articles_it_added(tmp_path):
    from desktop_app.model import ChangeKind, Changes

    folder = tmp_path / "in"
    write_article(folder, "a.txt", "الخبر الأول")
    write_article(folder, "b.txt", "الخبر الثاني")
    report = import_paths(tmp_path / "lib.db", [folder])
    ids = {o.article_id for o in report.imported}
    assert report.changes == Changes.of(ChangeKind.ARTICLES, ids) and len(ids) == 2
    assert set(import_report_json(report)) == {"imported", "duplicates", "failed", "warnings"}
    again = import_paths(tmp_path / "lib.db", [folder])  # only duplicates: nothing changed
    assert again.changes == Changes.none()


def test_reimporting_a_trashed_article_reports_it_and_leaves_it_in_the_trash(tmp_path):
    folder = tmp_path / "in"
    path = write_article(folder, "a.txt", "خبر حذفه القارئ")
    write_article(folder, "b.txt", "خبر باق")
    db = tmp_path / "lib.db"
    first = import_paths(db, [folder])
    trashed = next(o.article_id for o in first.imported if o.path == str(path))
    with Library(db) as library:
        library.move_to_trash([trashed])

    again = import_paths(db, [folder])  # the folder imported again (or watched)
    assert again.imported == [] and len(again.duplicates) == 2
    outcome = next(o for o in again.duplicates if o.path == str(path))
    assert outcome.article_id == trashed
    assert outcome.warnings == (
        f"the stored copy of this article is in the trash (article {trashed}); "
        "restore it from there",
    )
    assert [o.warnings for o in again.duplicates if o.path != str(path)] == [()]
    with Library(db) as library:
        assert library.in_trash(trashed) and library.count() == 1
        library.empty_trash()
    # Once the trash is emptied, the file is a new article again.
    last = import_paths(db, [path])
    assert len(last.imported) == 1 and last.duplicates == []
