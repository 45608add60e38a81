"""The bundled sample library: parses cleanly and its articles link to each other."""

from desktop_app.paths import samples_dir
from desktop_app.services.importer import import_paths
from desktop_app.storage.library import Library


def test_samples_import_cleanly_and_link(tmp_path):
    report = import_paths(tmp_path / "lib.db", [samples_dir()])
    assert len(report.imported) == 12
    assert report.failed == [] and report.duplicates == [] and report.warnings() == []
    with Library(tmp_path / "lib.db") as library:
        articles = [library.get(s.id) for s in library.page(limit=20)]
    linking = [a for a in articles if any(r.article_id for r in a.related)]
    assert len(linking) >= 8
    titles = {a.id: a.title for a in articles}
    for article in articles:
        for related in article.related:
            if related.article_id:
                assert related.article_id in titles and related.article_id != article.id
