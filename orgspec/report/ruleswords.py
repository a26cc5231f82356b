"""The words the code reads as an open seat or an owner not yet decided, as the rule docs
(`explain`, `orgspec rules --format markdown`) list them: taken from the code's own lists
(`model.models.VACANT_WORDS`, `PLACEHOLDER_WORDS`), so the docs name every word `check`
accepts and no other (trial 32: `explain RO001` in zh-Hant named 待招募 and never 待招聘).

A reader of Chinese sees the words written in their script (Simplified for `zh`,
Traditional for `zh-Hant`; Latin letters and the words both scripts share in both); an
English reader sees them all.
"""

from __future__ import annotations

from orgspec.i18n import M, say
from orgspec.model.models import ID_LIKE_SEATS, PLACEHOLDER_WORDS, VACANT_WORDS

KINDS = ("vacant", "undecided", "owner", "lead")  # the values a rule's `words:` may list


def _in_script(word: str, lang: str) -> bool:
    """Whether a reader of `lang` writes `word` in their script (English: every word)."""
    if lang == "en" or word.isascii():
        return True
    if lang == "zh-Hant":
        from orgspec.i18n.hant import in_script

        return in_script(word)
    from orgspec.text.script import to_simplified

    return to_simplified(word) == word


def _listed(words: tuple[str, ...], lang: str) -> list[str]:
    """`words` a reader of `lang` writes, each as code (`tbd`, `?`), in the code's order
    (a message joins them with its language's separator)."""
    return [f"`{w}`" for w in words if _in_script(w, lang)]


# the lists each kind of a rule's `words:` reads, in the order its paragraph says them
_READS = {"vacant": ("vacant", "undecided"), "undecided": ("undecided",),
          "lead": ("undecided", "vacant"), "owner": ("undecided", "vacant")}
# an owner field may name a team, so open-seat words an org may give a team as its id
# (`recruiting`) are read there as ids (`models.is_unowned`)
_OWNER_SEATS = tuple(w for w in VACANT_WORDS if w not in ID_LIKE_SEATS)
# script -> the reader (`_in_script`) whose words of that script it keeps
_SCRIPTS = (("ascii", "en"), ("zh-Hans", "zh"), ("zh-Hant", "zh-Hant"))


def words_listed(kinds: tuple[str, ...]) -> dict[str, dict[str, list[str]]]:
    """The words a rule with `words: kinds` reads, as `orgspec rules --format json` gives
    them: list ("undecided": an owner not yet decided, "vacant": an open seat) -> script
    ("ascii": every reader writes them, "zh-Hans", "zh-Hant": the Chinese words written so
    in that script, a word the same in both in both) -> the words as the code reads them
    (lower case), in the code's order; the lists in the order the docs say them. `{}` for
    a rule without `words:`; a kind other than `KINDS` is left out."""
    lists = {"undecided": PLACEHOLDER_WORDS,
             "vacant": _OWNER_SEATS if "owner" in kinds and "vacant" not in kinds
             else VACANT_WORDS}
    read = dict.fromkeys(name for kind in kinds for name in _READS.get(kind, ()))
    return {name: {script: [w for w in lists[name] if (w.isascii() if script == "ascii"
                                                       else not w.isascii()
                                                       and _in_script(w, reader))]
                   for script, reader in _SCRIPTS}
            for name in read}


def words_said(kind: str, lang: str) -> str:
    """The paragraph for the word list `kind` of a rule's `words:` ("vacant", "undecided",
    "owner" or "lead", `KINDS`) in `lang` ("en", "zh" or "zh-Hant"). Raises KeyError for
    another kind."""
    undecided = _listed(PLACEHOLDER_WORDS, lang)
    vacant = _listed(_OWNER_SEATS if kind == "owner" else VACANT_WORDS, lang)
    if kind == "vacant":
        said = M("A holder written as one of these (in capitals or not) is an open seat: "
                 "{vacant}; so is one written as an owner not yet decided: {undecided}. Open "
                 "seats are written in a position's `holders` (or a team's `lead`, HI005); in "
                 "an `owner` or RACI field, both kinds of word are read as no owner, reported "
                 "by the field's own rule (MT001, PR001, PR009, OK011, OW002), and in any "
                 "other field an open-seat word is no id (RF001).",
                 vacant=vacant, undecided=undecided)
    elif kind == "undecided":
        said = M("An owner not yet decided is written as one of these (in capitals or not), "
                 "read as no owner: {undecided}. In a position's `holders` the same words mark "
                 "an open seat instead (RO001).", undecided=undecided)
    elif kind == "owner":
        said = M("An owner written as one of these (in capitals or not) is read as no owner, "
                 "not yet decided: {undecided}; so is one written as an open seat: {vacant}, "
                 "reported by the same rule, whose hint then says how to record the seat (a "
                 "position with that holder, RO001). In a position's `holders` all these words "
                 "mark an open seat (RO001).", undecided=undecided, vacant=vacant)
    elif kind == "lead":
        said = M("A lead written as one of these (in capitals or not) is no lead: "
                 "{undecided}; nor is one written as an open seat: {vacant}.",
                 undecided=undecided, vacant=vacant)
    else:
        raise KeyError(kind)
    return say(said, lang)
