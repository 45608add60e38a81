"""What the full-text index holds for an article: each field normalised, then stemmed.

The one list of the index's columns and their ranking weights (`FTS_FIELDS`): the
schema (storage/schema.py) creates `articles_fts` from it, the insert
(storage/articles.py) fills it in its order, and the query language
(search/query.py) names its columns from it. `index_values` computes a row for the
importer and for the migration that rebuilds the index, so that an index built either
way is the same.
"""

from __future__ import annotations

from desktop_app.text.normalize import normalize
from desktop_app.text.stem import stem_text

FIELD_SEPARATOR = "\n"

# (field, bm25 weight): a word in the title says more than one in the lede or the body.
FTS_FIELDS: tuple[tuple[str, float], ...] = (
    ("title", 10.0),
    ("lede", 4.0),
    ("caption", 2.0),
    ("body", 1.0),
)
# Each field is indexed twice: normalised (exact: phrases, words as typed) and stemmed.
EXACT_COLUMNS = tuple(name for name, _ in FTS_FIELDS)
STEM_COLUMNS = tuple(f"{name}_stem" for name in EXACT_COLUMNS)
FTS_COLUMNS = EXACT_COLUMNS + STEM_COLUMNS
# bm25() weights in FTS_COLUMNS order: the same for a field's exact and stem column.
BM25_WEIGHTS = tuple(weight for _, weight in FTS_FIELDS) * 2


def index_values(title: str, lede: str, caption: str, body: str) -> list[str]:
    """One index row, in FTS_COLUMNS order: the exact columns, then the stem columns.

    The four fields go through the normaliser and the stemmer as one text, joined by a
    line break (a word boundary for both), so each regular expression runs once.
    """
    if FIELD_SEPARATOR in title or FIELD_SEPARATOR in lede or FIELD_SEPARATOR in caption:
        exact = [normalize(f) for f in (title, lede, caption, body)]
        return [*exact, *(stem_text(e) for e in exact)]
    joined = normalize(FIELD_SEPARATOR.join((title, lede, caption, body)))
    return [*joined.split(FIELD_SEPARATOR, 3), *stem_text(joined).split(FIELD_SEPARATOR, 3)]
