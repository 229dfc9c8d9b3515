"""Thai character clusters (TCC): the smallest pieces a Thai word break may fall between.

newmm (``newmm.py``) only ends a word where a cluster ends, so that a word never ends on a
leading vowel or between a consonant and its vowel, tone mark or silent tail (การันต์). The
rules are those of Theeramunkong et al., "Character cluster based Thai information
retrieval" (2000, https://doi.org/10.1145/355214.355225), with the refinements PyThaiNLP's
``tokenize/tcc_p.py`` makes for newmm (credits there: Jakkrit TeCho, Wittawat Jitkrittum,
Korakot Chaovavanich). They are written out again here so that line breaking need not
import PyThaiNLP (~80 ms of a cold ``dla-drafter render``); ``tests/text/test_text_newmm.py``
checks the clusters against PyThaiNLP's on the whole dictionary and on generated text.

At each position the first rule that matches (in table order, not the longest) makes the
cluster; where none matches, the character stands alone.
"""

from __future__ import annotations

import re

#: Placeholders of the rule table: a consonant, an optional tone mark, and the optional
#: silent tail (one or two consonants, perhaps a lower vowel or SARA I, under a THANTHAKHAT).
_PIECES = {
    "C": "[ก-ฮ]",
    "T": "[่-๋]?",
    "K": "(?:[ก-ฮ][ก-ฮ]?[ุูิ]?์)?",
    "A": "(?=[เ-ไก-ฮ]|$)",  # the cluster ends before a leading vowel, a consonant or the end
}

#: The rules, in the order they are tried. Rules that start with a consonant and come after
#: ``CT[ะาำ]?K`` could never be reached (that rule matches any consonant), so they are left
#: out; what remains gives the same clusters.
_RULES = (
    "เC็CK",  # เด็ก
    "เCCTาะK",  # เพราะ
    "เCCีTยะK",  # เกรียะ
    "เCCีTยAK",  # เปรียบ (the ย closes the cluster)
    "เCC็CK",  # เกร็ง
    "เCิC์CK",
    "เCิTCK",  # เกิด
    "เCีTยะ?K",  # เรียน, เกี๊ยะ
    "เCืTอะ?K",  # เมือง
    "เC[ิีุู]TยAK",
    "เCTา?ะ?K",  # เขา, เละ
    "CัTวะK",  # ผัวะ
    "C[ัื]TC[ุิะ]?K",  # กัน, ลืม
    "C[ิุู]์",  # a mark the tail carries
    "C[ะ-ู]TK",  # consonant + following or upper/lower vowel
    "CรรC์",  # -รร- with a silent tail
    "C็",  # ก็
    "CT[ะาำ]?K",  # any other consonant, its tone and its following vowel
    "แC็C",
    "แCC์",
    "แCTะ",
    "แCC็C",
    "แCCC์",
    "โCTะ",
    "[เ-ไ]CT",  # a leading vowel holds its consonant
)


def _compile() -> re.Pattern[str]:
    rules = []
    for rule in _RULES:
        for name, piece in _PIECES.items():
            rule = rule.replace(name, piece)
        rules.append(rule)
    # A character no rule takes is a cluster of its own (DOTALL: newlines too).
    return re.compile("|".join(rules) + "|.", re.DOTALL)


_CLUSTER_RE = _compile()


def tcc_clusters(text: str) -> list[str]:
    """The clusters of ``text`` in order; ``"".join(tcc_clusters(t)) == t``."""
    return [m.group() for m in _CLUSTER_RE.finditer(text)]


def tcc_boundaries(text: str) -> bytearray:
    """``len(text) + 1`` flags: ``[i]`` is 1 where a cluster ends at offset ``i`` (so
    ``[len(text)]`` is 1 for non-empty text, and ``[0]`` is always 0)."""
    flags = bytearray(len(text) + 1)
    for m in _CLUSTER_RE.finditer(text):
        flags[m.end()] = 1
    return flags


__all__ = ["tcc_boundaries", "tcc_clusters"]
