"""A did-you-mean that names an id its list already holds says to delete the item: followed
as `did you mean 'wang-fang'?`, the list held it twice and RF004 said so (trial 34c)."""

from __future__ import annotations

from typing import Any

from orgspec.engine.lint import lint
from orgspec.load.config import Config

ORG = """\
- {kind: Person, id: wang-fang, name: 王芳}
- {kind: Person, id: lin-hao, name: 林浩}
- kind: Team
  id: cs
  name: 客服部
  lead: lin-hao
  members: MEMBERS
  responsibilities: [d]
- {kind: Responsibility, id: d, name: 退款}
"""


def _found(write_org: Any, members: str) -> list[tuple[str, int, int, str]]:
    folder = write_org({"org.yaml": ORG.replace("MEMBERS", members)})
    return [(f.code, f.location.line, f.location.col, str(f.hint))
            for f in lint([str(folder)], Config(lang="en")).findings]


def test_a_typo_of_an_id_the_list_holds_says_delete(write_org: Any) -> None:
    assert _found(write_org, "[lin-hao, wang-fang, wong-fang]") == [
        ("RF001", 7, 33, "did you mean 'wang-fang'? it is in this list already: delete this "
                         "item")]
    assert _found(write_org, "[lin-hao, wang-fang]") == []  # the hint followed


def test_a_typo_of_an_id_the_list_lacks_says_which(write_org: Any) -> None:
    [(code, line, col, hint)] = _found(write_org, "[lin-hao, wong-fang]")
    assert (code, line, col) == ("RF001", 7, 22)
    assert hint.startswith("did you mean 'wang-fang'? (1 finding")  # HI007 held behind it
