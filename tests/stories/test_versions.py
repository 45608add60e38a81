"""The versions rule: shared text plus headlines that name the same things."""

from desktop_app.stories import versions as V

# The library's most frequent stems, as the full-text index would report them.
COMMON = V.common_terms(
    {term: 90 for term in V.terms("القيادة تهنئ رئيس خادم الحرمين الشريفين بذكرى اليوم")}
)


def test_common_terms_are_the_most_frequent():
    assert V.common_terms({"ا": 5, "ب": 9, "ج": 7}, count=2) == {"ب", "ج"}


def test_terms_are_stems_of_two_letters_or_more():
    assert V.terms("والمدارس في الرياض و 5") == {"مدارس", "في", "رياض"}


def test_template_with_another_country_is_not_covered():
    title = "القيادة تهنئ رئيس الإكوادور بذكرى الاستقلال"
    other = V.terms("القيادة تهنئ رئيس تشاد بذكرى اليوم الوطني بعث خادم الحرمين برقية إلى تشاد")
    assert V.title_coverage(title, other, COMMON) == 0.0  # الإكوادور، الاستقلال


def test_retitled_version_is_covered():
    title = "10454 سريرا في مستشفيات منطقة مكة"
    other = V.terms("سترفع المشاريع عدد الأسرة في مستشفيات منطقة مكة المكرمة إلى 10454 سريرا")
    assert V.title_coverage(title, other, COMMON) == 1.0


def test_title_of_common_words_only_is_no_evidence_against():
    assert V.title_coverage("خادم الحرمين الشريفين", set(), COMMON) == 1.0


def test_is_version_needs_both_conditions():
    assert V.is_version(0.9, 1.0, 0.8)
    assert not V.is_version(0.9, 1.0, 0.3)
    assert not V.is_version(0.3, 1.0, 1.0)
