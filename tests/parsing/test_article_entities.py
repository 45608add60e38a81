"""Character references decoded in every field the parser reads; the content hash unchanged."""

from __future__ import annotations

import hashlib

from desktop_app.parsing.article import parse_article
from desktop_app.services.importer import import_paths

NBSP = "\u00a0"


def article_file(title: str, lede: str, body: list[str], related: list[str]) -> str:
    sections = [
        f"First Published: 2015-08-02\n\n{title}\n",
        f"\n{lede}\n",
        "\n" + "\n\n".join(body) + "\n",
        "\n" + "\n\n".join(related) + "\n\n",
        "\n>>",
    ]
    return f"\n{NBSP}\n".join(sections)


WITH_REFERENCES = article_file(
    "&quot;الشعيبي&quot; لـ&quot;سبق&quot;: لا &#8220;واسطة&#8221; في التدريب",
    "أكد المدير &#39;المكلف&#39; أن التدريب مفتوح للجميع&hellip;",
    [
        "صحيفة &quot;المدينة&quot;",
        "صورة &#x201C;أرشيفية&#x201D; للمتدربين",
        "جدة &#8211; أعلن المدير أن البرنامج يبدأ الأحد&nbsp;المقبل.",
        "وقال إن &lt;b&gt; ليس وسما هنا، وإن AT&T وS&P500 تبقيان كما هما.",
        "&nbsp;",
        "وأضاف أن التسجيل متاح عبر الموقع الرسمي للإدارة.",
    ],
    ["&quot;علي&quot; يضيء منزل &quot;القرني&quot;", "الهلال &amp; النصر في نهائي الكأس"],
)


def test_every_field_is_decoded():
    article = parse_article("refs.txt", WITH_REFERENCES.encode("utf-8"))
    assert article.title == '"الشعيبي" لـ"سبق": لا “واسطة” في التدريب'
    assert article.lede == "أكد المدير 'المكلف' أن التدريب مفتوح للجميع…"
    assert article.source == 'صحيفة "المدينة"'
    assert article.caption == "صورة “أرشيفية” للمتدربين"
    assert article.dateline == "جدة"
    assert article.paragraphs == (
        "جدة – أعلن المدير أن البرنامج يبدأ الأحد المقبل.",
        "وقال إن <b> ليس وسما هنا، وإن AT&T وS&P500 تبقيان كما هما.",
        "وأضاف أن التسجيل متاح عبر الموقع الرسمي للإدارة.",  # "&nbsp;" alone: nothing left
    )
    assert article.related == ('"علي" يضيء منزل "القرني"', "الهلال & النصر في نهائي الكأس")
    fields = [article.title, article.lede, article.source, article.caption, *article.paragraphs]
    assert not any("&quot;" in f or "&#" in f or NBSP in f for f in fields if f)


def test_the_content_hash_is_still_the_hash_of_the_file_text():
    data = WITH_REFERENCES.encode("utf-8")
    article = parse_article("refs.txt", data)
    assert article.content_hash == hashlib.sha256(data).hexdigest()
    # The same words typed with real quotes are another file, with another hash.
    typed = article_file(
        article.title, article.lede, [article.source, "جدة - نص الخبر."], list(article.related)
    )
    assert parse_article("typed.txt", typed.encode("utf-8")).content_hash != article.content_hash


def test_an_end_mark_written_as_references_does_not_end_the_file():
    text = WITH_REFERENCES.replace("وأضاف أن", "&gt;&gt;\n\nوأضاف أن")
    article = parse_article("refs.txt", text.encode("utf-8"))
    assert ">>" in article.paragraphs
    assert not any(w.startswith("truncated") for w in article.warnings)


def test_reimporting_the_file_is_still_a_duplicate(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(WITH_REFERENCES, encoding="utf-8")
    (folder / "b.txt").write_text(WITH_REFERENCES, encoding="utf-16")
    report = import_paths(tmp_path / "lib.db", [folder])
    assert len(report.imported) == 1 and len(report.duplicates) == 1
    again = import_paths(tmp_path / "lib.db", [folder / "a.txt"])
    assert len(again.imported) == 0 and len(again.duplicates) == 1
