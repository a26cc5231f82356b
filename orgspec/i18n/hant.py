"""Simplified Chinese -> Traditional Chinese as orgspec writes it for Taiwan: one conversion
for the generated `zh-Hant` catalog and init templates (`build.py`), the export's headers and
the examples `explain` shows, so a word reads the same wherever it appears.

Prose goes through OpenCC's `s2twp` (Taiwan's script and words: 文件 -> 檔案, 信息 -> 資訊),
then `TERMS`. The words people type are not the tool's own prose: quoted examples
(“提升用户活跃度”) and code (`键: 值`) are converted by script (`s2tw`: Taiwan's character
forms, 群, not s2t's 羣; no word of them changed, 文件 stays 文件), then `NAMES`, the words a
Taiwanese author types otherwise (用户 -> 使用者, 运营 -> 營運), and curly quotes become
Taiwan's corner brackets (“x” -> 「x」). OpenCC is imported lazily, on the first conversion.
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
    "重定向": "重新導向",  # an HTTP redirect: Taiwan's browsers and MDN say 重新導向
    "跟蹤人": "追蹤人",
    "}周": "}週",  # a week after a number ({n}周): s2twp keeps 周 there, Taiwan writes 週
    "縮進": "縮排",  # s2twp converts 缩进 alone but not 缩进了
    "郵箱": "電子郵件",
    "工號": "員工編號",
    # a GitHub pull request: GitHub's zh-TW 提取要求 (合併請求 is GitLab's merge request,
    # which the zh catalog writes 合并请求)
    "拉取請求": "提取要求",
    "註釋": "註解",  # a comment in a file (忽略註解, # 註解)
    "在崗": "在職",  # holding a position
    "待招聘": "待招募",  # an open seat, as Taiwan writes it (both mark a vacancy)
    "平臺": "平台",  # s2twp's 平臺 is formal; Taiwan's software writes 平台 (電商平台)
    "版本里": "版本裡",  # s2twp leaves 里 (a unit of distance) after 版本; "in a version" is 裡
    "組織里": "組織裡",  # the same after 組織: "in the org" (trial 35, `explain OW002`)
    "寫明瞭": "寫明了",  # 写明了 is 写明 + 了 (wrote out); s2twp reads 明了 as 明瞭 (to understand)
    # s2twp reads every 发布 as 釋出 (to release, hand out); orgspec's 发布 publishes (a
    # handbook, a report, a comment), which Taiwan writes 發布 (教育部: 發布)
    "釋出": "發布",
    "許可權": "權限",  # s2twp's 許可權 for 权限: Taiwan's permissions are 權限
    # 对象 as the object a duty acts on (激活与转化: whose activation) is 對象 in Taiwan;
    # s2twp's 物件 is a programming object (kept for the YAML loader's 構造物件)
    "只有物件不同": "只有對象不同",
    # cities whose names Taiwan writes otherwise (a zone's name: 雪梨時間, as the zone
    # words `text.timezones` reads)
    "悉尼": "雪梨",
    "迪拜": "杜拜",
    # s2twp writes 台 in these as the formal 臺; Taiwanese users type 台北, 台灣 (trial 32:
    # `show` turned the user's 台北時間 into 臺北時間)
    "臺北": "台北",
    "臺灣": "台灣",
}
_CORNERS = str.maketrans({"“": "「", "”": "」", "‘": "『", "’": "』"})

# --- Trial 5 (a Taiwanese reader): wording s2twp leaves in mainland usage or machine form ----
# Appended to TERMS, so applied after its entries (and after s2twp). Whole phrasings first,
# then words; each as Taiwan writes it for orgspec's meaning.
TERMS |= {
    "追蹤人應當不是執行者本人": "追蹤人不應是執行者本人",  # PR006: "should not be"
    "團隊通過 ": "團隊透過 ",  # before `parent` (a code span, converted apart): by way of
    "目標之間迴圈對齊": "目標之間的對齊形成了循環",
    "釋出為此提取要求": "發布為此提取要求",  # pr-comment posts (釋出 is a release)
    "還沒有釋出標籤": "還沒有發布標籤",
    "迴圈": "循環",  # a cycle of teams, objectives or steps; 迴圈 is a program's loop
    "拒絕通過 http": "拒絕透過 http",
    "和通過所任": "和透過所任",
    "或通過所任": "或透過所任",  # the load table: by way of a position held
    "渠道": "管道",  # a communication channel: 溝通管道 (渠道 reads as a sales channel)
    "周例會": "週例會",  # 周 as a week is 週 in Taiwan (s2twp keeps 周 in these)
    "周會": "週會",
    "每周": "每週",
    "周報": "週報",
    "第一周": "第一週", "第二周": "第二週", "第三周": "第三週", "第四周": "第四週",
    "第五周": "第五週",
    "時長": "時間長度",  # a duration: 時長 reads as mainland usage
    "小寫短標識": "小寫識別碼",  # a slug id: Taiwan's 識別碼
    "評論": "留言",  # a comment on a pull request, as Taiwan's GitHub users say
    "當前": "目前",  # the current value, period, folder, commit
    "-o 的字尾": "-o 的副檔名",  # the output file's extension (.md, .html)
    "文本塊": "文字區塊",
    "文本": "文字",  # text: 文本 is mainland usage (Taiwan's 文本 is a literary text)
    "本幫助": "本說明",  # --help: Taiwan's software says 說明
    "生成": "產生",  # to generate a report, a site, a second team
    "要匹配字面": "要比對字面",  # a glob: matching a literal `[`
    "精確匹配": "精確比對",
    "匹配": "符合",  # what matches a query
    "人事花名冊": "員工名冊",  # an HR roster
    "花名冊": "員工名冊",
    "型別": "類型",  # an entity's kind, a field's type: 型別 is a programmer's word
    "參會方": "與會者",  # a meeting's attendees
    "參會者": "與會者",
    "參會": "與會",
    "直屬上級": "直屬主管",  # the roster's manager column (export writes it, import reads it)
    "響應": "回應",  # a first response time
    "運營": "營運",  # operations (營運部, 營運經理)
    "復盤": "檢討",  # a review of results: 檢討 (會) in Taiwan
    "排期": "排程",  # a schedule
    "反饋": "回饋",  # feedback
    "3個工作日": "3個工作天",  # an SLA in working days: Taiwan writes 工作天
    "並退出": "並結束",  # a program exits: Taiwan's 結束 (退出 is mainland usage)
    "以 0 退出": "以 0 結束",
    "以 1 退出": "以 1 結束",
    "返回了": "傳回了",  # an API returns
    "返回的": "傳回的",
    "終端轉義": "終端機跳脫",  # terminal escapes
    "轉義": "跳脫",  # a backslash escape: Taiwan's programmers say 跳脫
    "碰頭": "碰面",  # to meet
    "轉化": "轉換",  # a conversion (轉換率)
    "表述模糊": "描述模糊",  # a vague key result
    "評審": "考核",  # a lead reviews people, a KPI is reviewed: Taiwan's HR says 考核
    "統計視窗": "統計期間",  # a statistics window (rolling 12 months); 視窗 is a UI window
    "沒有計劃、": "沒有規劃、",  # to plan (a meeting's purpose)
    "直接下屬": "直屬部屬",  # direct reports
    "列表": "清單",  # a list (YAML's, a rule list): Taiwan's 清單
    "清單項": "清單項目",
    "跟蹤": "追蹤",  # a tracking tool (the tracker is already 追蹤人)
    "構建": "建置",  # to build a site
    "棧": "堆疊",  # the call stack
    "隻讀": "唯讀",  # s2twp's 只读 -> 隻讀 is a mis-conversion: a read-only file system
    "許可權": "權限",  # s2twp's 权限 -> 許可權: Taiwan says 權限 (permission denied)
    "套接字": "通訊端",  # a socket
    "構造": "建構",  # to construct an object
    "起不同的名稱": "取不同的名稱",  # to give a name
    "應當": "應該",  # should
    "會合並": "會合併",  # s2twp reads 会合并 as 會合 + 並: the two sides are merged (合併)
    "校驗": "驗證",  # to validate
    "日誌": "記錄",  # a CI log
    "站點搜尋": "網站搜尋",  # the handbook site's search
    "單詞": "單字",  # a word (between words)
    "會議與協同": "會議與協作",  # the rule family: coordination
    "級別": "嚴重性",  # a finding's severity (error, warning, info), as Taiwan's tools say
    "行第 {column} 列": "行第 {column} 欄",  # a column of a line: Taiwan's 欄 (列 is a row)
    "行第 {col} 列": "行第 {col} 欄",
    "從第 {col} 列開始": "從第 {col} 欄開始",  # where an indented field starts
    "從第 1 列開始": "從第 1 欄開始",  # the first column, said as a number
    "團隊列和姓名列": "團隊欄和姓名欄",  # a roster's columns
    "沒有姓名列（": "沒有姓名欄（",
    "沒有團隊列（": "沒有團隊欄（",
    "負責人列裡": "負責人欄裡",
    "部門列和姓名列": "部門欄和姓名欄",
    "上級部門列": "上級部門欄",
    "未讀取的列": "未讀取的欄",  # a roster's columns it keeps no field for
    "!r} 的列": "!r} 的欄",  # a roster's column --column names (沒有名為 {header!r} 的欄)
    "若某列其實": "若某欄其實",
    "這些行的上級": "這些列的上級",  # a roster's rows: Taiwan's 列
    "按上級列": "按主管欄",  # the roster's manager column (直屬主管), not a parent team
    "HEADER 列讀取": "HEADER 欄讀取",
    "該項欄位的列上": "該項欄位的同一欄上",
    "沒有一行標出": "沒有一列標出",  # a roster's rows: Taiwan's 列
    "它的行都沒有": "它的列都沒有",
    "{n} 行中的": "{n} 列中的",
    "員工名冊裡一行的": "員工名冊裡一列的",
    "給這些行填上": "給這些列填上",
    "姓名列填上": "姓名欄填上",  # a roster's columns: Taiwan's 欄
    "直屬主管列": "直屬主管欄",
    "加一列部門編號": "加一欄部門編號",  # a roster's column: Taiwan's 欄 (加一列 adds a row)
}
# --- A Taiwanese reader's review: GitLab's and GitHub's Taiwan words for what orgspec asks of CI
TERMS |= {
    "訪問令牌": "存取權杖",  # an access token: GitLab's zh-TW 存取權杖 (訪問 is a visit in Taiwan)
    "令牌": "權杖",  # a token (API, GitLab, GitHub): Taiwan's 權杖
    "掩碼": "遮罩",  # a masked CI/CD variable: GitLab's zh-TW 遮罩 (掩碼 is a bit mask)
    "工作流需要": "工作流程需要",  # a GitHub Actions workflow: 工作流程 in Taiwan
    "Actions 工作流、": "Actions 工作流程、",
    "報錯": "回報錯誤",  # fails with an error: 報錯 is mainland colloquial
}
# --- Trial 10 (a Taipei HR lead, Zhuyin IME)
TERMS |= {
    "製表符": "定位字元",  # a tab character: Taiwan's 定位字元 (製表符 is mainland usage)
    "每季度": "每季",  # quarterly: Taiwan writes 每季 (orgspec reads both)
    "變更記錄": "變更紀錄",  # a change record: the noun is 紀錄 in Taiwan (記錄 is to record)
}
# --- The key-result examples in hints (`text.krexample`), prose in the catalog: as the
# typed examples read (NAMES)
TERMS |= {
    "增長到": "成長到",  # growth: 增長 is mainland usage
    "發貨率": "出貨率",  # orders shipped: Taiwan's e-commerce says 出貨
    "單均履約成本": "每筆訂單履約成本",  # 单均 (per order) is mainland shorthand
}
# Typed text (the examples' and init's names, titles, metrics) as a Taiwanese author writes
# it: `script` applies these after s2tw. Words only, never an id or a key.
NAMES = {
    "周例會": "週例會",
    "每周": "每週",
    "周報": "週報",
    "運營": "營運",
    "數據復盤會": "數據檢討會",
    "復盤會": "檢討會",
    "復盤": "檢討",
    "大促排期": "大促排程",
    "排期": "排程",
    "廣告數據埋點": "廣告事件追蹤",  # 埋點 is mainland jargon; Taiwan's GA says 事件追蹤
    "埋點數據": "事件追蹤數據",
    "埋點": "事件追蹤",
    "用戶反饋": "使用者回饋",
    "用戶": "使用者",  # a user (月活躍使用者數): 用戶 is mainland usage
    "反饋": "回饋",
    "轉化率": "轉換率",
    "響應時間": "回應時間",
    "文件夾": "資料夾",
    "釘釘-營運群": "LINE-營運群",  # a team chat: Taiwan's companies use LINE, not DingTalk
    "待招聘": "待招募",  # an open seat (orgspec reads both as vacant)
    "支付接口": "支付介面",  # a payment interface
    "使用時長": "使用時間",  # time spent in an app
    "增長": "成長",  # growth (月活躍使用者數從120萬成長到132萬): 增長 is mainland usage
    "臺北": "台北",  # as Taiwanese users type it (s2tw writes the formal 臺)
    "臺灣": "台灣",
}


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
    character forms: 提升用户活跃度 -> 提升用戶活躍度, 社群 stays 社群; then `NAMES`, the
    words a Taiwanese author types otherwise (运营部 -> 營運部, 周例会 -> 週例會)."""
    text = str(_opencc("s2tw").convert(text))
    for said, kept in NAMES.items():
        text = text.replace(said, kept)
    return text


def in_script(word: str) -> bool:
    """Whether `word` is written in Traditional characters as Taiwan forms them (s2tw leaves
    it as it is: 待招聘, 職缺, TBD), not only in Simplified ones (缺编, 征才中)."""
    return word.isascii() or str(_opencc("s2tw").convert(word)) == word


def prose(text: str) -> str:
    """orgspec's own words in Taiwan's Traditional Chinese: s2twp, then `TERMS`; quoted and
    code spans by `script` only, curly quotes as corner brackets outside code spans."""
    convert = _opencc("s2twp").convert
    out, at = [], 0
    for m in QUOTED.finditer(text):
        quoted = script(m.group(0))  # code is shown as typed: its quotes are its own
        out += [terms(convert(text[at:m.start()])),
                quoted if quoted.startswith("`") else quoted.translate(_CORNERS)]
        at = m.end()
    return "".join([*out, terms(convert(text[at:]))])
