"""Whatever bytes arrive, the parser returns an article or raises ParseError — nothing else."""

import codecs

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.model import ParsedArticle
from desktop_app.parsing.article import parse_article
from desktop_app.parsing.errors import ParseError
from tests.helpers import NBSP, article_text

ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "cp1256"]


def parse_or_error(data: bytes):
    try:
        article = parse_article("fuzz.txt", data)
    except ParseError as error:
        assert error.reason and "\n" not in error.reason
        return error
    assert isinstance(article, ParsedArticle)
    assert article.title and article.paragraphs
    return article


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_arbitrary_bytes(data):
    parse_or_error(data)


section_text = st.text(
    alphabet=st.sampled_from([*"ابتثجحخدذرزسشصضطظعغفقكلمنهوي ءأإآةى.،-\n\r\t>«»", NBSP]),
    max_size=200,
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(section_text, max_size=8),
    st.sampled_from(ENCODINGS),
    st.booleans(),
    st.integers(min_value=0, max_value=50),
)
def test_random_mixes_of_sections_in_any_encoding(parts, encoding, crlf, cut):
    text = f"\n{NBSP}\n".join(parts)
    if crlf:
        text = text.replace("\n", "\r\n")
    data = text.encode(encoding, errors="replace")
    parse_or_error(data[: len(data) - cut] if cut < len(data) else data)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=1, max_value=400), st.sampled_from(ENCODINGS))
def test_a_valid_article_cut_anywhere(cut_from_end, encoding):
    data = codecs.encode(article_text("عنوان الخبر", related=("خبر",)), encoding)
    result = parse_or_error(data[: max(0, len(data) - cut_from_end)])
    if isinstance(result, ParsedArticle) and cut_from_end > 2:
        assert any("truncated" in w or "damaged" in w for w in result.warnings)
