"""Bylines split into author, agency and place; invisible characters folded (no Qt)."""

from __future__ import annotations

import pytest

from desktop_app.parsing.article import parse_article
from desktop_app.parsing.byline import (
    Byline,
    classify,
    fold_invisible,
    read_byline,
    split_byline,
    strip_byline,
)

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("أحمد علي — سبق- القاهرة", Byline("أحمد علي", "سبق", "القاهرة")),
        ("واس - الرياض", Byline(None, "واس", "الرياض")),
        ("الرياض - رويترز", Byline(None, "رويترز", "الرياض")),
        ("جدة: محمد الغامدي", Byline("محمد الغامدي", None, "جدة")),
        ("(أ.ف.ب) - باريس", Byline(None, "أ ف ب", "باريس")),
        ("د.ب.أ – برلين", Byline(None, "د ب أ", "برلين")),
        ("وكالة الأناضول - أنقرة", Byline(None, "الأناضول", "أنقرة")),
        ("سارة القحطاني - متابعات", Byline("سارة القحطاني", None, None)),
        ("ريم العتيبي", Byline("ريم العتيبي", None, None)),
        ("سبق ـ أبهــا", Byline(None, "سبق", "أبها")),  # a tatweel as the dash, one in the name
    ],
)
def test_split_byline(byline, expected):
    assert split_byline(byline) == expected


def test_invisible_and_bidi_characters_are_folded_out_of_every_value():
    assert split_byline("\u202bسبق\u200b") == Byline(None, "سبق", None)
    assert split_byline("\u200fأحمد\u200c علي\u202c - \u2068سبق\u2069 -\u200e القاهرة\u200b") == (
        Byline("أحمد علي", "سبق", "القاهرة")
    )
    assert fold_invisible(f"\ufeff  جدة{NBSP}\u2003 الجديدة\u061c ") == "جدة الجديدة"


def test_spellings_of_a_place_are_one_place():
    for written in ("ابها", "أبها", "أبهـــا", "أَبها"):
        assert classify(written) == ("place", "أبها"), written
    assert classify("جيزان") == classify("جازان") == ("place", "جازان")
    assert classify("مكه المكرمه") == classify("مكة") == ("place", "مكة المكرمة")
    assert classify("القدس المحتلة") == ("place", "القدس")
    assert classify("اسطنبول") == ("place", "إسطنبول")


def test_a_place_only_if_the_gazetteer_or_a_strong_rule_says_so():
    assert classify("المرقاب") is None  # one unknown word: neither a place nor a name
    assert classify("المرقاب الجديد") == ("author", "المرقاب الجديد")  # a name's shape, no place
    assert classify("قال النائب اللبناني") is None
    assert classify("عادل الشمري") == ("author", "عادل الشمري")  # a person, not a place
    assert classify("بنغازي (ليبيا)") == ("place", "بنغازي")
    assert classify("صور (لبنان)") == ("place", "صور (لبنان)")  # unknown town, known country
    assert classify("صور") is None  # "photos" as often as Tyre
    assert classify("1") is None and classify("***") is None


def test_names_are_not_sentences():
    for text in ("تمكن مركز شرطة أبانات", "الحدث الذي", "أصبحت عصي السيلفي", "كثيراً ما نسمعهم"):
        assert classify(text) is None, text
    assert classify("بدر الجبل") == ("author", "بدر الجبل")  # a given name that is a town
    assert classify("لجين الأحمدي") == ("author", "لجين الأحمدي")  # a family name that is one


@pytest.mark.parametrize(
    ("paragraph", "byline", "rest"),
    [
        (
            "سامي الغامدي- سبق- الدمام: أعلنت أمانة المنطقة افتتاح حديقة جديدة.",
            Byline("سامي الغامدي", "سبق", "الدمام"),
            "أعلنت أمانة المنطقة افتتاح حديقة جديدة.",
        ),
        (
            "عين اليوم – الرياض سجل مؤشر السوق ارتفاعا طفيفا في ختام تعاملات اليوم.",
            Byline(None, "عين اليوم", "الرياض"),
            "سجل مؤشر السوق ارتفاعا طفيفا في ختام تعاملات اليوم.",
        ),
        (
            "نورة الحربي – عين اليوم تحدثت الطالبات عن تجربتهن في المعرض العلمي.",
            Byline("نورة الحربي", "عين اليوم", None),
            "تحدثت الطالبات عن تجربتهن في المعرض العلمي.",
        ),
        (
            "Next Previous عين اليوم – متابعات أطلقت الشركة هاتفها الجديد أمس.",
            Byline(None, "عين اليوم", None),
            "أطلقت الشركة هاتفها الجديد أمس.",
        ),
        (
            "سبق-جازان:انتقل إلى رحمة الله صباح اليوم أحد أعيان المحافظة.",
            Byline(None, "سبق", "جازان"),
            "انتقل إلى رحمة الله صباح اليوم أحد أعيان المحافظة.",
        ),
        (
            "خالد المطيري - سبق الطائف: شكا أهالي القرية من انقطاع المياه.",
            Byline("خالد المطيري", "سبق", "الطائف"),
            "شكا أهالي القرية من انقطاع المياه.",
        ),
        (
            "تبوك 12 شوال 1436 هـ الموافق 28 يوليو 2015 م واس دشن أمير المنطقة مشروعا جديدا.",
            Byline(None, "واس", "تبوك"),
            "دشن أمير المنطقة مشروعا جديدا.",
        ),
        (
            "رويترز- بنغازي (ليبيا): قال متحدث عسكري إن الاشتباكات توقفت.",
            Byline(None, "رويترز", "بنغازي"),
            "قال متحدث عسكري إن الاشتباكات توقفت.",
        ),
        (
            "منى السالم – هند الدوسري: عين اليوم نظمت الجمعية أمسية ثقافية.",
            Byline("منى السالم", "عين اليوم", None),
            "نظمت الجمعية أمسية ثقافية.",
        ),
        (
            "اليوم - الدمام جذبت الفرقة زوار المهرجان مساء أمس.",
            Byline(None, "اليوم", "الدمام"),
            "جذبت الفرقة زوار المهرجان مساء أمس.",
        ),
    ],
)
def test_read_byline_at_the_start_of_a_paragraph(paragraph, byline, rest):
    assert read_byline(paragraph) == (byline, rest)
    assert strip_byline(paragraph) == rest


@pytest.mark.parametrize(
    "paragraph",
    [
        "شهدت الحدود التركية - السورية أمس أول اشتباك من نوعه.",
        "قال النائب اللبناني - في تصريح صحفي - إن الجلسة تأجلت.",
        "1 - لا تترك أعمالك إلى آخر يوم قبل العطلة.",
        "عبرت الفنانة لـ ( اليوم ) عن سعادتها بالمشاركة.",
        "سبق تقول للمسؤول: متى ينتهي المشروع؟",
        "الرياض تستضيف المؤتمر الدولي للطاقة الأسبوع المقبل.",
        "أحمد سالم - أحد سكان الحي - قال إن الطريق مغلق.",
        "",
    ],
)
def test_paragraphs_without_a_byline(paragraph):
    assert read_byline(paragraph) is None
    assert strip_byline(paragraph) == paragraph


def article_file(first_paragraph: str) -> bytes:
    sections = [
        "First Published: 2015-08-02\n\nافتتاح حديقة جديدة في الدمام\n",
        "\nافتتحت الأمانة حديقة جديدة.\n",
        "\nصحيفة الاختبار\n\n" + first_paragraph + "\n\nوتضم الحديقة ممشى وملاعب للأطفال.\n",
        "\n>>",
    ]
    return f"\n{NBSP}\n".join(sections).encode("utf-8")


def test_the_parser_stores_the_place_as_dateline_and_the_author_and_agency():
    article = parse_article("a.txt", article_file("سامي الغامدي- سبق- الدمام: افتتحت الأمانة."))
    assert (article.dateline, article.author, article.agency) == ("الدمام", "سامي الغامدي", "سبق")
    article = parse_article("b.txt", article_file("\u202bسبق\u200b - متابعة: نص الخبر هنا."))
    assert (article.dateline, article.author, article.agency) == (None, None, "سبق")
    article = parse_article("c.txt", article_file("ريم العتيبي - نص بلا وكالة ولا مكان."))
    assert (article.dateline, article.author, article.agency) == (None, None, None)


def test_parsed_article_keeps_its_positional_constructor():
    from desktop_app.model import ParsedArticle

    fields = ("t", "l", "s", None, "جدة", ("p",), (), None, "x.txt", "utf-8", "h", ())
    article = ParsedArticle(*fields)
    assert article.author is None and article.agency is None
