"""Simplified Chinese -> Traditional Chinese as orgspec writes it for Taiwan: one conversion
for the generated `zh-Hant` catalog and init templates (`build.py`), the export's headers and
the examples `explain` shows, so a word reads the same wherever it appears.

Prose goes through OpenCC's `s2twp` (Taiwan's script and words: 文件 -> 檔案, 信息 -> 資訊),
then `TERMS`. The words people type are not the tool's own prose: quoted examples
(“提升用户活跃度”) and code (`键: 值`) are converted by script only (`s2tw`: 用户 -> 用戶, not
s2twp's 使用者; Taiwan's character forms: 群, not s2t's 羣), and curly quotes become Taiwan's
corner brackets (“x” -> 「x」). OpenCC is imported lazily, on the first conversion.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

# an example after 例如：/比如： up to the end of its sentence (例如：月活跃用户数从120万增长到
# 132万) is typed text too
QUOTED = re.compile(r"“[^”]*”|「[^」]*」|‘[^’]*’|`[^`]*`"
                    r"|(?<=例如：)[^。；\n]+|(?<=比如：)[^。；\n]+")
# Words s2twp leaves in their mainland form (or in one Taiwan does not use for orgspec's
# meaning), as they are written in Taiwan. Decided per term; add a term only with its reason.
# Applied in order: 職位 (a person's job title) becomes 職稱 before 崗位 (a position, the Role
# kind) becomes 職位.
TERMS = {
    "最佳化": "優化",  # the vague verb the checks look for: 優化 is what a key result says
    "程式碼": "代碼",  # 代码 in orgspec is a rule's code (規則代碼), never program code ...
    "組織即代碼": "組織即程式碼",  # ... but in the tagline, org as code: program code
    "配置檔案": "設定檔",  # a config file: Taiwan's 設定檔 (配置 is mainland usage)
    "配置": "設定",  # the configuration (配置的根目錄 -> 設定的根目錄)
    "示例": "範例",  # an example: Taiwan's 範例
    "倉庫": "儲存庫",  # a git repository, as Taiwan's GitHub says
    "加載": "載入",  # s2twp leaves 加载 in 只加载了: Taiwan loads with 載入
    "回車符": "歸位字元",  # a carriage return
    "模板": "範本",  # a template (Taiwan's Office and GitHub: 範本)
    "職位": "職稱",  # a person's `title`: 職稱 on a Taiwanese name card or roster
    "崗位": "職位",  # the Role kind: 崗位 is mainland usage; Taiwan says 職位
    "跟進人": "追蹤人",  # a step's tracker: one term, 追蹤人
    "跟蹤人": "追蹤人",
    "}周": "}週",  # a week after a number ({n}周): s2twp keeps 周 there, Taiwan writes 週
    "縮進": "縮排",  # s2twp converts 缩进 alone but not 缩进了
    "郵箱": "電子郵件",
    "工號": "員工編號",
    "拉取請求": "合併請求",  # a pull request
    "註釋": "註解",  # a comment in a file (遮蔽註解, # 註解)
    "在崗": "在職",  # holding a position
    "待招聘": "待招募",  # an open seat, as Taiwan writes it (both mark a vacancy)
    "平臺": "平台",  # s2twp's 平臺 is formal; Taiwan's software writes 平台 (電商平台)
    "版本里": "版本裡",  # s2twp leaves 里 (a unit of distance) after 版本; "in a version" is 裡
    # s2twp reads every 发布 as 釋出 (to release, hand out); orgspec's 发布 publishes (a
    # handbook, a report, a comment), which Taiwan writes 發布 (教育部: 發布)
    "釋出": "發布",
    "許可權": "權限",  # s2twp's 許可權 for 权限: Taiwan's permissions are 權限
    # 对象 as the object a duty acts on (激活与转化: whose activation) is 對象 in Taiwan;
    # s2twp's 物件 is a programming object (kept for the YAML loader's 構造物件)
    "只有物件不同": "只有對象不同",
}
_CORNERS = str.maketrans({"“": "「", "”": "」", "‘": "『", "’": "』"})


@cache
def _opencc(config: str) -> Any:
    import opencc  # lazily: only a Traditional-script run or build needs it

    return opencc.OpenCC(config)


def terms(text: str) -> str:
    """`text` (s2twp output) with `TERMS` as Taiwan writes them."""
    for said, kept in TERMS.items():
        text = text.replace(said, kept)
    return text


def script(text: str) -> str:
    """Typed text (names, examples, YAML) in Traditional script only, with Taiwan's
    character forms: 提升用户活跃度 -> 提升用戶活躍度, 社群 stays 社群."""
    return str(_opencc("s2tw").convert(text))


def prose(text: str) -> str:
    """orgspec's own words in Taiwan's Traditional Chinese: s2twp, then `TERMS`; quoted and
    code spans by `script` only, curly quotes as corner brackets."""
    convert = _opencc("s2twp").convert
    out, at = [], 0
    for m in QUOTED.finditer(text):
        out += [terms(convert(text[at:m.start()])), script(m.group(0)).translate(_CORNERS)]
        at = m.end()
    return "".join([*out, terms(convert(text[at:]))])
