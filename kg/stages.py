"""The stage a project mention shows (planned … operating), read from the cue words that govern it.

A cue governs the names in its own clause that are its subject or its objects, not every name of
the sentence: in "完成甲、乙等工程建设任务，对接丙基地" 完成 governs 甲 and 乙, not 丙; in
"完成甲改造并推进乙" 推进 governs 乙. The cue table is the annotation guide's (section 4); nothing
here is keyed to one report.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache, lru_cache
from itertools import accumulate

from kg import lexicon as lx
from kg.model import STAGES, Mode, Stage
from kg.structure.clauses import clause_bounds, clauses, has_verb, sentence_around

# Steps before construction; "完成" or "启动" followed by one of them is that step, not completion/start.
_PLANNED = (
    r"施工招标|施工图|施工许可|施工手续|开工手续|开工条件|开工前|前期|计划申报|申报计划|立项|可研|可行性研究"
    r"|方案|初步设计|设计|专规|专项规划|规划(?!验收|(?:建设)?(?:项目|工程))|谋划|概算|预算(?!收入|支出|执行|内)|报批|审批|招标|征地|征迁|征拆|征收|拆迁|净地|清表|政策处理"
    r"|上报|签订|签约|换签|框架协议|合作协议|合作框架|达成合作|备案|实施主体|用地|土地证|土地出让|产权证|摘牌"
    r"|腾退|腾出土地|腾地|供地|收储|储备|研究|洽谈|在谈|招引|纳入|预审|策划"
    r"|验收入库|入库|做地|出让|土地整备"  # land made ready: before construction
    r"|获批"  # approved (获批建设, 获批立项): still to be built
    r"|手续|挂牌上市|上市出让|上(?<=地块上)市"  # papers in hand, land put on the market: still to be built
    r"|土地统筹|统(?<=完成统)筹|流转|表决|票决|审查"  # the land brought together, the plans approved
    r"|勘测|勘察|地勘|选址|放线|准备工作|申报"  # the site surveyed, papers filed
)
# What 完成/启动 govern when it is such a step: right after (完成立项), or ending a short object (完成发改委立项).
_PLANNED_OBJECT = (rf"了?(?:{_PLANNED})"
                   rf"|[^，,。；;、\d]{{1,4}}?(?:{_PLANNED})(?=[，,。；;、]|$|工作|编制|手续|批复|审批)")
_SPENT = r"完成(?:年度)?投资"  # money spent: how far the year's works went, which step no work took
# Parts of the works: a part done (路基基本完成, 钢构框架已建成) is work under way.
_PARTS = rf"{lx.STRUCTURE_PARTS}|路基|路面|框(?<!合作框)架"  # not a framework agreement (合作框架)
# Stage cues, most specific first: at one position the first alternative that matches wins.
_CUES = (
    (Stage.PLANNED, _PLANNED),  # first: 施工图, 开工手续 are not 施工, 开工
    (Stage.OPERATING, r"投入运营|正式运营|试运行|试运营|启动运行|投入运行|正式运行|开业|开园|开馆|揭牌"
                      r"|营业(?![\u4e00-\u9fff])|运(?<!开发运)(?<!建设运)(?<!管理运)营"
                      # open to its users: a hospital, a school, a venue; a park its firms moved into (入驻7家企业)
                      r"|营运(?!中心|商|车|证|资金)|商业运行|开班|开诊|开学|招生|对外开放|开(?<!改革开)放(?!型|式|合作|发展|共享|平台|准备|创新|通道|高地|的)|运行(?=情况|良好|平稳|正常|稳定)"
                      r"|入驻(?=[^，,。；;]{0,20}?[\d一二三四五六七八九十百多]+[家户])"),
    # 投产 is the 投用 of a plant: built and producing, 投运 of a line (the guide's table lists them with neither)
    (Stage.COMPLETED, r"规划验收|交付使用|投入使用|建成(?!后)|完工|竣工|通车|验收|投用|交付|落成|投产|投入生产|试生产"
                      r"|启用|收官|开通|并网|贯通|打通|投运"  # 并网: on the grid, built; 贯通: a road opened
                      # built, told in the past (新建了甲泵站), not started (开工建设了)
                      r"|新建了|建(?<!开工建)(?<!动工建)设了|修建了|兴建了|建起了|打造了|改造了|改建了|扩建了"
                      r"|进行了[^，,。；;]{0,8}?(?:改造|修缮|整治|提升|硬化)|达产|投入利用"),
    (Stage.UNDER_WAY, r"完成[^，,。；;、\d]{0,6}?\d+(?:\.\d+)?%|完成年度计划|进度过半"
                  r"|按照?(?:序时|时序|计划|既定)?进度(?:完成|推进)?"  # 均按序时进度完成: on schedule, not done
                  rf"|{_SPENT}(?![\d.]+余?[万亿]?元的)"  # not 完成投资5万元的甲工程: 甲 is completed
                  r"|完成(?:安装|铺设|浇筑|架设|敷设)[^，,。；;、\d]{0,6}?\d"  # 完成安装风机13台: a part of the works
                  + "".join(rf"|{part}(?=[^\u4e00-\u9fff]|$|[已正基全均顺在]|施工|完成|完工|安装|浇筑|吊装|建设"
                            rf"|工程|封顶|{_PARTS})" for part in _PARTS.split("|"))
                  # a part of the structure the works are at (桩基施工, 钢结构已完成); not a name's word (钢结构加工厂)
                  + r"|完成主体(?:结构|工程)?(?:已经|已|基本|全面|全部)?(?:封顶|结顶|完工|竣工|建成|完成)"
                  r"|主体(?:结构|工程)?(?:已经|已|基本|全面|全部)?(?:封顶|结顶|完工|竣工|建成|完成)"
                  r"|完成主体(?:结构|工程|建设)|主体(?:结构|工程|建设)|封顶|结顶|在建|收尾"
                  r"|完成[^，,。；;、\d]{0,6}?(?:主体|围墙)"  # 完成二层主体浇筑, 完成围墙工程: a part of the works
                  r"|正在建设|建设顺利|进展顺利|取得(?:新|阶段性|积极|重要)?进展"
                  r"|加快建设|加速建设|抓紧建设|抓紧施工|施(?<!设施)工(?!单位|方|队|企业)"  # not 设施|工程
                  # pushing on with a step before construction (有序推进前期工作) is that step
                  + "".join(rf"|{push}推进(?!{_PLANNED})" for push in "顺利 有序 稳步 加快 加速 全力".split())),
    (Stage.STARTED, rf"开工|开复工|动工|进场|开建|破土|奠基|启动建设|开启|落地|启动(?!仪式|区|{_PLANNED_OBJECT})"
                    r"|投建|上马|新(?<![创重更]新)上(?!线|市|台|岗|网)"),  # 新上 a works: launched (not 创新上)
    # 完成 is done, but not of a step before construction (完成立项) nor of a part of the structure (完成桩基)
    (Stage.COMPLETED, rf"完成(?!{_PLANNED_OBJECT})(?!了?[^，,。；;、]{{0,5}}?(?:{_PARTS}))"),
)
# Verbs that only say work goes on (推进X, 加快X建设, 实施X工程): used when nothing more telling is near.
_WEAK_CUES = ((Stage.UNDER_WAY, "|".join(rf"{push}(?!{_PLANNED})" for push in "推进 推动 加快 加速".split())
                                 + r"|实施(?!主体|方案)"),)
# In a plan, carrying out (实施) a works is what starts it: the step the plan aims at, where a review's 实施
# tells work going on.
_LAUNCHES = frozenset(("实施",))
# … unless it is already being carried out, which the plan only speeds or keeps up (加快实施, 继续实施).
_KEPT_UP = re.compile(r"(?:加快|加速|抓紧|持续|继续|深入|全力|扎实|稳步|有序)$")
# Before a cue in a review, these say the step is still to come: the project stands at the step
# before it (拟开工 → planned, 预计2023年建成 → under way).
_INTENDED = re.compile(r"拟|预计|计划|将|力争|争取|准备|即将")
_EXPECTED = ("预计", "即将")  # expected soon: the work is at the step before (拟, 计划 say it is yet to start)
# Put to use: 即将投入使用 says the works are built (the use still to come), not that they go on.
_IN_USE = re.compile(r"投入使用|投用|投运|启用|投产|交付|投入生产")
# Before a cue, these say the step is not reached: the project stands at the step before (尚未动工 →
# planned, 尚未完工 → under way, 未投入运营 → completed).
_NOT_YET = re.compile(r"(?:未能?|没能|没有)(?:正式|全面|完全|如期|按期|按计划|按时)?$")
_BEFORE = {Stage.STARTED: Stage.PLANNED, Stage.UNDER_WAY: Stage.PLANNED, Stage.COMPLETED: Stage.UNDER_WAY,
           Stage.OPERATING: Stage.COMPLETED}
# A clause opening with one of these states what the plan aims at for the clause before it.
_AIM = re.compile(r"(?:并|同时)?(?:力争|确保|争取|努力|预计|计划|年内|尽快|早日|(?:20\d\d年)?年?底前?"
                  r"|(?:20\d\d年)?[0-9一二三四五六七八九十]{1,2}月(?:底|份|前)?)")  # …3月开工，10月竣工
# A clause that names a place or project of its own before its cue owns that cue (该项目 names none).
_OWN_NAME = re.compile(
    r"(?![该此本各个])[\u4e00-\u9fff](?:项目|工程|路|桥|园|区|中心|学校|小学|中学|幼儿园|医院|公园|基地|地块|片区|板块|区块|新城"
    r"|站|馆|厂|线|期)"
)
# What 完成 may govern after the name: only its main structure (完成甲项目主体部分).
_MAIN_BODY = re.compile(r"主体(?:部分|结构|工程|建设)?")
# Before a later clause's cue, these say it is the step of every name listed before it too.
_SHARED = re.compile(r"均|都|全部|一并")
# Joins two predicates: a cue on one side does not govern the objects of the other (完成甲并推进乙).
_NEXT_PREDICATE = re.compile(r"(?<!合)并(?!购|网|表|列)|同时")
# After a cue, these say it is one item of a list (甲、乙及丙堤施工等任务), not the list's predicate.
_IN_LIST = re.compile(r"等|[、及和](?![\d.]+%?)")
_COORDINATED = re.compile(r"[、和与及并]?")
# What may stand between two steps of one chain: nothing, a joiner, or the object of the first (建设).
_CHAIN_GAP = re.compile(r"(?:建设|工程)?(?:并|及|和|且|、)?(?:正式|全面|顺利)?")
# A clause that only lists what the clause before it counts (…开工项目12个，主要包括甲、乙、丙).
_LISTED_BY = re.compile(r"(?:主要|其中|具体)?(?:包括|分别是|分别为|分别有|涵盖)[：:]?"
                        r"|(?:具体|主要)(?:为|有)(?:[：:]|$)")
_SPENDING = re.compile(_SPENT)  # 计划完成投资13亿元 beside 集中开工项目14个: the list's step is 开工
_LIST_REACH = 3  # sentences: a list's own and two before it (…集中开工的项目…。其中，产业类6项。分别是甲，乙)

# A clause that only sets the topic (以甲为重点, 围绕甲) leaves its name to the next clause's verb.
_TOPIC = re.compile(r"^(?:以.+为|围绕|聚焦|依托|针对)|为(?:重点|抓手|核心|载体|引领|突破口)$")

# A sentence opening with these calls on its audience (the close of a report): rhetoric has no stage.
_EXHORTATION = re.compile(r"\s*(?:让我们|同志们|各位代表[，,！!]?(?:让我们)?)")

# One pattern of every row's alternatives in order, and each row's own pattern with its stage. The
# alternatives are one flat list, each opening with a character (no group, no look-behind), so that
# the regex engine skips at once every position no cue can start at; the row is found afterwards.
_Table = tuple[re.Pattern[str], tuple[tuple[re.Pattern[str], Stage], ...]]
_Cue = tuple[int, Stage, str]  # offset, stage, cue words


def _table(cues: tuple[tuple[str, str], ...]) -> _Table:
    return re.compile("|".join(p for _, p in cues)), tuple((re.compile(p), Stage(s)) for s, p in cues)


_STRONG, _WEAK = _table(_CUES), _table(_WEAK_CUES)


def _cues(text: str, lo: int, hi: int, table: _Table = _STRONG) -> list[_Cue]:
    """Every stage cue in text[lo:hi], in order: at each position the first alternative that matches."""
    pattern, rows = table
    if len(rows) == 1:
        return [(m.start(), rows[0][1], m.group()) for m in pattern.finditer(text, lo, hi)]
    return [(m.start(), next(stage for row, stage in rows if row.match(text, m.start(), hi)), m.group())
            for m in pattern.finditer(text, lo, hi)]


@lru_cache(maxsize=8)
def _all_cues(text: str, weak: bool = False) -> tuple[_Cue, ...]:
    """Every cue of a whole text (`weak`: of the weak table), found once per text: featurizing,
    blanking the cues inside names and presuming each ask for them."""
    return tuple(_cues(text, 0, len(text), _WEAK if weak else _STRONG))


def without_cues_inside(text: str, names: list[tuple[int, int]]) -> str:
    """`text` with every cue that lies inside one of the named spans blanked out (〇): a word of a name
    (电子加速器, 海绵设施工程) is no step said of the names around it."""
    if not names:
        return text
    names = sorted(names)
    starts, reach = [a for a, _ in names], list(accumulate((b for _, b in names), max))  # the furthest end so far
    chars = list(text)
    for at, _, words in _all_cues(text) + _all_cues(text, weak=True):
        k = bisect_right(starts, at) - 1
        if k >= 0 and reach[k] >= at + len(words):  # a name starting at or before the cue holds it whole
            chars[at : at + len(words)] = "〇" * len(words)
    return "".join(chars)


def cue_marks(text: str, weak: bool = False) -> list[tuple[int, int, Stage]]:
    """Every cue of the guide's table in `text`, in order: (start, end, stage); `weak`: instead, the
    verbs that only say work goes on (推进, 加快, 实施)."""
    return [(at, at + len(words), stage) for at, stage, words in _all_cues(text, weak)]


def exhorts(text: str, sentence_start: int) -> bool:
    """Does the sentence starting there call on its audience (让我们…建设甲示范区)? Rhetoric, not work."""
    return _EXHORTATION.match(text, sentence_start) is not None


def has_cue(text: str) -> bool:
    """Does `text` hold a stage cue of the guide's table (开工, 建成, 破土动工 …)?"""
    return _STRONG[0].search(text) is not None


def is_cue(word: str) -> bool:
    """Is `word` a stage cue and nothing more (开园, 开馆, 竣工): a step, not a name's last word?"""
    return _STRONG[0].fullmatch(word) is not None


# What may stand between a name and the step it takes as its subject (甲公司年内已开工, 乙顺利投产).
_SUBJECT_GAP = re.compile(r"(?:年内|今年|上半年|下半年|已经|已|顺利|正式|全面|基本|提前|如期|实现)*")


def takes_step(text: str, end: int) -> bool:
    """Does the name ending at `end` take a step of the cue table as its subject (甲电子年内已开工)? A
    company or body named so stands for its works."""
    gap = _SUBJECT_GAP.match(text, end)
    return bool(gap and _STRONG[0].match(text, gap.end()))


# A company listed as one of the projects (甲、乙等5个新建项目相继开工): it stands for its works too.
_LISTED_AS_WORKS = re.compile(r"(?:[、和及与][^，,。；;、]{1,15})*等(?:一批|[0-9一二三四五六七八九十百余多]+个)?"
                              r"[^，,。；;、]{0,6}?项目")


def listed_as_works(text: str, end: int) -> bool:
    """Is the name ending at `end` an item of a list of projects (甲科技、乙机械等一批项目)?"""
    return _LISTED_AS_WORKS.match(text, end) is not None


def stage_of(text: str, start: int, end: int, mode: Mode) -> tuple[Stage | None, str | None]:
    """(stage, cue) of the project named at text[start:end], (None, None) when nothing cues one.

    The cue belongs to the clause naming the project and to the predicate the name is subject or
    object of: the nearest cue after the name (unless a second predicate, 并 …, starts between them
    and a cue before the name governs it), else the nearest cue or work-goes-on verb (推进, 加快 …)
    before it within its predicate; else a cue of another clause of the sentence, when the name's
    own clause has no verb of its own or only sets the topic. In a plan the stage is the one aimed
    at, so a next clause opening with 力争/确保/年内 … decides when it has a cue (…方案设计,力争年底开工)."""
    if exhorts(text, sentence_around(text, start)[0]):
        return None, None  # 让我们…团结奋斗，…建设甲示范区: a call to the audience, not a step of work
    lo, hi = clause_bounds(text, start, end)
    aim = _aim_after(text, hi) if mode == Mode.PLAN else None
    if aim:
        return aim[1:]
    before = _governing_before(text, lo, start)
    if not _cues(text, end, hi) and (shared := _shared_later(text, hi)) is not None and (
            before is None or _WEAK[0].fullmatch(before[2])
            or STAGES.index(shared[1]) > STAGES.index(before[1])):
        # 实施甲、乙5个项目，截至目前，全部开工: 全部 gives every one listed that step; 推进甲、乙等项目，
        # 目前都已达产: a step past the work said going on is where they stand now
        return shared[1:]
    for table in (_STRONG, _WEAK):
        after = [c for c in _cues(text, end, hi, table) if not _IN_LIST.match(text, c[0] + len(c[2]))]
        if after and before and _NEXT_PREDICATE.search(text, end, after[0][0]):
            after = []  # 完成甲改造并开工乙: 完成 governs 甲
        cue = after[0] if after else before
        if cue is None:
            continue
        if mode == Mode.PLAN and after:  # 3月开工，10月竣工: a plan aims at its furthest step
            cue = max(_steps(after), key=lambda c: STAGES.index(c[1]))
        elif after:  # 建成运营, 完成建设并投产: a review's chained steps all happened, the last counts
            cue = max(_steps(_chained(text, after)), key=lambda c: STAGES.index(c[1]))
        if not after and cue[2].startswith("完成") and _MAIN_BODY.search(text, end, hi):
            return Stage.UNDER_WAY, cue[2]  # 完成甲、乙项目主体部分: the main structure, not the whole
        if after and (still := _still_going(text, hi, cue[1], mode)):
            return Stage.UNDER_WAY, still  # 甲工程：三个村已完工，乙村正在抹灰: part of the works goes on
        if (short := _short_of(text, lo, cue)) is not None:
            return short
        intended = _INTENDED.findall(text, max(lo, cue[0] - 8), cue[0]) if mode == Mode.REVIEW else []
        if intended and cue[1] != Stage.UNDER_WAY:
            # a review's 拟开工, 预计年底建成: the step is not reached yet (预计完成投资 is progress all the same)
            stage = _BEFORE.get(cue[1], Stage.PLANNED) if intended[-1] in _EXPECTED else Stage.PLANNED
            if intended[-1] == "即将" and _IN_USE.match(text, cue[0]):
                stage = Stage.COMPLETED  # 即将投入使用: built, about to be used
            return stage, text[cue[0] : cue[0] + len(cue[2])]
        if mode == Mode.PLAN and cue[2] in _LAUNCHES and not _KEPT_UP.search(text, max(0, cue[0] - 2), cue[0]):
            return Stage.STARTED, cue[2]  # 明年实施甲项目: to be started
        return cue[1:]
    return _from_sentence(text, lo, hi, start, end, mode)


def _steps(cues: list[_Cue]) -> list[_Cue]:
    """The cues that tell a step, without money spent (开工建设完成投资4亿元: 开工), unless that is all."""
    return [c for c in cues if not _SPENDING.match(c[2])] or cues


def _short_of(text: str, lo: int, cue: _Cue) -> tuple[Stage, str] | None:
    """The step before the cue's, with the cue's words, when the words before it deny it (未开工, 没有如期建成)."""
    if cue[1] in _BEFORE and _NOT_YET.search(text, max(lo, cue[0] - 6), cue[0]):
        return _BEFORE[cue[1]], text[cue[0] : cue[0] + len(cue[2])]
    return None


def _chained(text: str, cues: list[_Cue]) -> list[_Cue]:
    """The first cue and those that follow it as one chain of steps (建成|运营, 完成|建设并|投产)."""
    chain = cues[:1]
    for cue in cues[1:]:
        if not _CHAIN_GAP.fullmatch(text, chain[-1][0] + len(chain[-1][2]), cue[0]):
            break
        chain.append(cue)
    return chain


def _governing_before(text: str, lo: int, start: int) -> _Cue | None:
    """The cue before the name that governs it: the nearest strong or work-goes-on cue, when no
    second predicate (并 …) starts between it and the name."""
    found = sorted([(c, True) for c in _cues(text, lo, start)] + [(c, False) for c in _cues(text, lo, start, _WEAK)],
                   key=lambda f: (f[0][0] + len(f[0][2]), len(f[0][2])))  # at a tie (加快推进 | 推进) the strong one
    if not found:
        return None
    cue, strong = found[-1]
    if _NEXT_PREDICATE.search(text, cue[0] + len(cue[2]), start):
        return None
    # verbs joined by 、和 share their objects (启动、实施甲项目): the more telling one decides
    for other, other_strong in reversed(found[:-1]):
        end = other[0] + len(other[2])
        if end > cue[0]:
            continue  # inside the cue (推进 in 加快推进)
        if not _COORDINATED.fullmatch(text, end, cue[0]):
            break
        if other_strong and not strong:
            cue, strong = other, True
    return cue


def _aim_after(text: str, hi: int) -> _Cue | None:
    """The furthest cue of the clause after `hi` when that clause states an aim (…,力争年内开工建设并投用)."""
    if hi >= len(text) or text[hi] not in "，,":
        return None
    lo, end = clause_bounds(text, hi + 1, hi + 1)
    cues = _cues(text, lo, end) if _AIM.match(text, lo) else []
    if cues and _OWN_NAME.search(text, lo, cues[-1][0]):
        return None  # 争取乙二期落地: the next clause aims at a project of its own
    return cues[-1] if cues else None


def _shared_later(text: str, hi: int) -> _Cue | None:
    """The cue of a later clause of the sentence that says it is the step of all named before it
    (…，全部开工; …，均已竣工投产), when the clauses between name nothing and take no step."""
    for c0, c1 in clauses(text, hi + 1, sentence_around(text, hi)[1]):
        if cues := _cues(text, c0, c1):
            said_of_all = _SHARED.search(text, c0, cues[0][0]) and not _OWN_NAME.search(text, c0, cues[0][0])
            return cues[0] if said_of_all else None
        if _OWN_NAME.search(text, c0, c1):
            return None
    return None


# A later clause saying work still goes on (正在进行乙段建设) for a project that finished its other parts.
_COUNTED = re.compile(r"[0-9一二三四五六七八九十]+个(?:项目|工程)")  # 乙等3个项目正在建设: other works
_STILL = re.compile(r"(?:正在|仍在|还在|尚在|(?<![已并])进行)[^，,。；;]{0,12}?"
                    r"(?:建设|施工|抹灰|铺设|硬化|浇筑|装修|装饰|砌筑|提升|改造|安装)|进入收尾")


def _still_going(text: str, hi: int, stage: Stage, mode: Mode) -> str | None:
    """For works a review says were completed, the words of a later clause of the sentence saying
    they still go on, when that clause names nothing of its own before them."""
    if mode != Mode.REVIEW or stage != Stage.COMPLETED:
        return None
    for c0, c1 in clauses(text, hi, sentence_around(text, hi)[1]):
        if (m := _STILL.search(text, c0, c1)) and not (_OWN_NAME.search(text, c0, m.end())
                                                        or _COUNTED.search(text, c0, m.start())):
            return m.group()
    return None


_OPENS_LIST = re.compile(rf"(?:{_LISTED_BY.pattern}|如下[：:]?|为[：:])$")  # a line ending so opens a list
_NUMBERED = re.compile(r"\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})[.、．)）]")  # a numbered item: 1.甲项目
_LIST_LINES = 40  # items one to a line: how many lines back the list's opening may stand


def _list_opened_before(text: str, s0: int) -> tuple[int, int] | None:
    """The sentence opening the list whose item begins at `s0`, when the sentences between them are
    items too, bare of steps, each ending with a list mark (这些项目分别是：| 甲项目、| 乙项目、| 丙项目。) or
    numbered (民生实事为：| 1.甲项目 | 2.乙项目), or the list opens in the first item's sentence."""
    for _ in range(_LIST_LINES):
        if s0 < 2:
            return None
        p0, p1 = sentence_around(text, s0 - 2)
        said = text[p0:p1].strip()
        if _OPENS_LIST.search(said):
            return p0, p1
        if not ((said + text[p1 : p1 + 1]).strip().endswith(("、", "，", ",", "；", ";")) or _NUMBERED.match(said)):
            return None
        parts = clauses(text, p0, p1)
        opening = [i for i, (c0, c1) in enumerate(parts) if _OPENS_LIST.search(text[c0:c1])]
        if any(_cues(text, c0, c1) for c0, c1 in parts[opening[-1] + 1 if opening else 0 :]):
            return None  # an item telling its own step (乙工程，建成书屋；) is no bare item of a list
        if opening:
            return p0, p1  # 开工的6个项目分别为：甲项目；| 乙项目；: the list opens before its first item
        s0 = p0
    return None


def _blanks(text: str, lo: int, hi: int) -> int:
    """How many blanks open text[lo:hi]."""
    return len(text[lo:hi]) - len(text[lo:hi].lstrip())


def _from_sentence(text: str, lo: int, hi: int, start: int, end: int,
                   mode: Mode) -> tuple[Stage | None, str | None]:
    """A cue from another clause of the sentence, following ones first, nearest first; only for a
    name whose own clause says nothing of it (no verb besides the name's) or only sets the topic;
    a clause naming something of its own before its cue keeps it. A plan aims at the furthest cue of
    the clauses that follow the name until one names something of its own ((一)甲项目：预计3月开工，
    10月竣工). A list introduced by what it counts (…开工项目12个，主要包括甲、乙; 其中：…，具体为：甲、乙)
    takes the last cue before it, in its sentence or in the two before it; so do items written one to a
    line under the list's opening (这些项目分别是：| 甲项目、| 乙项目。)."""
    s0, s1 = sentence_around(text, lo)
    others = [c for c in clauses(text, s0, s1) if c[0] != lo]
    # …开工项目12个，主要包括甲、乙 (or 分别是甲项目，乙项目): the list takes the step before it
    before = [c for c in others if c[0] < lo]
    own = _LISTED_BY.search(text, lo, start)  # 工业类项目分别是甲、乙: a subject, then the list
    own_verb = cache(lambda: has_verb(text, lo, start) or has_verb(text, end, hi))  # not its name's (乙改造工程)
    listed = own is not None and not has_verb(text, lo, own.start()) or bool(before) and (
        _OPENS_LIST.search(text[slice(*before[-1])].strip()) is not None  # 集中开工的5个项目分别是：甲、乙
        or not own_verb() and any(_LISTED_BY.match(text, c0 + _blanks(text, c0, c1)) for c0, c1 in before))
    if not listed and not any(_cues(text, c0, c1) for c0, c1 in others) and (
            opener := _list_opened_before(text, s0)) is not None:
        listed, (s0, s1) = True, opener  # 这些项目分别是：| 甲项目、| 乙项目、: an item on a line of its own
        before = clauses(text, s0, s1)
    if not listed and not _TOPIC.search(text[lo:hi]) and own_verb():
        return None, None  # 对接丙基地: the name's own verb says what happens to it
    if listed:
        for _ in range(_LIST_REACH):  # its sentence, then the sentences before it, until one tells a step
            if cues := [cue for c0, c1 in before for cue in _cues(text, c0, c1)]:
                told = _steps(cues)[-1]  # 开工项目14个，计划完成投资13亿元: 开工
                return _short_of(text, s0, told) or told[1:]  # 未按计划开工23项。主要有甲、乙
            if s0 < 2:
                break
            s0, s1 = sentence_around(text, s0 - 2)
            before = clauses(text, s0, s1)
        return None, None
    if mode == Mode.PLAN:
        aimed: list[_Cue] = []
        for c0, c1 in (c for c in others if c[0] > lo):
            cues = _cues(text, c0, c1)
            if cues and _OWN_NAME.search(text, c0, cues[0][0]):
                break
            aimed += cues
        if aimed:
            return max(aimed, key=lambda c: STAGES.index(c[1]))[1:]
    others.sort(key=lambda c: (c[0] < lo, abs(c[0] - lo)))
    for c0, c1 in others:
        cues = _cues(text, c0, c1)
        if cues and (not _OWN_NAME.search(text, c0, cues[0][0])
                     or c0 > lo and _SHARED.search(text, c0, cues[0][0])):
            if still := _still_going(text, c1, cues[0][1], mode):
                return Stage.UNDER_WAY, still
            return cues[0][1:]  # 甲4公里，乙2公里，丙均已完成设计: 均 gives the listed ones the same step
    return None, None
