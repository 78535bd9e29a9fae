"""Traditional characters read as simplified ones, one for one, so that offsets do not move.

Reports copied onto Hong Kong, Taiwan or mirror sites come in traditional characters (機械, 項目),
which jieba's dictionary, the suffix lexicon and the gazetteer do not know. The extractor reads a
simplified copy of the text; every span it finds is reported in the original's characters.
OpenCC's character table does the mapping (only its one-character-to-one-character entries, so
that the copy has the original's length).
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files


@cache
def _table() -> dict[int, str]:
    table: dict[int, str] = {}
    lines = files("opencc").joinpath("dictionary/TSCharacters.txt").read_text(encoding="utf-8").splitlines()
    for line in lines:
        source, _, targets = line.partition("\t")
        target = targets.split(" ")[0]
        if len(source) == 1 and len(target) == 1 and source != target:
            table[ord(source)] = target
    return table


def simplified(text: str) -> str:
    """`text` with each traditional character replaced by its simplified form (same length)."""
    return text.translate(_table())
