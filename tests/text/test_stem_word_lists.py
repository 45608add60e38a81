"""The stemmer's rules of issue 16, each on a word list written for it.

Every group of a list must share one stem; every word of a "keep" list must keep the
letters a rule would wrongly take. The lists are typed as a reader or a writer would
spell the words (hamza, ة, ى as written): the normaliser runs first.
"""

import pytest

from desktop_app.text.normalize import normalize
from desktop_app.text.stem import stem, stem_text, stem_variants


def s(word: str) -> str:
    return stem(normalize(word))


# -- a word and its sound plural share a stem ------------------------------------------------

SOUND_PLURALS = [
    # nouns that end in ان: the ending is theirs, not a dual
    "بيان بيانات البيانات",
    "مهرجان مهرجانات المهرجانات",
    "إعلان إعلانات الإعلانات",
    "حيوان حيوانات",
    "امتحان امتحانات الامتحانات",
    "فنان فنانون فنانين فنانة فنانات",
    "إمكانية إمكانيات",
    # masculine ون / ين and feminine ة / ات
    "مهندس مهندسون مهندسين مهندسة مهندسات",
    "معلم معلمون معلمين معلمة معلمات المعلمين",
    "مسؤول مسؤولون مسؤولين مسؤولة مسؤولات المسئولين",
    "مواطن مواطنون مواطنين مواطنة مواطنات",
    "لاعب لاعبون لاعبين لاعبة لاعبات",
    "موظف موظفون موظفين موظفة موظفات",
    "مشارك مشاركون مشاركين مشاركة مشاركات",
    "مستثمر مستثمرون مستثمرين",
    "متهم متهمون متهمين المتهم",
    "مساهم مساهمون مساهمين",
    "طالبة طالبات",
    "مدرسة مدرسات",
    "جامعة جامعات",
    "حكومة حكومات",
    "شركة شركات",
    "وزارة وزارات الوزارة",
    "مبادرة مبادرات",
    "سيارة سيارات",
    "خدمة خدمات",
    "هيئة هيئات",
    "عملية عمليات",
    "قرار قرارات",
    "مطار مطارات",
    "تحقيق تحقيقات",
    "اجتماع اجتماعات",
    "انتخاب انتخابات",
    "مستشفى مستشفيات",
    "مستوى مستويات",
    # a root ه before ة or ات
    "مواجهة مواجهات",
    "جبهة جبهات",
    "جهة جهات",
    "اتجاه اتجاهات الاتجاه",
    # اة ~ يات / آت
    "مباراة مباريات المباراة",
    "منشأة منشآت",
    # a singular ending in ون / ين, a plural in ونات / ينات
    "مكون مكونات",
    "تأمين تأمينات",
    "مخزون مخزونات",
    "تعيين تعيينات",
    # the relative ي (نسبة), its feminine and its plurals
    "سعودي سعوديون سعوديين سعودية سعوديات",
    "مصري مصريون مصريين مصرية",
    "عسكري عسكريون عسكريين عسكرية",
    "سياسي سياسيون سياسيين سياسية سياسيات",
    "إرهابي إرهابيون إرهابيين إرهابية",
]


@pytest.mark.parametrize("group", SOUND_PLURALS)
def test_a_word_and_its_sound_plural_share_a_stem(group):
    found = {word: s(word) for word in group.split()}
    assert len(set(found.values())) == 1, found


def test_there_are_at_least_forty_pairs():
    assert len(SOUND_PLURALS) >= 40


@pytest.mark.parametrize(
    "group",
    [
        "فلسطين الفلسطيني الفلسطينيين الفلسطينية",
        "الإمارات الإماراتي الإماراتيين الإماراتية",
        "البحرين البحريني البحرينية",
        "إيران الإيراني الإيرانية الإيرانيين",
        "لبنان اللبناني اللبنانية",
        "قانون القانوني القانونية",
        "تلفزيون التلفزيوني التلفزيونية",
        "ميدان الميداني الميدانية",
    ],
)
def test_a_name_and_its_relative_adjective_share_a_stem(group):
    # A name that ends as a plural does (ين، ات، ون) loses that ending as its
    # adjective loses ي; a name in ان keeps it in both.
    found = {word: s(word) for word in group.split()}
    assert len(set(found.values())) == 1, found


@pytest.mark.parametrize(
    ("word", "not_"),
    [
        ("سلمان", "سلم"),
        ("إيران", "اير"),
        ("بيان", "بي"),
        ("رمضان", "رمض"),
        ("مهرجان", "مهرج"),
        ("لبنان", "لبن"),
        ("عدوان", "عدو"),
    ],
)
def test_an_is_not_stripped(word, not_):
    assert s(word) != not_
    assert s(word) != s(not_)


# -- pronoun suffixes --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("with_pronoun", "word"),
    [
        ("مبادرتهم", "مبادرة"),
        ("مبادرتها", "المبادرة"),
        ("حكومتنا", "الحكومة"),
        ("مملكتنا", "المملكة"),
        ("مشاركتهم", "مشاركة"),
        ("مسؤوليتهم", "المسؤولية"),
        ("عودتهما", "عودة"),
        ("زيارتكم", "زيارة"),
        ("بلادنا", "البلاد"),
        ("مجتمعنا", "المجتمع"),
        ("جهودهم", "الجهود"),
        ("أعمالهم", "الأعمال"),
        ("حقوقهن", "الحقوق"),
        ("منازلهم", "المنازل"),
        ("أبنائهم", "الأبناء"),
        ("سياراتهم", "السيارات"),
        ("مدرسيهم", "المدرسين"),
        ("قدراتهن", "القدرات"),
        ("عليهم", "على"),
        ("عليهن", "على"),
        ("لديهم", "لدى"),
        ("بينهما", "بين"),
        ("مستواه", "المستوى"),
    ],
)
def test_a_pronoun_is_stripped_when_enough_stem_stays(with_pronoun, word):
    assert s(with_pronoun) == s(word)


@pytest.mark.parametrize(
    "word",
    [
        "بيتهم",  # بيت: the ت is the word's, too little would stay before it
        "موتهم",
        "صوتها",
    ],
)
def test_a_short_word_keeps_its_own_t(word):
    assert s(word) == s(word[:3])


@pytest.mark.parametrize(
    "word",
    [
        "تفاهم",  # not تفا + هم
        "مساهم",
        "المتهم",
        "سهم",
        "فهم",
        "يتحكم",  # not يتح + كم
        "تراكم",
        "محاكم",
        "يتمكن",  # كن is never stripped
        "فيينا",  # a tanween alef or a name, not نا
        "مبيناً",
        "تزامناً",
        "كورونا",
        "مليوناً",
    ],
)
def test_words_that_only_look_like_a_pronoun_keep_it(word):
    assert s(word).endswith(normalize(word)[-2:])


def test_tanween_on_n_does_not_meet_the_word_without_n():
    assert s("تزامناً") != s("التزام")
    assert s("فيينا") != s("في")


# -- the conjunction و ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "group",
    [
        "وقال قال",
        "الوزارة وزارة والوزارة وزارات",
        "ومكة مكة",
        "والقوات القوات وقوات",
        "والصحة الصحة",
        "وعلى على",
    ],
)
def test_the_conjunction_goes_when_three_letters_follow(group):
    # Even where the stem left is short: a و before مكة، قوات، صحة is far more often a
    # conjunction than the first letter of a word like وطني (which then stems as طن).
    found = {word: s(word) for word in group.split()}
    assert len(set(found.values())) == 1, found


# -- one-letter proclitics: searched for from the query side --------------------------------


@pytest.mark.parametrize(
    ("typed", "in_text"),
    [
        ("صورة", "بصورة"),
        ("حدث", "فحدث"),
        ("ملامح", "بملامح"),
        ("طبيعة", "بطبيعتهم"),
        ("مصر", "لمصر"),
        ("الحكومة", "للحكومة"),  # through the article rule, as before
        ("كتاب", "ككتاب"),
        ("صورة", "وبصورة"),
    ],
)
def test_a_query_word_finds_it_behind_a_one_letter_proclitic(typed, in_text):
    assert s(in_text) in stem_variants(normalize(typed))


def test_short_stems_get_no_proclitic_forms():
    assert stem_variants(normalize("يد")) == (s("يد"),)
    assert not any(v.startswith("ب") for v in stem_variants(normalize("أب"))[1:])


def test_proclitic_forms_are_what_the_index_holds():
    text = normalize("قال بصورة واضحة فحدث ما حدث")
    indexed = set(stem_text(text).split())
    assert s("بصورة") in indexed
    assert indexed & set(stem_variants(normalize("صورة")))
    assert indexed & set(stem_variants(normalize("حدث")))


def test_the_index_keeps_one_letter_proclitics():
    # Stripping them on the index side would make بيت، لبنان، كتاب، فريق lose a letter.
    assert s("بيان") == "بيان"
    assert s("فريق") == "فريق"
    assert s("كتاب") == "كتاب"
