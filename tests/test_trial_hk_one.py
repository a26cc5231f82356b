"""Fresh-user trial (Hong Kong ops lead, Traditional Chinese): a lone 一 with a measure word
after it is a target (一小時, 一天, 一日, 一宗, 一個鐘, 一人), 一 inside a word is not (统一,
一致, 一起, 一站式, 进一步, 一线, 第一, 唯一, 一体化), and 每月组织一次 is how often an
activity happens, not a target. Exact findings (code, file, line) on the one-objective org
(title on line 11)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_trial_sentences import _found, _org

from orgspec.text.quantity import normalised


@pytest.mark.parametrize("title", [
    "首次回應時間縮短至一小時內",
    "首次回應時間縮短至一天內",
    "退款處理時間縮短至一日",
    "每月客訴減少到一宗以下",
    "電話回覆時間縮短至一個鐘",
    "客服團隊增加一人",
    "首次回应时间缩短至一小时内",
    "首次回應時間縮短至兩小時內",
    "首次回應時間縮短至1小時內",
])
def test_a_lone_one_with_a_measure_word_is_a_target(write_org: Any, title: str) -> None:
    assert _found(_org(write_org, title)) == []


@pytest.mark.parametrize(("title", "code"), [
    ("统一客服话术标准", "OK003"),
    ("確保各區報價一致", "OK004"),
    ("进一步提升品牌影响力", "OK004"),
])
def test_one_inside_a_word_is_no_target(write_org: Any, title: str, code: str) -> None:
    got = _found(_org(write_org, title))
    assert [(f["code"], Path(f["file"]).name, f["line"]) for f in got] == \
        [(code, "org.yaml", 11)]


@pytest.mark.parametrize(("text", "read"), [
    ("縮短至一小時內", "缩短至1小时内"),
    ("減少到一宗以下", "减少到1宗以下"),
    ("一個鐘", "1个钟"),
    ("增加一人", "增加1人"),
    ("复购率提高一倍", "复购率提高1倍"),
    ("统一个口径", "统一个口径"),
    ("唯一一家", "唯一一家"),  # a run of digits with no place value is no numeral
    ("一一对应", "一一对应"),
    ("一次性解决", "一次性解决"),
    ("一条龙服务", "一条龙服务"),
    ("一月底前上线", "一月底前上线"),
    ("每月组织一次演练", "每月组织一次演练"),
    ("不超过一次", "不超过1次"),
    ("打造一个平台", "打造一个平台"),  # 一个 as the article "a"
    ("缩短至一个工作日", "缩短至1个工作日"),
    ("新增一个仓库", "新增1个仓库"),
])
def test_which_lone_one_is_read_as_a_number(text: str, read: str) -> None:
    assert normalised(text) == read
