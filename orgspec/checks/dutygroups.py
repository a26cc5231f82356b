"""OW007's findings from its inputs as plain data (`model.extracts.Duties`), without the org:
what the rule and the warm re-check (`engine.warm`) share. Imports no model, so a re-check
that answers OW007 from kept extracts does not import pydantic."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from orgspec.findings import Issue, Location, Related
from orgspec.i18n import M

if TYPE_CHECKING:
    from orgspec.load.cache import Cache
    from orgspec.model.extracts import Duties
    from orgspec.text.neardup import Group, Index, Prior, Scored, Since, Verdicts

T = TypeVar("T")

# Members listed as related locations beyond the first duty; the rest are counted.
MAX_RELATED = 20


class Memo(Protocol):
    """What the groups are kept through between runs (`engine.context.Shared`)."""

    cache: Cache | None

    def remember(self, name: str, inputs: object, compute: Callable[[], T],
                 kind: type[T]) -> T: ...

    def kept(self, name: str, kind: type[T]) -> T | None: ...

    def keep(self, name: str, value: object) -> None: ...


def duty_groups(duties: Duties, threshold: float, memo: Memo) -> list[Group]:
    """The groups of `duties` that mean the same (`text.neardup.find_duty_groups`), kept
    between runs through `memo`."""
    texts, owners = duties.texts, duties.owners
    # the groups depend on the duties' texts and owners only: a re-check after an edit
    # elsewhere (an OKR, a person, a process) reuses them
    return memo.remember("OW007", (texts, owners, threshold),
                         lambda: _groups(memo, texts, owners, threshold), list)


def searched(duties: Duties, threshold: float, memo: Memo
             ) -> tuple[list[tuple[int, int, float]], dict[int, frozenset[str]]]:
    """The pairs the search reports for `duties` (those of any owner of the last search
    filtered, when it was of these texts: `_kept_search`; else `find_duty_groups`'s
    `reuse`: kept through `memo` under the search's key, searched when not kept) and the
    features
    (name's | description's) of each duty in one: what `text.neardup.groups_from` makes
    `duty_groups`' groups of again, for the same duties or duties the search reads the
    same of (`text.neardup.same_search`)."""
    from orgspec.text.neardup import _alone, reused_search

    texts, owners = duties.texts, duties.owners
    known = memo.kept("OW007 features", dict) or {}
    kept = _kept_search(memo, texts, owners, threshold, known)
    if kept is not None:
        keep_verdicts(memo, duties, kept[0], kept[1])
        return kept
    alone = _alone(texts, known)
    whole = [fn | fd for fn, fd in alone]
    found = reused_search(texts, owners, threshold, None, alone, whole,
                          lambda key, search: memo.remember("OW007 pairs", key, search, list),
                          _since(memo))
    keep_verdicts(memo, duties, found, whole)
    return found, {i: whole[i] for pair in found for i in pair[:2]}


def searched_groups(duties: Duties, threshold: float, memo: Memo, *, here: bool = False
                    ) -> tuple[list[Group],
                               tuple[list[tuple[int, int, float]], dict[int, frozenset[str]]]
                               | None]:
    """`duty_groups`' groups, kept through `memo` as it keeps them, and, when they were
    searched (not kept), the search (`searched`'s shape: its pairs and the features of each
    duty in one); what else `duty_groups` keeps of a search (the pairs under its key, the
    features of the texts, the pairs of any owner it was cut from) is left to
    `keep_search`, which a caller runs after its output: the search's key (a digest of
    every duty's features) and those writes are off the check's path. `here`: that
    `keep_search` runs in this process (or a child forked from it after this call), which
    then takes the pairs of any owner from this module instead of the cache (a search in a
    forked worker writes them there: ~5-10 ms at 500 teams, with their digest).
    The groups are `_groups`' for the same duties: the same search on the same features
    (`find_duty_groups` regroups the pairs it reports with `groups_from`)."""
    from orgspec.text.neardup import _alone, groups_from, owned, reported_any

    texts, owners = duties.texts, duties.owners
    search: list[tuple[list[tuple[int, int, float]], dict[int, frozenset[str]]]] = []

    def compute() -> list[Group]:
        alone = _alone(texts, memo.kept("OW007 features", dict) or {})
        whole = [fn | fd for fn, fd in alone]
        scored: Scored = []
        index: list[Index] = []
        # from the last search kept (`neardup.search_since`: after one word changed, only
        # the views whose pairs it may change are scanned again)
        every = reported_any(texts, threshold, None, alone, whole, _prior(memo), scored,
                             index)
        found = owned(every, owners)
        made = index[0] if index else None
        if here:  # for `keep_search`, after the output, in this process or its child
            _LAST_SEARCH[:] = [(texts, threshold, every, scored, made)]
            _LAST_INDEX.clear()
        else:  # for `keep_search` (handed `found`, in another process): a few KB
            digest = _texts_digest(texts, threshold)
            memo.keep(EVERY, (digest, every, scored))
            # its posting lists, for `keep_search` when it runs in this process (after the
            # output): ~10x the pairs, not written on the check's path
            _LAST_INDEX[:] = [(digest, made)] if made is not None else []
            _LAST_SEARCH.clear()
        search.append((found, {i: whole[i] for pair in found for i in pair[:2]}))
        return groups_from(texts, found, whole, owners, kept_verdicts(memo))

    groups = memo.remember("OW007", (texts, owners, threshold), compute, list)
    return groups, (search[0] if search else None)


def keep_search(duties: Duties, threshold: float, memo: Memo,
                found: list[tuple[int, int, float]]) -> None:
    """Keep what `_groups` keeps of its search of `duties` (`found`: the pairs it
    reported): the pairs under the search's key, and the features of the texts in use
    when any was not kept."""
    from orgspec.text.neardup import (
        ANY_OWNER,
        MAX_CANDIDATES,
        MAX_POSTING,
        MAX_SCAN,
        _alone,
        any_owner_key,
        owned,
        owners_key,
    )

    texts, owners = duties.texts, duties.owners
    name = "OW007 features"
    known = memo.kept(name, dict) or {}
    before = len(known)
    alone = _alone(texts, known)
    any_key = any_owner_key(texts, threshold, None, alone)
    memo.remember("OW007 pairs", owners_key(any_key, owners), lambda: found, list)
    # the pairs of any owner `found` was cut from: made by this process (`searched_groups`,
    # `here`), kept now with their digest, or read back
    digest = _texts_digest(texts, threshold)
    mine = [m for m in _LAST_SEARCH if m[1] == threshold and m[0] == texts]
    last: tuple[Any, ...] | None
    if mine:
        _, _, every, scored, index = mine[0]
        last = (digest, every, scored)
        memo.keep(EVERY, last)
        made = [] if index is None else [index]
    else:
        last = memo.kept(EVERY, tuple)
        made = [i for d, i in _LAST_INDEX if d == digest]
    if last is not None and len(last) == 3 and last[0] == digest and \
            owned(last[1], owners) == found:
        every = last[1]
        memo.remember("OW007 pairs", ANY_OWNER + any_key, lambda: every, list)
        bounds = (MAX_POSTING, MAX_SCAN, MAX_CANDIDATES)
        memo.keep(PRIOR, (threshold, bounds, list(texts), last[2], made[0]) if made else
                  (threshold, bounds, list(texts), last[2]))
    if len(known) != before:
        _keep_features(memo, known, before, texts)
    keep_verdicts(memo, duties, found, [fn | fd for fn, fd in alone])


def _texts_digest(texts: list[tuple[str | None, str | None]], threshold: float) -> str:
    """A digest of all `reported_any` reads of duties with `texts` (their features are
    the texts' `features`, kept by text as "OW007 features" is)."""
    import hashlib

    return hashlib.blake2b(repr((threshold, texts)).encode("utf-8", "surrogatepass"),
                           digest_size=20).hexdigest()


# `searched_groups`' last search of any owner (`reported_any`), by a digest of its texts
EVERY = "OW007 pairs of any owner"

# the last search of any owner as a later one starts from it (`neardup.Prior`)
PRIOR = "OW007 last search"

# the `neardup.Index` of `searched_groups`' last search in this process, by `EVERY`'s digest
_LAST_INDEX: list[tuple[str, Index]] = []

# `searched_groups`' last search in this process when its `keep_search` runs here (`here`):
# its texts, threshold, pairs of any owner, `Scored` and `Index` (None: not made)
_LAST_SEARCH: list[tuple[list[tuple[str | None, str | None]], float,
                         list[tuple[int, int, float]], Scored, Index | None]] = []


def _prior(memo: Memo) -> Prior | None:
    """The `Prior` kept (`_since`, `keep_search`), None when none."""
    return memo.kept(PRIOR, tuple)


def _since(memo: Memo) -> Since:
    """`neardup.reused_search`'s `since`: the kept `Prior`, and its keeper, which keeps
    the pairs of any owner too (`EVERY`, read by `_regrouped`)."""
    def keep(prior: Prior, every: list[tuple[int, int, float]]) -> None:
        threshold, _, texts, scored = prior[:4]
        memo.keep(PRIOR, prior)
        memo.keep(EVERY, (_texts_digest(texts, threshold), every, scored))

    return (lambda: _prior(memo), keep)


# `neardup._differ`'s verdicts on the pairs of the last search kept (`keep_verdicts`)
VERDICTS = "OW007 verdicts"


def kept_verdicts(memo: Memo) -> Verdicts:
    """The verdicts `keep_verdicts` kept (`neardup.groups_from`'s `verdicts`: each is
    `differ`'s on the texts and owners its key names, so any may be read for any org)."""
    return memo.kept(VERDICTS, dict) or {}


def keep_verdicts(memo: Memo, duties: Duties, found: list[tuple[int, int, float]],
                  whole: list[frozenset[str]] | dict[int, frozenset[str]]) -> None:
    """Keep `differ`'s verdict on each pair of `found` (a search of `duties`; `whole`:
    each duty's features), those kept already read back, the others judged: a later
    regrouping of the same or a search after one word changed (mostly the same pairs)
    then judges only the pairs with a changed text. Run after the output (the state's
    writer, `keep_search`); only when a verdict was judged is the entry written."""
    from orgspec.text.neardup import _differ, verdict_key

    texts, owners = duties.texts, duties.owners
    known = kept_verdicts(memo)
    before = len(known)
    differ = _differ(texts, whole, owners, known)
    kept: Verdicts = {}
    for i, j, _ in found:
        differ(i, j)
        key = verdict_key(texts, owners, i, j)
        kept[key] = known[key]
    if len(known) != before or len(kept) != before:
        memo.keep(VERDICTS, kept)


def duty_issues(duties: Duties, found: list[Group], marked: set[str],
                site: Callable[[str], Location], teams: Callable[[str], list[str]],
                code: str = "") -> Iterator[Issue]:
    """One issue per group of `found` (`duty_groups`), accountable to different owners:
    at the group's first duty (by id), the others as related locations. `marked`: files
    holding an OW007 suppression; `site(id)`: where a duty's text is; `teams(id)`: the
    teams that answer for it; `code`: the issues' (empty: the framework stamps the rule's)."""
    ids = duties.ids
    holders = duties.holders
    for group in found:
        ranked = sorted(zip((ids[i] for i in group.members), group.scores, strict=True))
        (first, _), rest = ranked[0], ranked[1:]
        shown = rest[:MAX_RELATED]
        # a member beyond the cap whose file has an OW007 suppression stays listed, so
        # that a suppression on any member's line silences the group
        if marked:
            shown += [m for m in rest[MAX_RELATED:] if duties.files[m[0]] in marked]
        low = min(score for _, score in ranked)
        high = max(score for _, score in ranked)
        yield Issue(_message(ranked, holders, low, high), site(first),
                    "responsibility:" + first,
                    related=tuple(Related(site(rid),
                                          M("{id} of {owners}: {text}", id=rid,
                                            owners=_names(holders[rid]),
                                            text=duties.text(rid)))
                                  for rid, _ in shown),
                    hint=_hint(len(ranked), _one_owner(ranked, holders)),
                    related_more=len(rest) - len(shown),
                    teams=tuple(t for rid, _ in ranked for t in teams(rid)), code=code)


def _groups(memo: Memo, duties: list[tuple[str | None, str | None]], owners: list[str],
            threshold: float) -> list[Group]:
    """`find_duty_groups`, with each text's features kept between runs (`Memo.kept`):
    after one duty was reworded, only its text's features are computed. The search's
    pairs are kept under a digest of every duty's features and owner (`Memo.remember`):
    an edit that leaves every feature as it was (a number, punctuation, case, spacing,
    traditional for simplified characters, a word the glossary files under the same
    concept) searches no more. An edit that changes a feature searches from the last search
    (`neardup.search_since`: each feature's weight (IDF) is the whole org's, so what it
    keeps is what a moved weight cannot reach). An edit of who is accountable only filters
    the kept pairs of any owner: those of the last search when its texts are these
    (`_regrouped`), else through `neardup.reused_search`."""
    from orgspec.text.neardup import find_duty_groups

    name = "OW007 features"
    known = memo.kept(name, dict) or {}
    before = len(known)
    regrouped = _regrouped(memo, duties, owners, threshold, known)
    if regrouped is not None:
        return regrouped

    def reuse(key: str, search: Callable[[], list[tuple[int, int, float]]]
              ) -> list[tuple[int, int, float]]:
        return memo.remember("OW007 pairs", key, search, list)

    # without a cache nothing is kept: no digest of every duty's features to key it by
    found = find_duty_groups(duties, owners, threshold, known=known,
                             reuse=reuse if memo.cache is not None else None,
                             verdicts=kept_verdicts(memo), since=_since(memo))
    if len(known) != before:  # new texts: keep those in use now
        _keep_features(memo, known, before, duties)
    return found


def _regrouped(memo: Memo, duties: list[tuple[str | None, str | None]], owners: list[str],
               threshold: float, known: dict[str, frozenset[str]]) -> list[Group] | None:
    """`find_duty_groups`' groups from the pairs of any owner the last search kept, when
    it was of these texts (`_kept_search`); None when not."""
    kept = _kept_search(memo, duties, owners, threshold, known)
    if kept is None:
        return None
    from orgspec.text.neardup import groups_from

    return groups_from(duties, *kept, owners, kept_verdicts(memo))


def _kept_search(memo: Memo, duties: list[tuple[str | None, str | None]], owners: list[str],
                 threshold: float, known: dict[str, frozenset[str]]
                 ) -> tuple[list[tuple[int, int, float]], dict[int, frozenset[str]]] | None:
    """The pairs the search reports for `duties` and `owners` and the features of each
    duty in one (`searched`'s shape), from the pairs of any owner the last search kept
    (`EVERY`) when its texts are `duties`' (their features then are: `features` of the
    same text, as `known` keeps them): `owned` of them is what `reused_search` reads back
    or filters (both are `owned(reported_any(...))` of these duties and owners). After a
    duty's RACI changed (the texts as they were, other owners), no digest of every
    duty's features is taken and only the features of the duties in a pair are read.
    None when the last search was of other texts, or nothing is kept."""
    if memo.cache is None:
        return None
    last = memo.kept(EVERY, tuple)
    if last is None or len(last) != 3 or last[0] != _texts_digest(duties, threshold):
        return None
    from orgspec.text.neardup import features, owned

    def feats(text: str | None) -> frozenset[str]:
        found = known.get(text or "")
        return features(text or "") if found is None else found

    found = owned(last[1], owners)
    return found, {i: feats(duties[i][0]) | feats(duties[i][1])
                   for pair in found for i in pair[:2]}


def _keep_features(memo: Memo, known: dict[str, frozenset[str]], before: int,
                   duties: list[tuple[str | None, str | None]]) -> None:
    """Keep (`Memo.keep`, as "OW007 features") the features of the texts of `duties` that
    `known` holds: its first `before` entries as read back, the later ones (computed by
    this run) with each distinct feature string made one object. Pickled, a string shared
    is written once and read back as one object: 50,000 texts' features (6,500 distinct
    strings) are 4 MB instead of 7, pickled in 0.04 s instead of 0.22 and read back in
    0.09 s instead of 0.16 (the search of a warm re-check waits on that read). Entries read
    back share their strings already (this code kept them so: the cache is this code's)."""
    used = {t or "" for pair in duties for t in pair}
    one: dict[str, str] = {}
    get = one.setdefault
    kept = {}
    for k, (text, found) in enumerate(known.items()):
        if text in used:
            kept[text] = found if k < before else frozenset(map(get, found, found))
    memo.keep("OW007 features", kept)


def _message(ranked: list[tuple[str, float]], holders: dict[str, list[str]], low: float,
             high: float) -> M:
    # "of", not brackets: a reader is shown each id with its name in brackets already
    # (`客服部 (cs) 的职责 退款处理 (refunds)`, `report.idnames.with_names`)
    if _one_owner(ranked, holders):
        return _one_owner_message(ranked, holders, low, high)
    named = [M("{id!r} of {owners}", id=rid, owners=_names(holders[rid]))
             for rid, _ in ranked[:3]]
    if len(ranked) == 2:
        return M("duties {a} and {b} look like the same duty (similarity {score:.2f})",
                 a=named[0], b=named[1], score=high)
    more = len(ranked) - len(named)
    teams = len({",".join(holders[rid]) for rid, _ in ranked})
    span: str = f"{high:.2f}" if low == high else M("{low:.2f} to {high:.2f}", low=low, high=high)
    if more:
        return M("{count} duties of {owners} owners look like the same duty: {listing} and "
                 "{more} more (similarity {span})", count=len(ranked), owners=teams,
                 listing=named, more=more, span=span)
    return M("{count} duties of {owners} owners look like the same duty: {listing} "
             "(similarity {span})", count=len(ranked), owners=teams, listing=named, span=span)


def _one_owner(ranked: list[tuple[str, float]], holders: dict[str, list[str]]) -> bool:
    """Whether every duty of the group answers to the same owners (a copy-pasted duty:
    `text.neardup.SAME_OWNER`)."""
    return len({",".join(holders[rid]) for rid, _ in ranked}) == 1


def _one_owner_message(ranked: list[tuple[str, float]], holders: dict[str, list[str]],
                       low: float, high: float) -> M:
    owners = _names(holders[ranked[0][0]])
    if len(ranked) == 2:
        return M("duties {a!r} and {b!r} of {owners} say the same (similarity {score:.2f})",
                 a=ranked[0][0], b=ranked[1][0], owners=owners, score=high)
    listing = [M("{id!r}", id=rid) for rid, _ in ranked[:3]]
    more = len(ranked) - len(listing)
    span: str = f"{high:.2f}" if low == high else M("{low:.2f} to {high:.2f}", low=low, high=high)
    if more:
        return M("{count} duties of {owners} say the same: {listing} and {more} more "
                 "(similarity {span})", count=len(ranked), owners=owners, listing=listing,
                 more=more, span=span)
    return M("{count} duties of {owners} say the same: {listing} (similarity {span})",
             count=len(ranked), owners=owners, listing=listing, span=span)


def _hint(count: int, one_owner: bool = False) -> M:
    # two messages, not a plural: Chinese has one plural form, but says "the two" (两者)
    # for a pair and "each" (各项) for more
    if one_owner:
        return M("keep one of them and list the others' ids under its `aliases` (references "
                 "to them then still work), or reword what sets them apart")
    if count == 2:
        return M("merge them under one accountable team, or reword what differs")
    return M("merge the {count} duties under one accountable team, or reword what sets "
             "each apart", count=count)


def _names(holders: list[str]) -> list[str]:
    """The owners' ids: a list value, which a message joins with its language's `、`."""
    return [h.split(":", 1)[1] for h in holders]
