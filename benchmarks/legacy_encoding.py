"""How well `orgspec.load.source.legacy_encoding` names the encoding of a file that is not
UTF-8, on labelled data frozen before the rule was tuned (session 35).

The samples: each Chinese YAML file of `examples/` and `templates/init/` and each seed
document of `/work/shared/seeds` (if present), whole and cut to its first 8, 15 and 30
lines (a team file is short), as Taiwan (s2tw), Hong Kong (s2hk) and mainland
(as written) would save it: Traditional as Big5 (cp950, or Big5-HKSCS where cp950 cannot
write a character), Simplified and Traditional as GBK (GB18030); then files that are
neither (Latin-1 English, Shift_JIS and EUC-KR text), labelled None. A sample whose hash is
0 mod 3 is held out: tune on `--part tune`, report `--part held-out` once.

    python benchmarks/legacy_encoding.py --part tune
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from collections import Counter
from pathlib import Path

from orgspec.load.source import legacy_encoding

ROOT = Path(__file__).resolve().parent.parent
SEEDS = Path("/work/shared/seeds")
_HAN = re.compile("[\u4e00-\u9fff]")

_OTHERS = [  # (text, codec): not Chinese, the hint must name no Chinese encoding
    ("- kind: Person\n  id: jose\n  name: José Müller\n  title: Directeur général adjoint\n"
     "  notes: Équipe de développement, réunion à Zürich\n", "latin-1"),
    ("- kind: Team\n  id: cafe\n  name: Café Crème\n  mission: Servir chaque client en moins "
     "d'une journée, été comme hiver; façade à rénover\n", "latin-1"),
    ("- kind: Team\n  id: eigyo\n  name: 営業部\n  mission: すべてのお客様に一日以内に返信する\n"
     "  members: [tanaka, suzuki]\n", "shift_jis"),
    ("- kind: Person\n  id: tanaka\n  name: 田中太郎\n  title: 営業部長\n", "shift_jis"),
    ("- kind: Team\n  id: kaihatsu\n  name: 開発部\n"
     "  mission: 品質の高いソフトウェアを毎週リリースする\n", "shift_jis"),
    ("- kind: Team\n  id: youngup\n  name: 영업부\n"
     "  mission: 모든 고객에게 하루 안에 답변한다\n", "euc-kr"),
    ("- kind: Person\n  id: kim\n  name: 김민수\n  title: 영업 팀장\n", "euc-kr"),
]


def _texts() -> list[tuple[str, str]]:
    paths = sorted(p for base in ("examples", "templates/init") for p in (ROOT / base).rglob("*")
                   if p.suffix in (".yaml", ".yml"))
    paths += sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    out = []
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        if _HAN.search(text):
            lines = text.splitlines(keepends=True)
            for n in (8, 15, 30, None):
                part = "".join(lines[:n])
                if _HAN.search(part) and (n is None or len(lines) > n):
                    out.append((f"{path.relative_to(path.parents[1])}:{n or 'all'}", part))
    return out


def _encode(text: str, codec: str) -> bytes:
    return text.encode(codec, errors="replace")


def samples() -> list[tuple[str, bytes, str | None]]:
    from orgspec.i18n.hant import _opencc
    out: list[tuple[str, bytes, str | None]] = []
    for name, text in _texts():
        simplified = str(_opencc("t2s").convert(text))
        for variant, config in (("tw", "s2tw"), ("hk", "s2hk")):
            hant = str(_opencc(config).convert(simplified))
            try:
                data = hant.encode("cp950")
            except UnicodeEncodeError:
                data = _encode(hant, "big5hkscs")
            out.append((f"{name} {variant} big5", data, "Big5"))
        out.append((f"{name} cn gbk", _encode(simplified, "gb18030"), "GBK"))
        out.append((f"{name} tw gbk", _encode(str(_opencc("s2tw").convert(simplified)),
                                              "gb18030"), "GBK"))
    out += [(f"other {i}", _encode(text, codec), None) for i, (text, codec) in enumerate(_OTHERS)]
    return [s for s in out if not _utf8(s[1])]


def _utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _held_out(name: str) -> bool:
    return hashlib.sha256(name.encode()).digest()[0] % 3 == 0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--part", choices=("tune", "held-out", "all"), default="tune")
    parser.add_argument("-v", action="store_true", help="list each wrong answer")
    args = parser.parse_args()
    chosen = [s for s in samples()
              if args.part == "all" or _held_out(s[0]) == (args.part == "held-out")]
    tally: Counter[str] = Counter()
    for name, data, label in chosen:
        got = legacy_encoding(data)
        kind = "right" if got == label else "none" if got is None else "WRONG"
        tally[f"{label}: {kind}"] += 1
        if kind != "right" and args.v:
            print(f"  {name}: {label} -> {got}")
    for key in sorted(tally):
        print(f"{key}: {tally[key]}")
    print(f"{len(chosen)} samples, {sum(v for k, v in tally.items() if 'right' in k)} right, "
          f"{sum(v for k, v in tally.items() if 'WRONG' in k)} wrong names")
    return 0


if __name__ == "__main__":
    sys.exit(main())
