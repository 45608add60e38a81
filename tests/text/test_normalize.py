from desktop_app.text.normalize import normalize, strip_diacritics, title_key, words


def test_diacritics_and_tatweel_are_removed():
    assert normalize("مُحَمَّدٌ") == "محمد"
    assert normalize("جمـــيل") == "جميل"
    assert strip_diacritics("كِتَابٌ") == "كتاب"


def test_hamza_seats_on_alef_fold_to_bare_alef():
    assert normalize("أحمد إبراهيم آمال ٱلله") == "احمد ابراهيم امال الله"


def test_teh_marbuta_and_alef_maksura_fold():
    assert normalize("مدرسة") == normalize("مدرسه")
    assert normalize("مستشفى") == normalize("مستشفي")


def test_arabic_indic_digits_become_ascii():
    assert normalize("عام ٢٠١٧ و۱۴۰۲") == "عام 2017 و1402"


def test_presentation_forms_map_to_letters():
    assert normalize("\ufefb") == "لا"  # ligature lam-alef


def test_latin_is_casefolded():
    assert normalize("NASA") == "nasa"


def test_words_drop_punctuation():
    assert words("«مرحباً»، يا عالم!") == ["مرحبا", "يا", "عالم"]


def test_title_key_ignores_quotes_punctuation_and_spacing():
    a = "«إسرائيل» تُعلن: افتتاح   مدرسة"
    b = "اسرائيل تعلن افتتاح مدرسه"
    assert title_key(a) == title_key(b)
    assert title_key("حدث كبير") != title_key("حدث صغير")
