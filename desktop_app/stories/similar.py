"""'More like this': the full-text query that finds the articles closest in topic.

The pure half of the feature. An article's distinctive terms are its stemmed words
weighted by tf-idf (how often the article uses a term, times log(N / documents that
use it)); the top ones, OR-ed together over the stem columns of the full-text index,
make a query whose bm25 ranking puts articles sharing many rare terms first. The
storage layer supplies the document frequencies (an fts5vocab table over
`articles_fts`) and runs the query; nothing here touches SQL.

Terms are produced exactly as the index produces its stem columns (normalise, then
stem_text), so every term chosen is a token the index holds.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping

from desktop_app.text.normalize import normalize
from desktop_app.text.stem import stem_text

TERMS = 10
# A term in more than this share of the library (but at least COMMON_FLOOR articles) is
# too common to be distinctive; capping it keeps the OR query's posting lists short:
# on 30,666 articles, 10 terms capped at 1% answer in 5 ms where uncapped take 25 ms.
MAX_SHARE = 0.01
COMMON_FLOOR = 50
STEM_COLUMNS = ("title_stem", "lede_stem", "caption_stem", "body_stem")

# Tokens as FTS5's unicode61 tokenizer cuts the (already normalised) stem columns.
_TOKEN = re.compile(r"[^\W_]+")


def term_counts(*fields: str) -> Counter[str]:
    """How often each stemmed term occurs in the given fields (title counted like body).

    One-letter tokens and plain numbers are left out: they carry no topic.
    """
    counts: Counter[str] = Counter()
    for field in fields:
        counts.update(
            token
            for token in _TOKEN.findall(stem_text(normalize(field)))
            if len(token) > 1 and not token.isdigit()
        )
    return counts


def distinctive_terms(
    counts: Mapping[str, int],
    document_frequency: Mapping[str, int],
    documents: int,
    limit: int = TERMS,
) -> list[str]:
    """The `limit` terms with the highest tf-idf, best first.

    A term no other article uses (document frequency 1, or unknown) cannot find anything
    and is skipped; so is a term in more than MAX_SHARE of the articles (or COMMON_FLOOR
    articles in a small library): it says little and makes the query slow.
    Ties are broken by the term itself, so the choice is deterministic.
    """
    ceiling = max(COMMON_FLOOR, documents * MAX_SHARE)
    scored = []
    for term, count in counts.items():
        frequency = document_frequency.get(term, 0)
        if frequency < 2 or frequency > ceiling:
            continue
        scored.append((count * math.log(documents / frequency), term))
    scored.sort(key=lambda item: (-item[0], item[1]))
    return [term for _, term in scored[:limit]]


def _quoted(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def match_query(terms: Iterable[str], columns: Iterable[str] = STEM_COLUMNS) -> str:
    """An FTS5 MATCH expression: any of the terms, in the given columns.

    '' for no terms (the caller then has nothing to look for).
    """
    quoted = [_quoted(term) for term in terms]
    if not quoted:
        return ""
    return "{" + " ".join(columns) + "} : (" + " OR ".join(quoted) + ")"
