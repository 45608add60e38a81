"""What the full-text index holds for an article: each field normalised, then stemmed.

One function for the importer and for the migration that rebuilds the index, so that an
index built either way is the same. The columns are in the order of
storage/schema.py's `articles_fts`: the four exact columns, then the four stem columns.
"""

from __future__ import annotations

from desktop_app.text.normalize import normalize
from desktop_app.text.stem import stem_text

FIELD_SEPARATOR = "\n"


def index_values(title: str, lede: str, caption: str, body: str) -> list[str]:
    """[title, lede, caption, body, title_stem, lede_stem, caption_stem, body_stem].

    The four fields go through the normaliser and the stemmer as one text, joined by a
    line break (a word boundary for both), so each regular expression runs once.
    """
    if FIELD_SEPARATOR in title or FIELD_SEPARATOR in lede or FIELD_SEPARATOR in caption:
        exact = [normalize(f) for f in (title, lede, caption, body)]
        return [*exact, *(stem_text(e) for e in exact)]
    joined = normalize(FIELD_SEPARATOR.join((title, lede, caption, body)))
    return [*joined.split(FIELD_SEPARATOR, 3), *stem_text(joined).split(FIELD_SEPARATOR, 3)]
