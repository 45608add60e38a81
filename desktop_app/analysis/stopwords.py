"""Arabic words left out of top-term lists: they say how a sentence is built, not what
the article is about. Written for Akhbar (not taken from another list).

What is in it, and why:
- particles, prepositions and conjunctions (في، من، على، أن، لم، قد، ثم …) and the
  prepositions with their attached pronouns (فيه، عليها، لهم …): the most frequent
  words of any Arabic text, in every topic alike;
- pronouns, demonstratives and relative pronouns (هو، هذه، ذلك، الذي، التي …);
- auxiliaries and verbs of being (كان، يكون، أصبح، لا يزال …) and quantifiers
  (كل، بعض، جميع، غير …);
- the function words of news writing: verbs that attribute speech (قال، أضاف، أوضح،
  أشار، أكد، ذكر …) and the connectives reporters join sentences with (كذلك، حيث،
  وفقا، إضافة، أمس …). Every agency story carries them, so they would top every set
  and drown its topic. Words that can carry a topic stay in, even when frequent
  (اليوم is also a newspaper's name; مجلس، وزير، المملكة are what news is about).

Not in it: numbers and one-letter tokens, which `is_stop_word` drops by shape. A word
matches in its normalised spelling (text/normalize.py), also with a leading و or ف
(وقال، فإن) or one of the proclitics ب، ل، ك after them (وبذلك، لهذا).
"""

from __future__ import annotations

from functools import lru_cache

from desktop_app.text.normalize import normalize

_PREPOSITIONS_AND_PARTICLES = """
في من إلى الى على عن مع حتى منذ مذ لدى لدي عند بين خلال حول ضد نحو عبر تحت فوق أمام
وراء دون قبل بعد إثر اثر ضمن عدا سوى لـ و ف ثم أو أم بل لكن لكنه لكنها إن أن إنه أنه
إنها أنها كأن لأن لان كي لكي لم لن لا ما ماذا لماذا ليس ليست قد لقد سوف سـ هل إذا إذ
لو لولا إلا ألا أما إما حيث كما كلما بينما عندما حين حينما لما مثل أي إي يا نعم كلا
"""
_WITH_PRONOUNS = """
فيه فيها فيهم فيهما فيما منه منها منهم منهما مما ممن عليه عليها عليهم عليهما إليه إليها
إليهم له لها لهم لهما لنا لي به بها بهم بهما عنه عنها عنهم معه معها معهم معنا لديه لديها
لديهم لدينا عنده عندها عندهم بينه بينها بينهم بيننا
"""
_PRONOUNS_AND_DEMONSTRATIVES = """
هو هي هم هن هما أنا نحن أنت أنتم انتم أنتن إياه إياها إياهم هذا هذه هذان هاتان هذين
هاتين هؤلاء ذلك ذاك تلك أولئك اولئك هنا هناك هنالك الذي التي الذين اللذين اللتين
اللذان اللتان اللواتي اللاتي اللائي
"""
_AUXILIARIES_AND_QUANTIFIERS = """
كان كانت كانوا كانا يكون تكون يكونون أكون نكون يكن تكن أصبح أصبحت يصبح تصبح صار
ظل ظلت زال يزال تزال مازال ماتزال ليسوا كل كلا كلتا بعض جميع غير أي أية أحد إحدى
عدة كافة معظم أكثر أقل نفس ذات سواء
"""
_NEWS_FUNCTION_WORDS = """
قال قالت يقول تقول قالوا أضاف أضافت يضيف وأضاف أوضح أوضحت يوضح أشار أشارت يشير
أكد أكدت يؤكد ذكر ذكرت يذكر بين بينت أفاد أفادت صرح صرحت أعلن أعلنت مشيرا مؤكدا
موضحا مضيفا لافتا وفقا وفق حسب بحسب طبقا أيضا كذلك وكذلك خاصة إضافة بالإضافة فضلا
أمس يوم تم يتم وذلك حاليا فقط جدا أثناء
"""
STOP_WORDS_TEXT = " ".join(
    (
        _PREPOSITIONS_AND_PARTICLES,
        _WITH_PRONOUNS,
        _PRONOUNS_AND_DEMONSTRATIVES,
        _AUXILIARIES_AND_QUANTIFIERS,
        _NEWS_FUNCTION_WORDS,
    )
)
STOP_WORDS = frozenset(normalize(w) for w in STOP_WORDS_TEXT.split())
_CONJUNCTIONS = "وف"
_PROCLITICS = "بلك"


def is_stop_word(word: str) -> bool:
    """Whether a word (as written) is left out of term lists."""
    return is_stop_normalised(normalize(word))


@lru_cache(maxsize=262144)
def is_stop_normalised(norm: str) -> bool:
    """`is_stop_word` for a word already normalised (text/normalize.py)."""
    if len(norm) < 2 or norm.isdigit():
        return True
    if norm in STOP_WORDS:
        return True
    if norm[0] in _CONJUNCTIONS:
        norm = norm[1:]
        if norm in STOP_WORDS:
            return True
    return len(norm) > 2 and norm[0] in _PROCLITICS and norm[1:] in STOP_WORDS
