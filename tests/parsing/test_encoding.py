import codecs

import pytest

from desktop_app.parsing.encoding import decode
from desktop_app.parsing.errors import ParseError

TEXT = "مرحبا بالعالم — خبر عاجل\nسطر ثان"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.replace("—", "-").encode("cp1256"), "cp1256"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
    ],
)
def test_encodings_are_recognised(data, encoding):
    decoded = decode(data)
    assert decoded.encoding == encoding
    assert decoded.text.lstrip("\ufeff").replace("-", "—") == TEXT
    assert decoded.warnings == ()


def test_cut_last_letter_stays_utf8():
    data = TEXT.encode("utf-8")[:-1]
    decoded = decode(data)
    assert decoded.encoding == "utf-8"
    assert decoded.text == TEXT[:-1]
    assert "cut off" in decoded.warnings[0]


def test_a_few_broken_bytes_in_utf8_are_replaced_not_mojibake():
    data = (TEXT * 20).encode("utf-8")
    data = data[:100] + b"\xff" + data[100:]
    decoded = decode(data)
    assert decoded.encoding == "utf-8"
    assert "مرحبا" in decoded.text
    assert decoded.warnings


def test_nul_bytes_mean_binary():
    with pytest.raises(ParseError) as info:
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert info.value.code == "binary"
