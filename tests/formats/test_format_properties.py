"""No input makes a format raise: arbitrary bytes under every format's name, and every
fixture cut short or with bytes changed, give only items — and never the registry's
"unexpected error" item, which would mean a format let an exception escape."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.formats import Failed, Skipped, Source, read
from desktop_app.formats.registry import UNEXPECTED
from desktop_app.model import ParsedArticle

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "formats"
FIXTURE_FILES = sorted(p for p in FIXTURES.iterdir() if p.is_file())
NAMES = [
    "x.json", "x.jsonl", "x.csv", "x.tsv", "x.html", "x.sgml", "x.xml", "x.rss", "x.atom",
    "x.txt", "x.zip", "x.tar", "x.tar.gz", "x.gz", "x.bz2", "x.xz", "noextension",
]  # fmt: skip
PREFIXES = [
    b"", b"[", b"{", b"<DOC>", b"<rss>", b"<html>", b"PK\x03\x04", b"\x1f\x8b", b"BZh",
    b"\xfd7zXZ\x00", b"\xef\xbb\xbf", b"\xff\xfe", b'[{"title": "a", "content": ',
]  # fmt: skip


def read_all_items(name: str, data: bytes) -> list:
    found = list(read(Source.from_bytes(name, data)))
    for item in found:
        assert isinstance(item, ParsedArticle | Failed | Skipped), item
        if isinstance(item, ParsedArticle):
            assert item.title and item.paragraphs
            assert item.path.startswith(name)
        else:
            assert item.reason and "\n" not in item.reason, item
            assert not item.reason.startswith(UNEXPECTED), item
            assert item.origin.startswith(name)
    return found


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(NAMES), st.sampled_from(PREFIXES), st.binary(max_size=3000))
def test_arbitrary_bytes_under_every_name(name, prefix, data):
    read_all_items(name, prefix + data)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(FIXTURE_FILES), st.floats(min_value=0, max_value=1))
def test_every_fixture_cut_short(path, share):
    data = path.read_bytes()
    read_all_items(path.name, data[: int(len(data) * share)])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(FIXTURE_FILES),
    st.lists(st.tuples(st.floats(min_value=0, max_value=1), st.integers(0, 255)), max_size=8),
)
def test_every_fixture_with_bytes_changed(path, changes):
    data = bytearray(path.read_bytes())
    for share, value in changes:
        data[min(len(data) - 1, int(len(data) * share))] = value
    read_all_items(path.name, bytes(data))
