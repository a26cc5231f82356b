"""`orgspec show` with a name several entities have lists them with the language's list
separator: 、 in Chinese, ", " in English (trial 31 saw ", " in Chinese output)."""

from __future__ import annotations

import pytest

from tests.conftest import REPO, run_cli

ORG = str(REPO / "examples" / "ecommerce")


@pytest.mark.parametrize(("lang", "line"), [
    ("zh", "orgspec: 错误：'客服' 对应不止一个条目：客服团队 (customer-service)、"
           "客服专员 (cs-specialist)"),
    ("zh-Hant", "orgspec: 錯誤：'客服' 對應不止一個條目：客服团队 (customer-service)、"
                "客服专员 (cs-specialist)"),
    ("en", "orgspec: error: '客服' names more than one entity: 客服团队 (customer-service), "
           "客服专员 (cs-specialist)"),
])
def test_several_matches_are_listed_in_the_language(lang: str, line: str) -> None:
    run = run_cli("show", "客服", ORG, "--lang", lang, "--isolated")
    assert run.code == 2
    assert run.stderr.splitlines() == [line]


def test_several_of_one_kind_too() -> None:
    run = run_cli("show", "team", "平台", ORG, "--lang", "zh", "--isolated")
    assert run.code == 2
    assert run.stderr.splitlines() == [
        "orgspec: 错误：'平台' 对应不止一个团队：company 电商平台、order-platform 订单平台团队"]
