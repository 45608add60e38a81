"""Archives against bombs and damage: each limit gives a clear reason, nothing is unpacked
to disk, and what was read before a limit or a cut stays read."""

from __future__ import annotations

import gzip
import io
import os
import tarfile
import zipfile
from pathlib import Path

from desktop_app.formats import Failed, Limits, ReadOptions, Skipped, Source, read, read_path
from desktop_app.formats.registry import UNEXPECTED
from desktop_app.model import ParsedArticle

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "formats"
MiB = 1024 * 1024
STORY = '[{"title": "عنوان الخبر", "content": "نص الخبر في سطر واحد."}]'.encode()


def zip_bytes(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, (2024, 3, 5, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return out.getvalue()


def patched(archive: bytes, local: dict[int, int], central: dict[int, int]) -> bytes:
    """Change bytes at offsets in the first member's local header and central entry."""
    data = bytearray(archive)
    start = data.find(b"PK\x03\x04")
    entry = data.find(b"PK\x01\x02")
    for offset, value in local.items():
        data[start + offset] = value
    for offset, value in central.items():
        data[entry + offset] = value
    return bytes(data)


class Zeros(io.RawIOBase):
    """`size` zero bytes, produced as they are read (so the test holds none of them)."""

    def __init__(self, size: int) -> None:
        super().__init__()
        self.left = size

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        count = min(len(buffer), self.left)
        buffer[:count] = bytes(count)
        self.left -= count
        return count


def tar_gz_of_zeros(name: str, size: int) -> bytes:
    out = io.BytesIO()
    with (
        gzip.GzipFile(fileobj=out, mode="wb", mtime=0) as packed,
        tarfile.open(fileobj=packed, mode="w|") as archive,
    ):
        info = tarfile.TarInfo(name)
        info.size = size
        archive.addfile(info, Zeros(size))
    return out.getvalue()


def outcome(name: str, data: bytes, limits: Limits | None = None) -> list:
    found = list(read(Source.from_bytes(name, data), ReadOptions(limits=limits or Limits())))
    for item in found:
        if isinstance(item, Failed):
            assert not item.reason.startswith(UNEXPECTED), item
    return found


def reasons(found: list) -> list[tuple[str, str]]:
    return [(i.origin, i.reason) for i in found if isinstance(i, Failed | Skipped)]


def test_zip_bomb_member_is_refused_before_it_is_inflated():
    bomb = zip_bytes({"story.json": STORY, "zeros.txt": bytes(64 * MiB)})
    assert len(bomb) < MiB  # 64 MiB packed into a few dozen KiB
    found = outcome("bomb.zip", bomb)
    assert [a.title for a in found if isinstance(a, ParsedArticle)] == ["عنوان الخبر"]
    ((origin, reason),) = reasons(found)
    assert origin == "bomb.zip/zeros.txt"
    assert reason.startswith("archive bomb protection: 64 MiB packed into ")
    assert reason.endswith("bytes (over 200:1): not read")


def test_tar_gz_bomb_is_stopped_while_streaming():
    bomb = tar_gz_of_zeros("zeros.jsonl", 256 * MiB)
    assert len(bomb) < MiB
    found = outcome("bomb.tar.gz", bomb)
    assert not [a for a in found if isinstance(a, ParsedArticle)]
    assert reasons(found) == [
        (
            "bomb.tar.gz/zeros.jsonl",
            "archive bomb protection: bomb.tar.gz inflates more than 200:1",
        ),
        (
            "bomb.tar.gz",
            "archive not read further: archive bomb protection: bomb.tar.gz inflates more "
            "than 200:1",
        ),
    ]


def test_single_gzip_bomb_is_stopped_while_streaming():
    bomb = gzip.compress(bytes(64 * MiB), mtime=0)
    found = outcome("zeros.txt.gz", bomb)
    assert reasons(found)[-1] == (
        "zeros.txt.gz",
        "archive not read further: archive bomb protection: zeros.txt.gz inflates more than 200:1",
    )


def test_total_size_limit_stops_the_archive_and_keeps_what_was_read():
    archive = zip_bytes({f"day{n}.json": STORY for n in range(1, 6)})
    limit = 2 * len(STORY) + 10
    found = outcome("days.zip", archive, Limits(max_total_bytes=limit))
    titled = [a.path for a in found if isinstance(a, ParsedArticle)]
    assert titled == ["days.zip/day1.json#1", "days.zip/day2.json#1"]
    assert reasons(found)[-1] == (
        "days.zip",
        f"archive not read further: archive bomb protection: more than {limit} bytes "
        "uncompressed in one archive",
    )


def test_member_count_limit():
    archive = zip_bytes({f"day{n}.json": STORY for n in range(1, 6)})
    found = outcome("days.zip", archive, Limits(max_members=3))
    assert len([a for a in found if isinstance(a, ParsedArticle)]) == 3
    assert reasons(found)[-1] == (
        "days.zip",
        "archive not read further: archive bomb protection: more than 3 files in one archive",
    )


def test_nesting_depth_limit():
    data = STORY
    name = "story.json"
    for level in range(6):  # a zip in a zip … six deep
        data = zip_bytes({name: data})
        name = f"level{level}.zip"
    found = outcome(name, data)
    assert not [a for a in found if isinstance(a, ParsedArticle)]
    ((origin, reason),) = reasons(found)
    assert origin == "level5.zip/level4.zip/level3.zip/level2.zip/level1.zip"
    assert reason == "archive bomb protection: archives nested more than 4 deep"
    # Within the limit the story is found.
    shallow = outcome("x.zip", zip_bytes({"in.zip": zip_bytes({"story.json": STORY})}))
    assert [a.path for a in shallow] == ["x.zip/in.zip/story.json#1"]


def test_truncated_tar_gz_keeps_the_members_before_the_cut():
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w") as archive:
        for n in range(1, 21):
            text = os.urandom(3000).hex()  # incompressible, so the cut falls mid-archive
            data = f'[{{"title": "خبر {n}", "content": "{text}"}}]'.encode()
            info = tarfile.TarInfo(f"day{n:02}.json")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    packed = gzip.compress(raw.getvalue(), mtime=0)
    found = outcome("cut.tar.gz", packed[: len(packed) // 2])
    read_before_cut = [a.title for a in found if isinstance(a, ParsedArticle)]
    assert 5 <= len(read_before_cut) < 20
    assert read_before_cut == [f"خبر {n}" for n in range(1, len(read_before_cut) + 1)]
    origin, reason = reasons(found)[-1]
    assert origin == "cut.tar.gz"
    assert reason.startswith("damaged or truncated archive: ")


def test_encrypted_member_fails_alone():
    archive = patched(zip_bytes({"secret.json": STORY}), {6: 0x1}, {8: 0x1})  # flag bit 0
    assert reasons(outcome("locked.zip", archive)) == [
        ("locked.zip/secret.json", "encrypted: cannot be read without its password")
    ]


def test_member_with_a_bad_checksum_fails_alone():
    archive = zip_bytes({"a.json": STORY, "b.json": STORY})
    found = outcome("crc.zip", patched(archive, {14: 0}, {16: 0}))  # CRC-32's first byte
    assert [a.path for a in found if isinstance(a, ParsedArticle)] == ["crc.zip/b.json#1"]
    ((origin, reason),) = reasons(found)
    assert origin == "crc.zip/a.json"
    assert "Bad CRC-32" in reason


def test_windows_arabic_member_names_are_decoded():
    # As an old Windows zip tool wrote it: cp1256 bytes, no UTF-8 flag.
    name = "أخبار".encode("cp1256")
    archive = zip_bytes({"XXXXX.json": STORY}).replace(b"XXXXX", name)
    (article,) = outcome("old.zip", archive)
    assert article.path == "old.zip/أخبار.json#1"


def test_nothing_is_unpacked_to_disk(tmp_path, monkeypatch):
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    before = set(os.listdir(tmp_path))
    found = list(read_path(str(FIXTURES / "nested.zip")))
    assert len([a for a in found if isinstance(a, ParsedArticle)]) == 10
    assert set(os.listdir(tmp_path)) == before


class OneWay(io.RawIOBase):
    """A write-only stream that cannot seek: zipfile then writes data descriptors."""

    def __init__(self) -> None:
        super().__init__()
        self.data = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, chunk) -> int:
        self.data += chunk
        return len(chunk)


def test_cut_zip_written_with_data_descriptors_is_salvaged():
    out = OneWay()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for n in range(1, 4):
            archive.writestr(f"day{n}.json", STORY)
    data = bytes(out.data)
    assert data[6] & 0x08  # sizes and checksum follow each member, not precede it
    cut = data[: data.find(b"PK\x01\x02")]  # the table of contents is lost
    found = outcome("cut.zip", cut)
    assert [a.path for a in found if isinstance(a, ParsedArticle)] == [
        "cut.zip/day1.json#1",
        "cut.zip/day2.json#1",
        "cut.zip/day3.json#1",
    ]
    assert reasons(found) == [
        (
            "cut.zip",
            "damaged or truncated zip (File is not a zip file): 3 member(s) read from their "
            "local headers",
        )
    ]


def test_cut_zip_bomb_is_still_refused():
    bomb = zip_bytes({"story.json": STORY, "zeros.txt": bytes(64 * MiB)})
    cut = bomb[: bomb.find(b"PK\x01\x02")]
    found = outcome("cut-bomb.zip", cut)
    assert [a.path for a in found if isinstance(a, ParsedArticle)] == ["cut-bomb.zip/story.json#1"]
    assert reasons(found)[0][0] == "cut-bomb.zip/zeros.txt"
    assert reasons(found)[0][1].startswith("archive bomb protection: 64 MiB packed into ")


def test_links_and_special_files_inside_archives_are_skipped():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        link = zipfile.ZipInfo("latest.json")
        link.external_attr = 0o120777 << 16  # a symbolic link, as Unix zip stores it
        archive.writestr(link, "2024/day.json")
        archive.writestr("day.json", STORY)
    assert reasons(outcome("links.zip", out.getvalue())) == [
        ("links.zip/latest.json", "a link inside an archive: not followed")
    ]
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w") as archive:
        fifo = tarfile.TarInfo("queue")
        fifo.type = tarfile.FIFOTYPE
        archive.addfile(fifo)
        device = tarfile.TarInfo("tty")
        device.type = tarfile.CHRTYPE
        archive.addfile(device)
    assert reasons(outcome("special.tar", raw.getvalue())) == [
        ("special.tar/queue", "a special file inside an archive (device or pipe)"),
        ("special.tar/tty", "a special file inside an archive (device or pipe)"),
    ]
