"""Quantities: the numbers a report states as done or aimed at (annotation guide, section 6).

A quantity is a number with a unit of measure (亿元, %, 家, 万人次), read with what stands around
it: the indicator it counts (the words before it in its clause, without the verb that acts on it:
引进|产业工程师20名以上), whether it is a level (an amount, or how many there are: 现有企业12家), a
change (增长5.5%) or a count of things done, its bound (以上 ≥, 以内 ≤, 左右 ≈), and its year and
mode from the section it is in (a plan's numbers are targets, a review's results; 力争/确保 make a
target even in a review, and outside both 目标/计划 do too). Chinese numerals are read by cn2an.
Numbers without a unit (years, dates, list markers) and numbers inside names (地铁12号线,
"13+2"产业集群) are not quantities.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache

import cn2an
import jieba.posseg

from kg import vocabulary
from kg.gazetteer import Gazetteer
from kg.model import Mode, Quantity, Section
from kg.names import cut
from kg.stages import has_cue
from kg.structure.timing import time_of
from kg.structure.years import YEAR_DIGITS, years_named

_CN = "〇零一二两三四五六七八九十百千万亿"
_MAX_INDICATOR = 24
# A count of things done is counted in one of these; everything else measured is a level.
_COUNT_UNITS = tuple("个 家 名 人 位 场 次 项 座 所 条 户 套 间 辆 台 件 处 栋 幢 宗"
                     " 支 种 类 款 篇 人次 家次 户次 场次 批次 批 张 块 棵 株 头 只 片 期 份 轮 艘 架 架次 例 起"
                     " 盏 根 颗 口 堂 节 册 袋 桶 封 羽 段 幅"
                     .split())
_MEASURE_UNITS = tuple("亿美元 万美元 美元 亿元 万元 千元 元 个百分点 百分点 % ％ ‰"
                       " 平方公里 平方千米 平方米 立方米 公里 千米 米 公顷 亩 吨 千瓦时"
                       " 千瓦 兆瓦时 兆瓦 标准箱 标箱 倍 小时 天 岁 斤 担 公斤 千克 微克/立方米 毫克/立方米 毫克/升"
                       " 吨/日 吨/天 立方米/日 立方米/天 ㎡ m² ㎞ km μg/m3 μg/m³".split())
# Units that, right before a noun, say what it is like (an age, a duration, a rating), not how much of it.
_ATTRIBUTE_UNITS = ("岁", "小时", "天", "千瓦", "兆瓦", "千瓦时", "兆瓦时")
_UNIT_FORMS = {"％": "%", "㎡": "平方米", "m²": "平方米", "㎞": "公里", "km": "公里", "千米": "公里",
               "平方千米": "平方公里", "μg/m3": "微克/立方米",
               "μg/m³": "微克/立方米"}  # as the guide writes them


def _alternatives(units: tuple[str, ...]) -> str:
    """A pattern of the units, longest first; 起 counts cases (3起纠纷, 十一起), but not in 一起 (together)."""
    return "|".join(re.escape(u) if u != "起" else "(?<![^〇零二两三四五六七八九十百千]一)(?<!^一)起"
                    for u in sorted(units, key=len, reverse=True))


_COUNT_UNIT = _alternatives(_COUNT_UNITS)
_UNIT = _alternatives(_MEASURE_UNITS + _COUNT_UNITS)
_MAGNITUDES = "万亿千百"
_NUMBER = rf"(?:\d+(?:,\d{{3}})*(?:[.．]\d+)?|[{_CN}]+(?:点[{_CN}]+)?)"  # 8．8: a full-width point
_QUANTITY = re.compile(
    rf"(?=[约近超突不低控达{_CN}]|\d)"  # what a match starts with: re then skips other places fast
    rf"(?P<before>约|近|超过|超|突破|不低于|不少于|不超过|低于|控制在|达到|达)?"
    rf"(?P<pct>百分之)?(?P<value>{_NUMBER})(?:\s*[-—~～至到]\s*(?P<high>{_NUMBER}))?"
    rf"(?P<loose>余|多)?(?P<mag>万亿|[{_MAGNITUDES}](?:(?![{_MAGNITUDES}])|(?=千[瓦米克元])))?(?P<loose2>余|多)?"
    # 399万，; a percentage written out (百分之六) has its unit before it
    rf"(?P<unit>(?(pct)|(?:(?<=\d)[ \u3000]?[%％]|{_UNIT}|(?<=[\d一二三四五六七八九])成|(?<=[万亿])(?![级多余]))))"
    rf"(?P<after>以上|左右|以内|以下|之内|上下)?")
# What a sum with 以上/超 qualifies, making a class of things by their size (亿元以上|项目, 超千万元的|村).
_THRESHOLD_OF = re.compile(r"的?[\u4e00-\u9fff]{0,4}?(?:项目|企业|村|工程|商户|楼宇|市场主体)")
_MADE_BEFORE = re.compile(r"(?:年产|年处理|年加工|日处理)$")  # a works' capacity, written inside its name
_MONEY = re.compile(r"(?:金额|资金|投资|经费|收入|产值|总额|营收|税收)(?:约|达到|达|为|共|超过|超)?$")
_COMPARED = re.compile(r"(?:高于|低于|快于|慢于|超出|领先|超过)")  # a comparison of the number just given
_WORD = re.compile(r"[\u4e00-\u9fff]{2}")
_POPULATION = re.compile(r"人口(?:约|达到|达|为|共|超过|超|近)?$")
_PEOPLE = re.compile(r"人员|居民|群众|农民|牧民|婴幼儿|儿童|残疾人|学生|老人|职工|人口|毕业生|劳动力|人才")
_PERSONS = ("人", "名", "位", "人次")  # units that count people
_BOUND_BEFORE = {"约": "≈", "近": "≈", "超过": "≥", "超": "≥", "突破": "≥", "不低于": "≥", "不少于": "≥",
                 "不超过": "≤", "低于": "≤", "控制在": "≤"}
_BOUND_AFTER = {"以上": "≥", "左右": "≈", "上下": "≈", "以内": "≤", "以下": "≤", "之内": "≤"}
# A change, how far first where it says (CPI微降0.2%, 小幅下降); …亿元、增7%: the amount's change.
_CHANGE = re.compile(r"(?:(?:同比|同步|比上年|较上年|年均|绝对)?(?:微|略|小幅|大幅)?"
                     r"(?:增长|增加|提高|提升|上升|下降|减少|降低|上涨|增幅|降幅|增速|增产|减产)"
                     r"|(?:同)?比[增降减]|[微略][增降涨]|(?<![\u4e00-\u9fff])[增降])"
                     r"(?:了|(?<=[幅速])为)?$")  # 增幅为5%; 下降为4.5% is the level reached
_STRETCH = re.compile(r"[、，,]?\s*(?:力争|争取|努力)(?:达到|达|实现)?\s*")  # 增长6%以上、力争达到6.5%
_FALLS = re.compile(r"[降减跌]|回落")  # a change downward: 下降2.4%, 降幅3%, 减产, CPI微降0.2%
_TARGET = re.compile(r"力争|确保|目标|预期|计划|争取|力求")
_STATED_YEAR = re.compile(rf"({YEAR_DIGITS})\s*年")  # the year a stated target is for, named before it
_STATED_TARGET = re.compile(r"预期目标|主要目标|目标是|目标为")  # a target even inside a review …
_ACHIEVED = re.compile(r"(?:实现|完成|达到|确定)了?[^，,。；;]{0,8}$")  # … unless met: 顺利完成年初提出的主要目标
# Part of a year, and a cut-off date (截至10月底, 截止今年5月, 截至目前): a figure's period, no part of its name.
_PART_OF_YEAR = r"[上下]半年|(?:前|第)?[一二三四]季度"
_CUT_OFF = rf"截[至止](?:(?:今年|本年|{YEAR_DIGITS}年)?\d{{1,2}}月(?:\d{{1,2}}日|底)?|目前|当前)"
_PERIOD = re.compile(rf"\d{{1,2}}\s*[-—至~]\s*\d{{1,2}}\s*月(?:份)?|{_PART_OF_YEAR}|{_CUT_OFF}"
                     r"|[这近过去]*[五两三]年(?:来|间|内)?(?=[，,：:]|[^年]{0,20}累计)|“?十[一二三四五六]五”?(?:时期|期间|以来)|累计|年均")
_YEARS_SPAN = re.compile(r"[这近过去]*[五两三]年(?:来|间)?|“?十[一二三四五六]五”?(?:时期|期间|以来)")
# A paragraph that opens with one year.
_ONE_YEAR = re.compile(rf"(?<![至到—-]){YEAR_DIGITS}年(?!以来|[至到—-])|过去一年|过去的一年|一年来|全年|今年")
# A topic named once before a colon, for the clauses after it that name none (在工业总产值方面：…).
_TOPIC = re.compile(r"在([\u4e00-\u9fff]{2,12}?)方面[：:]")
# A sentence that opens on a year (2029年，…; 2029年与2024年相比，…), which a plan may look back on.
_GONE_BY = re.compile(rf"({YEAR_DIGITS})年(?:底|末)?(?=[，,]|与|同|又?比)")
# The base a change is measured from, when the text names its year (比2024年增长, 与2024年相比…增长).
_BASE_YEAR = re.compile(rf"(?:比|较|与|同)({YEAR_DIGITS})年(?:底|末)?(?:相比)?")
# A year the number is aimed at, later than its section's: 到2030年…, …2030年达到…
_AIMED_YEAR = re.compile(rf"(?<!截)(?<!年)(?:到|至)({YEAR_DIGITS})年(?:底|末)?前?")  # not 截至, not 2021年至2025年
_THIS_YEAR = re.compile(r"今年|年内|当年|本年")
_YEAR_BEFORE = re.compile(rf"({YEAR_DIGITS})年(?:底|末)?前?(?:达到|达|突破|超过|实现|将)?$")
# What ends an indicator's words without being part of it, one after another: a comparison's base (比2020年,
# 在2020年的基数上), a time (2030年, 年均) or an adverb over a list (甲率和乙率均|超过90%, 甲、乙各|1家).
_TRAILING = re.compile(rf"(?=[比较与在到至0-9年日均各分的预调今明要将可估])"  # what they start with: a fast skip
                       rf"(?:(?:比|较|与)(?:上年|去年|{YEAR_DIGITS}年)(?:同期|末|底)?(?:相比)?"
                       rf"|在{YEAR_DIGITS}年的?基数上"
                       rf"|(?:到|至)?{YEAR_DIGITS}年(?:底|末)?前?|年均|日均|(?<![平人户亩])均|(?<=[\u4e00-\u9fff”])各|分别"
                       # 经济增长|预期目标为7%, 产量要|增长5% (许可, 只要 are words)
                       r"|的?(?:预期|调控)目标定?|(?<=.)预期|(?<=.)(?:今年|明年)(?:将|要)?"
                       r"|(?<=[\u4e00-\u9fff]{2})(?<![需主纲提摘概重许认宁不只])(?:预计|估计)?(?:要|将|可))+$")
_ADDRESS = re.compile(r"^(?:各位代表|同志们|代表们)[，,：:!！]")  # the speaker turning to the audience
# Where a clause starts; not at a gloss in brackets (细颗粒物（PM2.5）平均浓度).
_CLAUSE_START = re.compile(r"[，,；;。：:！？!?、\n】]|[（(](?!(?=[^）)]*[A-Za-z])[A-Za-z0-9.\s]{1,10}[）)])")
# What opens an indicator without being part of it: the aim, the action on it, the time.
_ACTIONS = (r"实现|完成|实施|引进|引导|培育|创建|建设|新建|改造|整治|开展|举办|组织|新增|落实|推动|推进|打造|建成"
            r"|招引|争创|吸引|服务(?!业)|帮助|带动|提供|发放|投入|解决|选举产生|下发|修订完善|修订|受理|办理|培训|慰问|走访|巡查"
            r"|清理|设置|出台|制定|印发|发布|深化|编制|加快|依托|扩大")
# The statistics of investment (总投资, 年度计划投资, 投资额). 完成 or 计划 before one is part of it (完成投资: money
# spent on works; 计划投资: money to be spent), no action or aim opening the indicator, unless a share of it
# follows (完成年度投资额的120%).
_INVESTMENT = r"(?:年度|当年|累计)?(?:计划)?总?投资(?:总?额)?"
_STATISTIC_AHEAD = rf"(?!(?:完成|计划){_INVESTMENT}(?![的\u4e00-\u9fff]))"
_LEADING = re.compile(
    r"^(?:" + _STATISTIC_AHEAD +
    r"(?:\d{1,2}[.．](?!\d)|[一二三四五六七八九十]+是|后将|将|把(?![关握])|全年|每年|年内|当年|今年|明年|本年度?|(?:到|至)?年[底末]前?|累计|共计|共|总计|合计|其中|全街道|全镇|全乡|全区|全市|全省|全县|我(?:街道|镇|乡|区|县|市|省)|辖区|坚决|全力|努力|圆满|顺利|积极|新增|新建|新|已|并(?![购网联列存行重肩举且])|力争|确保|争取|预计|计划"
    rf"|(?:及时|依法|全面|严格|有效|持续|扎实|切实|深入|大力|进一步|稳步|高质量|高标准|主动|精准|广泛|常态化|重点|继续|成功|又)"
    rf"(?=(?:{_ACTIONS}|达到|达|突破|超过|开展|实施))|以来|[和及与](?={_ACTIONS})"  # 新建|和|改造…: two actions
    rf"|{_ACTIONS}|达到|达|突破|超过|约|为|有|下辖|现有|全年完成|到\d{{4}}年底?|在?\d{{4}}年"
    rf"|{_CUT_OFF}|去年|上年|{_PART_OF_YEAR}"
    r"|(?:该|这一?)(?![镇乡区县市]|街道)[\u4e00-\u9fff]{0,10}?(?:项目|公司|企业|园区|基地)|今年以来|\d{1,2}月?\s*[-—至~]\s*\d{1,2}月|目前|当前|街道|本镇|本街道|该(?:镇|乡|街道|区|县|市))\s*)+")
# What ends the subject inside a clause: 累计, 共计, 共完成, 完成 (not 完成率, 完成额 …).
_SUBJECT_END = re.compile(r"(?<=[\u4e00-\u9fff])(?:(?:累计|共计|合计|总计)(?:完成|实现)?|共(?:完成|实现|有)"
                          r"|完成(?![率额值量度])|下辖|现有)")
# A figure striven for in its clause, or one planned to be acted on (计划新建, 计划实施): a target in a review
# too (not 争取资金, what was obtained; not 计划生育, 研发计划, names)
_STRIVE = re.compile(rf"力争|确保|力求|计划(?:{_ACTIONS}|开复工|开工)")
_FUTURE = re.compile(rf"将(?:{_ACTIONS})")  # 将新增…: what a review says is still to come is a target
# 项目建成达产后，预计年可…: what the works will yield once built is aimed at, in the whole sentence
_AFTER_DONE = re.compile(r"(?:建成|达产|投产|投用|运营)后[，,]?(?:预计|可|将|每年|年)")
_LAST_ACTION = re.compile(rf"(?:{_ACTIONS})\s*$")
# What a clause says exists, not what was done: a stock (现有企业12家, 下辖6个社区, 户籍人口3万人, 企业增至
# 50家), a level even in units that count; reached by 达 only when nothing was done to get there.
_STOCK = re.compile(r"现有|拥有|共有(?!新)|(?:^|[镇乡街区县市内])有(?![效序力机])|下辖|辖(?=[\d一二三四五六七八九十])"
                    r"|下设|人口|户籍|常住|存栏|在谈|编制|增至|增加到|总数")
_ACTION_WORD = re.compile(_ACTIONS)


def _stock(words: str, before: str | None) -> bool:
    """Do the words before a count, and the word bounding it (达 12家), say how many there are (a
    level), not how many were done?"""
    return bool(_STOCK.search(words) or (before in ("达", "达到") and not _ACTION_WORD.search(words)))


# Actions that say nothing of what was counted (实现|产值), unlike 新增|林地, 受理|案件.
_CLASS_OF = re.compile(r"^(?:各类|各级|各|累计)")  # 各类|资金: of every kind, which names none
# 争取 before what it obtains (争取|资金, 争取|项目): the action, not the aim word it is elsewhere
_OBTAINED = re.compile(r"争取\s*$")
_LIGHT_ACTION = re.compile(r"实现|完成|实施|开展|组织|举办|落实|推动|推进|打造|加快|依托|扩大|深化|建设")
_WHOLE = re.compile(r"全(?:街道|镇|乡|区|县|市|省|旗)|我(?:街道|镇|乡|区|县|市|省)|辖区")  # the district itself
_INNER_ACTION = re.compile(r"(?<=[\u4e00-\u9fff”])(?:开展|组织|落实|提供|发放|举办)(?=[\u4e00-\u9fff“])")
# What an action is done to, too general to name an indicator alone (走访|企业, 服务|群众).
_CLASSES = frozenset("企业 群众 居民 人员 项目 活动 单位 家庭 学生 老人 问题".split())
# A class of whom something was done to (走访企业), not a compound noun (改造项目, 开展活动).
_AND_THEN = re.compile(r"(?<=[\u4e00-\u9fff])(?<![合兼吞归])并(?![购网联列存行重肩举且])(?=[\u4e00-\u9fff]{3})")
_ACTED_CLASS = re.compile(rf"(?<=[\u4e00-\u9fff])(?:{_ACTIONS})(?:{'|'.join(_CLASSES - {'项目', '活动'})})$")
_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")
_NOT_BEFORE = re.compile(r"[第号#No.届]$|[A-Za-z]$|\d$")  # 第3个, 十三届|五次, codes
_NOT_AFTER = re.compile(r"^(?:号|期工程|号线|届|周年|年|月|日|岁以上|全会)")  # 七次全会: the 7th plenary
# Between an indicator and its level: 占比提高到|55%, 失业率平均为|5%.
_REACHED = re.compile(r"(?:分别|平均值?|累计|均|继续|持续|基本)?"
                      r"(?:(?:提高|提升|增加|下降|降低|回落|降|增|升|达|控制|保持|稳定|维持)?(?:到|至|为|是|在|达|了)|保持"
                      r"|(?:首次)?(?:跃上|迈上|站上|跨上))$")
_NOUN_AFTER = re.compile(r"(?!数|同比|比上年|较上年|增长|下降|减少|增加)"
                         r"[\u4e00-\u9fff“\"][^，,；;。：:！？!?、\n（()）\d和及与约超近达]{1,15}")
# A counted noun runs on over 和、与 while no other count follows in its clause (3家小作坊和小加工厂),
# and over a model code (5G工厂); 和|10座 starts the next count, an adverb the predicate (已|全部|顺利…).
_JOINED = rf"[和及与、](?![^，,；;。！？!?\n]*?[\d{_CN}]+[余多]?[万亿]?(?:{_COUNT_UNIT})|数量|总量|总数|规模|比重|占比)"
_PREDICATE = (r"已|将|正在|全部|全面|顺利|稳定|及时|按时|陆续|先后|正式|相继|分别|累计|共计"
              r"|(?<![人平户亩])均(?![衡等匀])")  # 均成功化解, not 人均
_COUNTED_NOUN = re.compile(rf"(?!数|同比|比上年|较上年|增长|下降|减少|增加|{_PREDICATE})[\u4e00-\u9fff“\"](?<![和及与])"
                           rf"(?:(?!{_PREDICATE})(?:[^，,；;。：:！？!?、\n（()）\d和及与约超近达]|\d+[A-Za-z]+|{_JOINED}))"
                           rf"{{1,{_MAX_INDICATOR}}}")
_COUNT_RUN = re.compile(rf"(?:、{_NUMBER}[余多]?[万亿]?(?:{_COUNT_UNIT}))+")
# The next count of a list (3个甲|、丙等5个乙园区), after its examples.
_NEXT_COUNT = re.compile(rf"、(?:[^，,；;。、\d]{{1,10}}等)?{_NUMBER}[余多]?[万亿]?(?:{_COUNT_UNIT})")
# A field named alone, whose growth is what the number measures (经济增长5%: not 经济).
_NAMED_BY_GROWTH = frozenset({"经济"})
# A variant of the indicator just given (…85亿元，同口径增长4.2%): named with it.
_QUOTES = re.compile(r"[“”\"]")
_LIST_NOUN = re.compile(r"(?:清单|名单|目录)$")  # 甲、乙项目清单: the list's items, not the list
_BRACKET_BEFORE = re.compile(r"[（(][^（()）\n]{1,8}[）)](?:预计|预期|累计|共|完成|实现|达到|达|为)*$")
# A new item run on after the last number with no mark between (增长4.2%|规模工业增加值|增长7.1%):
# a flattened table names each indicator anew.
_UNMARKED_ITEM = re.compile(r"[\u4e00-\u9fff]{3,}")
_BRACKET_END = re.compile(r"(?<=[\u4e00-\u9fff])[（(][^（()）]{1,8}[）)]\s*$")
_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff])[（(](?=[^）)]*[A-Za-z])[A-Za-z0-9.\s]{1,10}[）)][^（()）]*$")
_ORDINALS = "一二三四五六七八九十"
# 一个村一个村: one by one, said of each (the first and the second time)
_REPEATED = re.compile(rf"([\u4e00-\u9fff]{{1,4}})一(?:{_COUNT_UNIT})\1")
_REPEATS = re.compile(rf"一(?:{_COUNT_UNIT})([\u4e00-\u9fff]{{1,4}})一(?:{_COUNT_UNIT})$")  # then the same word
# What a list's last item may end with for every item (甲业、乙业增加值分别增长…).
_OUTPUT = r"(?:增加值|产值|营业收入|营收|产量|总额|利润|税收)"  # what a trade or its firms turn out
_LIST_MEASURE = re.compile(rf"{_OUTPUT}$")
_SHARE = re.compile(r"占(?:全国|全省|全市|全区|全县|全球|世界)")  # a share of the total the number just given is in
_VARIANT = re.compile(r"同口径|可比口径|按可比价格计算|按可比价计算")
_VARIANT_END = re.compile(r"(?:同口径|可比口径)$")
_EXAMPLES_END = re.compile(r"(?<![高平同中初])等")  # not 高等, 平等 …
_TRAILING_VERB = re.compile(r"(?:的)?(?:建设|创建|改造|提升|工作|任务|项目建设)$")
# 从每人每月|2295元, 由120亿元|增加到, 由今年预计的|3%|提高到
_FROM = re.compile(rf"[从由](?:(?:今年|去年|上年|本年)?(?:预计)?的)?(?:每[人户年月]+)*(?=[\d{_CN}])")
_RAISED_TO = re.compile(r"(?:提高|提升|上升|增加|增长|上调|扩大|降低|下降|减少)(?:到|至)")
# A count before its noun follows the action that produced it (新建|3所|学校), or opens its clause.
_ACTED = re.compile(rf"(?:{_ACTIONS}|实施|签约|建立|成立|设立|开通|打通|提升|修缮|落地|引育|扶持|帮扶|认定"
                    r"|评为|获评|入选|划分为|遴选|消除|达|共|累计|新|等)$")  # 甲、乙等|7条|道路: a list counted
# Areas and lengths are written before what they measure too (新建|10公里|非机动车道).
_SIZE_NAMED = re.compile(r"(?:长|长度|宽|宽度|面积|占地|规模|深)\s*(?:约|达到?|为)?\s*$")
_FIGURE_NEXT = re.compile(rf"(?:达到?|为|约|超过?|突破)?[\d{_CN}]")
_SIZE_UNITS = ("平方米", "平方公里", "平方千米", "公里", "千米", "米", "亩", "公顷")
# An indicator ends with what was counted, not with the action on it (坚决完成|74万平方米).
_ACTION_END = re.compile(r"(?:预计|预期|坚决|全力|确保|力争|努力|圆满|顺利|累计|共)*(?:完成|实现|达到|突破|超过)$"
                         r"|预计$|(?<=[\u4e00-\u9fff]{2})(?:共计|合计|总计|总共|一共|共)$")  # 甲企业共计|12家: in all
_ABBREVIATION = re.compile(r"[A-Z]{2,5}")  # GDP, CPI: an indicator abbreviated
_GENERIC = frozenset("方面 工作 任务 项目 其中 同比 分别 总数 总量 数量 规模 比例 人数 个数 人次".split())
# A measure with no thing measured: 完成率, 服务人次, 总量 (of what the sentence just named).
_MEASURE_WORD = r"(?:率|人次|人数|总量|总数|总额|数量|面积|总长|长度|能力|金额)"
_BARE_MEASURE = re.compile(rf"[\u4e00-\u9fff]{{0,4}}{_MEASURE_WORD}")
_LISTED_MEASURE = re.compile(r"[\u4e00-\u9fff]{0,3}(?:数|率|量|额|损失|面积)")  # 死亡人数, 财产损失
# Where a clause's predicate starts: at an adverb, by jieba's tags or by the word (jieba reads 全面 as
# a noun), else at a verb or an idiom (稳步增长); jieba reads verbal nouns (改造) as verbs too.
_ADVERB_TAGS = frozenset("vd d ad".split())
_VERB_TAGS = frozenset("v i a".split())
_DONE_TAGS = frozenset("v vn vd a ad d".split())  # an action and how it went (成功|化解)
_ADVERB = re.compile(r"全面|持续|稳步|加快|加速|不断|显著|大幅|明显|快速|进一步|稳中")
# A measure named by a word or two alone (调解率, 出动人数, 总面积), which its clause does not say the thing of.
_SHORT_MEASURE = re.compile(rf"[\u4e00-\u9fff]{{0,2}}{_MEASURE_WORD}")
_MEASURE_END = re.compile(rf"{_MEASURE_WORD}$")
_HOW_DONE = re.compile(r"完成|执行|达成|到位|兑现|落实|增长|下降")  # 完成率: how far the measure before got
_AMOUNT_END = re.compile(rf"(?:{_OUTPUT}|{_MEASURE_WORD}|投资|收入|支出|资金)$")  # an indicator that is a measure
# A share of the year's plan (完成全年任务的140%): of what the clause, or the figure before it, named.
_PLAN_BASE = r"(?:完成|占)(?:全年|年度|年)?"
_OF_PLAN = re.compile(rf"({_PLAN_BASE}(?:奋斗|预期|既定|责任)?(?:目标)?(?:任务|计划|目标))的?\s*$")
_PLAN_SHARED = re.compile(rf"{_PLAN_BASE}$")  # 占全年目标, 完成年计划: the plan is the base, not the aim
# An investment named alone (甲项目8个，|总投资|5亿元): the investment in what was counted before it.
_INVESTED = re.compile(rf"(?:完成)?{_INVESTMENT}")


def find_quantities(text: str, sections: list[Section], names: Sequence[tuple[int, int]] = ()) -> list[Quantity]:
    """Every quantity of `text` in order, with year and mode from its section; `names`: the spans
    of the entities the text names, in order, which are the subjects of the numbers they open."""
    out: list[Quantity] = []
    run: tuple[list[str], int, int, str] | None = None  # 分别 items, the next one, end of the last number, its change
    spans: dict[int, str | None] = {}  # a paragraph's span of years, once found (see _span_of_years)
    opened: dict[int, bool] = {}  # whether a sentence is dated by one year, once found (see _year_opened)
    for m in _QUANTITY.finditer(text):
        if _skip(text, m):
            continue
        value = _number(m.group("value"))
        if value is None:
            continue
        if (read := _unit_of(text, m, value)) is None:
            continue
        value, unit, counts = read
        clause = _clause_before(text, m.start())
        list_start = _list_start(text, clause, m.start())
        opening = _after_examples(text, _after_previous(text, out, list_start, m.start()), m.start())
        words = text[opening : m.start()]
        change = _CHANGE.search(words)
        start, end = opening + (len(words) - len(words.lstrip())), m.end()
        before_noun = counts or (  # 建设|10公里|非机动车道; 甲桥下|4000㎡|文体公园: a size right before a noun
            _UNIT_FORMS.get(m.group("unit"), m.group("unit")) in _SIZE_UNITS and not m.group("after")
            and not _SIZE_NAMED.search(words))  # 道路全长|3.5公里|双向四车道: the words name the measure
        after = _COUNTED_NOUN.match(text, _run_end(text, m.end())) if before_noun else None  # 4场以上|宣讲会 too
        if after and not counts and after.group()[-1] not in "、和及与" and _FIGURE_NEXT.match(text, after.end()):
            after = None  # 占地100亩|总投资5亿元: the noun after is the next figure's indicator
        names_listed = bool("、" in text[clause - 1 : m.start()] and after and words.strip()[-1:] in after.group())
        if (after and words.strip() and not _ACTED.search(words) and not m.group("value")[0].isdigit()
                and not names_listed):  # 甲路、乙路两条|断头路: the list is what is counted
            continue  # 中央|八项规定: a count in words inside a name, no action produced it
        respective, changed = None, change.group() if change else ""  # 甲、乙分别增长5%、6%: each number is its item's
        if run and run[1] < len(run[0]) and re.fullmatch(r"\s*[、，,和及与]?\s*", text[run[2] : m.start()]):
            respective, changed = run[0][run[1]], run[3]
            run = (run[0], run[1] + 1, m.end(), run[3])
        elif items := _respective_items(text, m.start()) or _respectively_of(text, out, m.start()):
            respective = items[0]
            run = (items, 1, m.end(), changed)
        if respective:
            indicator = respective
        elif after:  # 建设|4个|未来社区: a count before its noun counts the noun
            indicator, start, end = _counted(after.group(), words), m.start(), after.end()
            if indicator in _CLASSES:  # 招引甲、乙等|8家|企业: the action says which count it is
                indicator = _action_before(text, m.start()) + indicator
            if indicator and (listed := _NEXT_COUNT.match(text, after.end())) and (
                    then := _COUNTED_NOUN.match(text, listed.end())):
                indicator = _with_tail(indicator, then.group())  # 3个过百亿、5个过十亿|园区: the list's head
        elif change and (outer := _before_brackets(text, out, m.start())):
            indicator = outer  # 生产总值120亿元（甲业1亿元，乙业2亿元），|增长1.8%: the whole grew, not the last part
        elif change and out and out[-1].start >= clause and not _UNMARKED_ITEM.fullmatch(
                text, out[-1].end, opening + change.start()):
            indicator = out[-1].indicator  # 警情3418宗同比下降3.8%: the change of the count just given
        elif not change and (share := _OF_PLAN.search(words)):  # 工业投入完成年计划的125%: a share of the plan
            done = _indicator(words[: share.start()]) or _indicator_of_previous(out, text, clause)
            indicator = done + share.group(1) if done else ""
        else:
            indicator = _indicator(_REACHED.sub("", words[: change.start()] if change else words))
            if change and indicator in _NAMED_BY_GROWTH and "增长" in change.group():
                indicator += "增长"
            elif indicator.endswith("就业") and words.rstrip().endswith("新增" + indicator):
                indicator = "新增" + indicator  # the statistic's name: the jobs added (新增就业, 新增城镇就业)
        if (counts and not (respective or after or change) and out and out[-1].unit == unit
                and value <= out[-1].value and _sentence_start(text, m.start()) <= out[-1].start
                and (acted := _acts_only(words)) and (thing := _object_of(out[-1].indicator))):
            indicator = acted + thing  # 受理隐患事项2286件，|办结|2161件: done to some of the things just counted
        # 增长6%以上、|力争达到|6.5%: the stretch target of the figure just given, of its indicator and kind
        stretched = out[-1] if not indicator and out and _STRETCH.fullmatch(words) and (
            text[out[-1].end : opening] in ("", "、")) else None
        if stretched:
            indicator = stretched.indicator
        elif not indicator and not words.strip() and out and text[out[-1].end : opening] in ("", "、"):
            indicator = out[-1].indicator  # 9家企业申领补贴|1.2亿元, 突破300亿元、|达到312亿元: of the one just given
        elif not indicator and change:
            indicator = _indicator_of_previous(out, text, clause)
        elif _INVESTED.fullmatch(indicator) and (counted := _counted_before(text, out, m.start())):
            indicator = counted + indicator  # 实施项目86个，|总投资|8.59亿元: the investment in the projects counted
        elif not (respective or after) and (bare := (_BARE_MEASURE if not indicator else _SHORT_MEASURE).fullmatch(
                indicator or _REACHED.sub("", words).strip())):  # 调解率, 出动人数: of what was just named
            measured = "" if _WHOLE.match(words.strip()) else _of_what(text, out, clause)  # 全乡|总面积: its own
            if measured and not _two_measures(measured, bare.group()):
                indicator = _joined(measured, bare.group())
        elif not indicator and _ACTION_END.fullmatch(words.strip()):
            indicator = _told_before(text, clause)  # 甲业全面加速，|完成11亿元: what the clause before told of
        if indicator and not respective and (told := _indicator_of_previous(out, text, clause)):
            indicator = (indicator + told if _VARIANT.fullmatch(indicator)
                         else told + indicator + "比重" if _SHARE.fullmatch(indicator)  # …616万吨、|占全国92.8%
                         else _of_firms(told, indicator) if told.endswith("企业") and re.fullmatch(_OUTPUT, indicator)
                         else _continued(told, indicator))
        if _COMPARED.match(words.strip()) and (compared := _indicator_of_previous(out, text, clause)):
            indicator = compared + ("增速" if out[-1].kind == "change" else "") + indicator  # 增长6%、|高于全国
        subject = None
        if indicator and names and (named := _named_subject(text, names, start, m.start(), indicator)):
            subject, indicator = named
        sentence = _sentence_start(text, m.start())
        if not indicator and (topic := _TOPIC.search(text, sentence, m.start())):
            indicator = topic.group(1)  # 在工业总产值方面：2028年比2027年增长6%: the topic named before the colon
        if not indicator:
            continue
        if not (respective or after or change) and (measure := _measure_of_whole(text, out, m.start(), unit)) and (
                not _MEASURED.search(indicator)):
            indicator += measure  # 粮食播种面积8万亩，其中水稻|7万亩: the part's 播种面积
        idx, year, mode = time_of(text, sections, m.start(), m.end())
        year = year if year is not None else _year_named(text, sections, idx, m.start())
        base = _base_of(text, sentence, clause, m.start())
        if year is not None:
            year, mode = _year_told(text, sentence, clause, base, year, mode)
        later = (ahead := _horizon(text, sentence, m.start())) is not None and (year is None or ahead > year)
        if later:  # 到2030年|…达到600亿元: the number holds for the year aimed at, and is aimed at even in a review
            year = ahead
        aimed = any(text[c.end() : c.end() + 1] not in "”\"" and not _PLAN_SHARED.search(text, sentence, c.start())
                    for c in _TARGET.finditer(text, sentence, m.start()))  # not “…计划”, not 占全年目标
        stated = _stated_target(text, sentence, m.start()) or _FUTURE.search(text, clause, m.start()) or (
            _STRIVE.search(text, clause, m.start())) or (
            _AFTER_DONE.search(text, sentence, m.start()))
        if stated and year is not None and (aimed_at := _STATED_YEAR.search(text, sentence, stated.start())) and (
                int(aimed_at.group(1)) == year + 1):
            year = year + 1  # …，2021年全区的主要预期目标是…: a review states the next year's targets
        kind = stretched.kind if stretched else "change" if changed or unit in ("个百分点", "百分点") else (
            "count" if counts and not _stock(words, m.group("before")) else "level")
        bound = (_BOUND_AFTER.get(m.group("after") or "") or _BOUND_BEFORE.get(m.group("before") or "")
                 or ("≥" if m.group("loose") or m.group("loose2") else "="))
        high = _number(m.group("high")) if m.group("high") else None
        period = _PERIOD.search(text, sentence, m.start()) or _years_ago(base, year) or (
            # 这五年…。|2029年，…增长7%, 2029年的计划，…。…增长7%: that year's own
            None if _year_opened(text, sentence, opened) else _span_of_years(text, sections, idx, m.start(), spans))
        out.append(Quantity(
            indicator=indicator, value=value, unit=unit, kind=kind, bound=bound,
            start=start, end=end, year=year,
            mode="target" if mode == Mode.PLAN or stated or later or (mode == Mode.OTHER and aimed) else "result",
            high=high, subject=subject,
            falls=stretched.falls if stretched else kind == "change" and bool(_FALLS.search(changed)),
            period=period if isinstance(period, str) else period.group() if period else None, section=idx))
    return out


_LIST_MARKS = frozenset("、，,和及与并或等")


def _named_subject(text: str, names: Sequence[tuple[int, int]], start: int, pos: int,
                   indicator: str) -> tuple[str, str] | None:
    """An entity named in an indicator, before what is counted (甲公司|完成投资, 甲园区|入驻企业): the
    subject, and the indicator after it."""
    for a, b in reversed(names[bisect_left(names, (start, start)) : bisect_left(names, (pos, pos))]):
        name = text[a:b]
        at = indicator.rfind(name)
        rest = indicator[at + len(name):].lstrip("的已") if at >= 0 else ""
        listed = rest[:1] in _LIST_MARKS or indicator[at - 1 : at] in _LIST_MARKS  # 甲路、乙港|10万吨
        if len(rest) >= 2 and not listed:  # an item of a list is no subject: the figure is of them all
            return name, rest
    return None


def _before_brackets(text: str, found: list[Quantity], pos: int) -> str:
    """The indicator of the quantity right before a bracketed breakdown that closes just before the
    change at `pos` (甲120亿元（乙1亿元，丙2亿元），增长1.8%); "" when no bracket closes there."""
    lo = max(0, pos - 8)  # the bracket closes right before the change's words
    close = max(text.rfind("）", lo, pos), text.rfind(")", lo, pos))
    if close < 0 or not re.fullmatch(r"[，,]?[^，,；;。\d]{0,6}", text[close + 1 : pos]):
        return ""
    lo = max(0, close - 200)
    open_ = max(text.rfind("（", lo, close), text.rfind("(", lo, close))
    inside = [q for q in found if open_ < q.start < close]
    before = [q for q in found if q.end <= open_ and open_ - q.end <= 2]
    return before[-1].indicator if inside and before else ""


def _unit_of(text: str, m: re.Match[str], value: float) -> tuple[float, str, bool] | None:
    """The amount and unit of a match and whether it counts things; None when it is no quantity. A
    share in tenths (占全国三成) is a percentage; 万 or 亿 with no unit is money after a word for
    money (总金额399万，) and a count before a noun (1.2万农民, in 人 for people), else nothing."""
    raw, mag = m.group("unit").lstrip(" \u3000"), m.group("mag") or ""  # 77.53 %: a PDF's blank
    if m.group("pct"):
        return (value, "%", False) if not mag else None  # 百分之六; 百分之百万 is no share
    clause = text[_clause_before(text, m.start()) : m.start()]
    if raw == "成":
        return (value * 10, "%", False) if "占" in clause else None  # not 建成, 完成
    if raw:
        unit = mag + _UNIT_FORMS.get(raw, raw)
        return value, _UNIT_FORMS.get(unit, unit), raw in _COUNT_UNITS  # 33.3千|米 is 33.3公里
    if _MONEY.search(clause):
        return value, mag + "元", False
    if mag and _POPULATION.search(clause):
        return value, mag, False  # 人口7.9万: a population in 万, as written
    end = m.end()  # 分别达1409万、1305万人次: the unit written once, after the last figure
    while text[end : end + 1] == "、" and (then := _QUANTITY.match(text, end + 1)) and then.group("mag") == mag:
        if unit := then.group("unit"):
            return value, mag + _UNIT_FORMS.get(unit, unit), unit in _COUNT_UNITS
        end = then.end()
    if not m.group("value")[0].isdigit() or not _WORD.match(text, m.end()):
        return None  # 百万人口 is a name, 345亿度、 a unit not known
    noun = _COUNTED_NOUN.match(text, m.end())
    return (value, mag + ("人" if _PEOPLE.search(noun.group()) else "个"), True) if noun else None


def _list_start(text: str, clause: int, pos: int) -> int:
    """Where the list that a clause opened by 、 ends starts, when no item of it has a number of its
    own: the number after the list counts all its items (开展甲活动、乙课程|不少于15场)."""
    start = clause
    if re.search(r"[均各双]", text[max(clause, pos - 4) : pos]) or _LEADING.match(text[clause:pos]):
        return clause  # 甲、乙均超200项, 甲率、乙率双100%: each item has the number; 巩固…、全面推进…: clauses
    sentence = _sentence_start(text, clause)
    while text[start - 1 : start] == "、" and text.count("“", sentence, start) <= text.count("”", sentence, start):
        item = _clause_before(text, start - 1)  # (a 、 inside quotes belongs to a name: “学、做、改”活动)
        if start - 1 - item > 20 or re.search(rf"[\d{_CN}]", text[item : start - 1]):
            break  # an item with a number of its own
        opened = _LEADING.match(text[item : start - 1])
        start = item
        if opened:
            break  # 开展甲、乙: the action before the first item opens the list
    return start


def _after_examples(text: str, opening: int, pos: int) -> int:
    """Where the words before text[pos] start once a list's examples are left out: in words that
    hold a list (or follow one's 、), what comes after 等 (甲、乙等|各类补贴) names what is counted."""
    if text[opening - 1 : opening] != "、" and "、" not in text[opening:pos]:
        return opening
    at = max((e.end() for e in _EXAMPLES_END.finditer(text, opening, pos)), default=opening)
    return at


def _action_before(text: str, pos: int) -> str:
    """The last action in the clause before text[pos] that comes before any list of examples in it
    (招引|甲、乙等8家企业), or nothing."""
    lo = _after_last(text, pos, "，,；;。：:！？!?\n")
    hi = text.find("、", lo, pos)
    actions = list(re.finditer(_ACTIONS, text[lo : hi if hi >= 0 else pos]))
    return actions[-1].group() if actions else ""


def _run_end(text: str, pos: int) -> int:
    """Where a run of counts sharing the noun after its last one ends (3类、12项、40条|清单)."""
    run = _COUNT_RUN.match(text, pos)
    return run.end() if run else pos


def _after_previous(text: str, found: list[Quantity], clause: int, pos: int) -> int:
    """Where the words before text[pos] start: at its clause, or after a quantity found earlier in it
    and the 和 that joins the two (甲40项和|乙191项, 5座驿站和|8座公厕)."""
    if not found or not clause <= found[-1].end <= pos:
        return clause
    joined = re.match(r"[和及与并]?", text[found[-1].end : pos])
    return found[-1].end + (joined.end() if joined else 0)


def _span_of_years(text: str, sections: list[Section], idx: int | None, pos: int,
                   known: dict[int, str | None]) -> str | None:
    """A paragraph or section that reviews several years (这五年，…; 二、“十四五”时期工作回顾):
    its figures are totals of those years, not of the section's last one. The last paragraph of
    the section that opens with a time decides (过去五年，… then 刚刚过去的2025年，…), else its heading.
    `known` keeps the answer for each paragraph walked, so a document's figures walk back once."""
    lo = sections[idx].start if idx is not None else 0
    lo = max(lo, text.find("\n", lo, pos) + 1) if idx is not None else lo  # the heading is not a paragraph
    end, walked = pos, list[int]()
    while True:  # to the section's first paragraph: each is walked once a document (see `known`)
        paragraph = max(text.rfind("\n", lo, end) + 1, lo)
        if paragraph in known:
            return _remember(known, walked, known[paragraph])
        if pos >= paragraph + 20:  # the opening read whole: the answer holds for the paragraph
            walked.append(paragraph)
        opening = _ADDRESS.sub("", text[paragraph : min(pos, paragraph + 20)])[:14]
        if found := _YEARS_SPAN.search(opening):
            return _remember(known, walked, found.group())
        if _ONE_YEAR.search(opening):
            return _remember(known, walked, None)
        if paragraph <= lo:
            break
        end = paragraph - 1
    if idx is not None and not re.search(rf"{YEAR_DIGITS}年", sections[idx].title):
        found = _YEARS_SPAN.search(sections[idx].title)  # 2025年和“十四五”时期: the year's figures come first
        return _remember(known, walked, found.group() if found else None)
    return _remember(known, walked, None)


def _remember(known: dict[int, str | None], paragraphs: list[int], span: str | None) -> str | None:
    known.update(dict.fromkeys(paragraphs, span))
    return span


def _horizon(text: str, sentence: int, pos: int) -> int | None:
    """The year a plan aims the number at: the last 到/至 YYYY年 of its sentence before it, or a
    YYYY年 right before it."""
    aimed = list(_AIMED_YEAR.finditer(text, sentence, pos))
    if aimed:  # …到2030年达到600亿元，今年达到400亿元: the nearer time word decides
        return None if _THIS_YEAR.search(text, aimed[-1].end(), pos) else int(aimed[-1].group(1))
    right = _YEAR_BEFORE.search(text, max(sentence, pos - 12), pos)
    return int(right.group(1)) if right else None


_OPENED_REACH = 6  # sentences back within a paragraph where an opening year still dates a figure


def _year_opened(text: str, sentence: int, known: dict[int, bool], reach: int = _OPENED_REACH) -> bool:
    """Does the figure's sentence, or the last sentence before it in its paragraph that opens on a time
    (a few back at most), open on one year (2029年的计划，…。…增长7%), not on several? `known` keeps the
    answer for each sentence, which the figures after it in the paragraph read again."""
    if sentence not in known:
        if _ONE_YEAR.match(text, sentence):
            known[sentence] = True
        elif _YEARS_SPAN.match(text, sentence) or sentence == 0 or text[sentence - 1] == "\n" or reach <= 1:
            known[sentence] = False
        else:
            known[sentence] = _year_opened(text, _sentence_start(text, sentence - 1), known, reach - 1)
    return known[sentence]


def _base_of(text: str, sentence: int, clause: int, pos: int) -> re.Match[str] | None:
    """The base a change is measured from, where the text names its year: in its clause (比2024年增长),
    else at its sentence's opening (2029年与2024年相比，…)."""
    base = _BASE_YEAR.search(text, clause, pos)
    if base is None and (opening := _GONE_BY.match(text, sentence)):
        base = _BASE_YEAR.match(text, opening.end())
    return base


def _year_told(text: str, sentence: int, clause: int, base: re.Match[str] | None, year: int,
               mode: Mode) -> tuple[int, Mode]:
    """The year a figure holds for, and whether it is done, where its words name another year than its
    section's: a plan's sentence opening on a year gone by tells that year's results (2029年与2024年相比，…),
    a review's clause opening on an earlier year that year's (2028年比2027年增长6%，2029年又比…), and a plan's
    figure measured from the plan's own year (比2030年预计增长5%) is the year after's."""
    if mode == Mode.PLAN and (gone := _GONE_BY.match(text, sentence)) and int(gone.group(1)) < year:
        return int(gone.group(1)), Mode.REVIEW
    if mode == Mode.REVIEW and (gone := _GONE_BY.match(text, clause)) and int(gone.group(1)) < year:
        return int(gone.group(1)), mode
    if mode == Mode.PLAN and base and int(base.group(1)) == year:
        return year + 1, mode
    return year, mode


def _years_ago(base: re.Match[str] | None, year: int | None) -> str | None:
    """The base as written (a change's period) when it lies more than a year before the figure's own
    year (2029年…比2024年增长47%): the change is of several years, not the year's."""
    return base.group() if base and year is not None and int(base.group(1)) < year - 1 else None


def _year_named(text: str, sections: list[Section], idx: int | None, pos: int) -> int | None:
    """The year of a number in a part no heading dates (an excerpt, a report's opening): the year
    its text last named before it (2025年是…。…增长5%), else the one its title names."""
    lo = sections[idx].start if idx is not None else 0
    named = [y for y, _ in years_named(text, lo, pos)]
    if not named and idx is not None:
        named = [y for y, _ in years_named(sections[idx].title)][:1]
    return named[-1] if named else None


def _skip(text: str, m: re.Match[str]) -> bool:
    """A number that is part of a name, a date or a code, not a quantity; or the earlier level of
    a change (从2295元提高到…), which the sentence states only to give the new one."""
    before, after = text[max(0, m.start() - 1) : m.start()], text[m.end() : m.end() + 3]
    value, unit = m.group("value"), m.group("unit")
    if _FROM.search(text, max(0, m.start() - 8), m.start() + 1) and _RAISED_TO.match(text, m.end()):
        return True
    if _NOT_BEFORE.search(before) or _NOT_AFTER.match(after):
        return True
    inside = before == '"' and text.count('"', _sentence_start(text, m.start()), m.start()) % 2 == 1
    if text[m.end() : m.end() + 1] in ("”", '"', "+") or before in ("“", "+") or inside:
        return True  # “13+2”, “1+N”: a formula's numbers
    if value == "一" and (unit and text.startswith(unit, m.end()) or before in ("新", "上", "下", "本")):
        return True  # 一张张, 一个个 (reduplicated), 新一轮, 上一批 (the next, the last): they count nothing
    again = _REPEATS.search(text, max(0, m.start() - 6), m.end())
    if text.startswith("方面", m.end()) or _REPEATED.match(text, m.end()) or (
            again and text.startswith(again.group(1), m.end())):
        return True  # 8个方面: a grouping; 一个村一个村: each one, no count
    bare = set(value) <= set("十百千万亿") and value != "十"  # not 十一
    if bare and not (m.group("before") or m.group("loose") or m.group("loose2")):
        return True  # 亿元以上项目, 百万人口, 惠及万家: a magnitude alone counts one only after 超, 近… (超千亿元)
    if value in ("百", "千", "万") and text[m.end() : m.end() + 1] in ("百", "千", "万"):
        return True  # 千家万户, 百村千企: an idiom of many, no count
    if len(value) > 1 and not set(value) & set("十百千万亿点") and not value[0].isdigit():
        return True  # 六一节能 (a name), 三四家 (a guess): figures in words digit by digit count nothing; 八点四 does
    if unit == "期" and not value[0].isdigit() and (before == "、" or _CJK_CHAR.match(before)):
        return True  # 酒店一期, 一、二期: a works' phase, not a number of sessions (培训班3期)
    if unit == "次" and text.startswith("产业", m.end()):
        return True  # 三次产业结构: the three sectors of the economy
    if m.group() == "一批" or unit in ("小时", "天") and text[m.end() : m.end() + 1] == "内":
        return True  # 一批优质企业 counts nothing; 24小时内 is a time limit
    sized = m.group("after") in ("以上", "以下") or m.group("before") in ("超", "超过") or (
        text[m.start() - 1 : m.start()] == "过")
    if sized and _THRESHOLD_OF.match(text, m.end()):
        return True  # 5亿元以上项目, 超千万元的村: a class of things by size, the count comes after
    if _MADE_BEFORE.search(text, max(0, m.start() - 3), m.start()) and not text.startswith(("量", "值"), m.start() - 1):
        return True  # 年产30万吨|饲料项目: the works' capacity is part of its name
    if unit in _ATTRIBUTE_UNITS and _CJK_CHAR.match(text, m.end()):
        return True  # 3-11岁儿童, 24小时值守, 9兆瓦时储能系统: what the noun after is like, not an amount
    # 两个维护, 一个中心: a catchword counts nothing; 两个未来社区 (a noun of its own) does
    noun = _NOUN_AFTER.match(text, m.end())
    return (value in ("一", "两", "二", "三", "四", "五") and unit != "成" and not m.group("pct")
            and (noun is None or len(noun.group()) < 4))


def _number(s: str) -> float | None:
    """The value of a number written in digits or in words; a bare magnitude counts one of it
    (千亿 is 一千亿, 超万人 ten thousand), which cn2an does not read."""
    s = s.replace(",", "").replace("．", ".")
    if s[:1] in ("十", "百", "千", "万", "亿") and s != "十":
        s = "一" + s
    try:
        return float(s) if s[0].isdigit() else float(cn2an.cn2an(s.replace("两", "二"), "smart"))
    except (ValueError, IndexError):
        return None


def _clause_before(text: str, pos: int) -> int:
    """Where the clause holding text[pos] starts; not inside brackets that close right before it
    (纳统产值(营收)|40亿元)."""
    lo = max(0, pos - _MAX_INDICATOR - 12)
    glossed = _BRACKET_BEFORE.search(text, lo, pos)
    starts = [m.end() for m in _CLAUSE_START.finditer(text, lo, glossed.start() if glossed else pos)]
    return starts[-1] if starts else lo


@lru_cache(maxsize=16)
def _marked(text: str, marks: str) -> list[int]:
    """Where `text` has one of `marks` (single characters), in order: found once per text and kind
    of mark, then bisected for each of its numbers, which ask around them again and again."""
    return [m.start() for m in re.finditer(f"[{re.escape(marks)}]", text)]


def _after_last(text: str, pos: int, marks: str) -> int:
    """Where the text after the last of `marks` before `pos` starts (0 when there is none)."""
    at = _marked(text, marks)
    k = bisect_left(at, pos)
    return at[k - 1] + 1 if k else 0


def _sentence_start(text: str, pos: int) -> int:
    return _after_last(text, pos, "。；;！？!?\n")


def _indicator(words: str) -> str:
    """The indicator a clause's words name: without the verb, aim and time words that open it, the
    earlier level of a change (最低标准|从每人每月2295元|提高到2375元) and what a bracket closed before it."""
    words = _FROM.split(words)[0]
    words = _BRACKET_END.sub("", words)  # 纳统产值(营收)|40亿元: what the brackets gloss is named before them
    if not _GLOSS.search(words):  # 细颗粒物（PM2.5）浓度: a gloss in brackets stays in the name
        parts = re.split(r"[）)]", words)
        after = _LEADING.sub("", _ACTION_END.sub("", parts[-1].strip()))
        words = parts[-1] if len(parts) == 1 or _named(after) else (  # 总收入(不含甲)|预计完成: named before it
            re.sub(r"[（(][^（()）]*$", "", parts[-2]))
    words = _AND_THEN.split(words)[-1]  # 自查自纠并|整改作风问题: the last of the actions joined names it
    words = _after_subject(words).strip()
    inner = list(_INNER_ACTION.finditer(words))
    if inner and words[inner[-1].end():].strip("“”\"的了 ") not in _CLASSES:
        words = words[inner[-1].start():]  # 市宣讲团走进社区|开展政策宣讲: what was done, not who did it
    elif acted := _ACTED_CLASS.search(words):
        words = words[acted.start():]  # 甲街道领导|走访企业: the count is of the visits, not the visitors
    lead = _lead(words)
    name = words[lead.end() if lead else 0:]
    if (after := _after_division(name)) != name:  # 甲镇|全年实现|规上产值: the division is the subject
        name = after[m.end():] if (m := _LEADING.match(after)) else after
    name = name.strip("“”\"的了 ")
    if lead and (action := _LAST_ACTION.search(lead.group()) or _OBTAINED.search(lead.group())) and (
            name in _CLASSES or len(_CLASS_OF.sub("", name)) <= 2 and name != "投资"
            and not _LIGHT_ACTION.fullmatch(action.group().strip())):  # 引进|投资: the money is its own measure
        name = action.group().strip() + name  # 走访企业, 新增耕地: the action says which count it is
    name = _TRAILING.sub("", _ACTION_END.sub("", name))
    name = _INNER_DONE.sub("", _INNER_PERIOD.sub("", _INNER_TOTAL.sub("", name)))
    if (variant := _VARIANT_END.search(name)) and variant.start() >= 2:
        name = variant.group() + name[: variant.start()]  # 甲收入同口径 is 同口径甲收入, as it is written mostly
    name = _NOW_INSIDE.sub("", name)
    return _named(_ALL_YEAR.sub("", _CLASS_OF.sub("", name)))


def _stated_target(text: str, start: int, end: int) -> re.Match[str] | None:
    """The first words between `start` and `end` that state targets (主要预期目标是), unless they say the
    targets were met (顺利完成年初提出的主要目标，…: what follows are the results)."""
    for m in _STATED_TARGET.finditer(text, start, end):
        if not _ACHIEVED.search(text, start, m.start()):
            return m
    return None


def _lead(words: str) -> re.Match[str] | None:
    """The verb, aim and time words that open `words`, short of a word they would cut (全省|新能源汽车:
    新 opens 新能源 here; 其中|建成区面积: 建成 opens a word, while 完成率 is a bare rate)."""
    lead = _LEADING.match(words)
    if lead and (back := _word_start(words, lead.end())) < lead.end() and not re.match(
            _MEASURE_WORD, words[lead.end():]):
        lead = _LEADING.match(words[:back]) if back else None
    return lead


# 实现 (预计, 可) inside the words before what a trade turns out (甲服务业|实现|营业收入): the result's verb.
_INNER_DONE = re.compile(rf"(?<=[\u4e00-\u9fff])(?:预计)?可?实现"
                         rf"(?=(?:{_OUTPUT}|零售额|营业收入|销售额|纯收入|总收入)$)")
# A total's adverb inside the words, before a measure of two characters (规上工业|累计|产值) or the
# money spent (甲园区|累计|完成投资): how it was counted, not what.
_INNER_TOTAL = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:累计|共计)"
                          rf"(?:(?=完成{_INVESTMENT}$)|(?:完成|实现)?(?=[\u4e00-\u9fff]{{2}}$))")
# A period inside the words (甲园区|1-8月|税收, 甲镇|上半年|规上工业产值): the figure's period, not its name.
_INNER_PERIOD = re.compile(rf"(?<=[\u4e00-\u9fff]{{2}})(?:\d{{1,2}}\s*[-—至~]\s*\d{{1,2}}\s*月(?:份)?"
                           rf"|{_PART_OF_YEAR}|{_CUT_OFF})(?=[\u4e00-\u9fff]{{2}})")
# The year's whole inside a name says when, not what (甲公司全年|营收), an estimate how sure (甲业预计|总产值);
# the year's plan is a thing counted.
_ALL_YEAR = re.compile(r"(?<=.)(?:全年|年内|预计)(?!计划|任务|目标|度)")
# Who set the year's figure, before the year that opens its words (中央提出今年|经济增长): no part of it;
# unless the year is followed by what will be done (零售额今年将…: the words before it name the figure).
_NOW_INSIDE = re.compile(r"^.{2,}?(?:今年|明年|本年度?)(?![将要再已共计预])(?=[\u4e00-\u9fff]{2})")
_DIVISION_END = re.compile(r"街道|镇|乡|县|市|区|旗")


# What a whole's indicator measures, when it ends the name (粮食|播种面积, 工业|总产值).
_MEASURED = re.compile(rf"(?:{_MEASURE_WORD}|{_OUTPUT}|总值|收入|总产|人口|投资|规模|量|额)$")
_PARTS = re.compile(r"其中")


def _measure_of_whole(text: str, found: list[Quantity], pos: int, unit: str) -> str:
    """The measure a part named after 其中 shares with its whole (粮食播种面积8万亩，其中水稻7万亩，
    大豆1万亩): the whole's indicator without its first word, when the whole, in the same unit and
    sentence, ends with a measure."""
    sentence = _sentence_start(text, pos)
    parts = [m.start() for m in _PARTS.finditer(text, sentence, pos)]
    if not parts:
        return ""
    whole = next((q for q in reversed(found) if q.end <= parts[-1] and q.start >= sentence), None)
    if whole is None or whole.unit.lstrip(_MAGNITUDES) != unit.lstrip(_MAGNITUDES) or not _MEASURED.search(
            whole.indicator):  # 8.8万亩 and 2700亩 are both areas
        return ""
    words = cut(whole.indicator)
    return "".join(words[1:]) if len(words) > 1 else ""


def _word_start(words: str, at: int) -> int:
    """`at`, or the start of the word `at` falls inside of (jieba's words of `words`)."""
    start = 0
    for w in cut(words):
        if start + len(w) > at:
            return start
        start += len(w)
    return at


def _after_division(words: str) -> str:
    """The words after the division that opens them (甲镇|规上产值): the division is the subject."""
    for m in _DIVISION_END.finditer(words, 2, 10):
        if len(words) - m.end() >= 2 and Gazetteer.load().is_known(head := words[: m.end()]) and (
                not vocabulary.is_common(head)):  # 工业园区, 开发区 are kinds of place
            return words[m.end() :]
    return words


def _acts_only(words: str) -> str:
    """The words before a count when they are only an action (办结, 成功化解): what was done, with no
    word for what it was done to."""
    words = re.sub(r"^(?:累计|共计|共|全部)", "", _REACHED.sub("", words).strip())  # 全部|办结: how many, not how
    tagged = jieba.posseg.lcut(words) if 2 <= len(words) <= 6 else []
    return words if tagged and all(w.flag in _DONE_TAGS for w in tagged) and tagged[-1].flag in ("v", "vn") else ""


def _object_of(indicator: str) -> str:
    """What an indicator counts, without the action that opens it (受理|隐患事项, 介入调处|劳资纠纷隐患)."""
    words = jieba.posseg.lcut(indicator)
    k = next((i for i, w in enumerate(words) if w.flag not in ("v", "vn")), len(words))
    thing = "".join(w.word for w in words[k:])
    return thing if len(thing) >= 2 else ""


def _after_subject(words: str) -> str:
    """The words after who did it: a total's adverb or 完成 inside the words ends the subject
    (甲河长累计|巡河次数, 首日共完成|儿童接种) when at least a word of three characters follows."""
    cuts = [c.end() - len("完成") if c.group().endswith("完成") and _INVESTED.fullmatch(words[c.end():]) else c.end()
            for c in _SUBJECT_END.finditer(words) if len(words) - c.end() >= 3]  # 甲镇|完成年度投资 keeps 完成
    return words[cuts[-1]:] if cuts else words


def _named(name: str) -> str:
    """`name` if it can name an indicator: not a generic word, at most _MAX_INDICATOR characters
    (the last ones: a long clause ends with what it counts), with Chinese in it or an abbreviation.
    Quotation marks go: a name is compared without them (新增“瞪羚”企业 is 新增瞪羚企业)."""
    name = _QUOTES.sub("", name)
    if name in _GENERIC:
        return ""
    if len(name) > _MAX_INDICATOR:
        name = name[-_MAX_INDICATOR:]
    return name if len(name) >= 2 and re.search(r"[\u4e00-\u9fff]", name) or _ABBREVIATION.fullmatch(name) else ""


def _counted(noun: str, words: str) -> str:
    """The indicator of a count before its noun: the noun as written (整治措施 keeps its verb-like
    first word), and a noun of one word takes the words that qualify it before the number
    (推动甲产业发展|10条|措施 → 甲产业发展措施) unless they end with the action or list that gave the
    count (解决|75家|企业, 甲、乙等|8家|企业)."""
    name = _TRAILING_VERB.sub("", noun.rstrip("、和及与")).strip("“”\"的 ")
    if len(norm := re.sub(r"[“”\"]", "", name)) <= 2 and not _ACTED.search(words) and (qualifier := _indicator(words)):
        return _named(qualifier + norm)
    return _named(name)


# Words that name two things at once, each of which a number of a pair is (城乡居民收入分别增长4%、6%).
_PAIRS = {"城乡": ("城镇", "农村"), "存贷款": ("存款", "贷款")}
_PAIRED = re.compile("|".join(_PAIRS))
_AMOUNT = re.compile(rf"{_NUMBER}\s*[万亿]?(?:{_UNIT})")


def _respective_items(text: str, pos: int) -> list[str]:
    """The indicators listed before 分别 (or before as many numbers) in the clause holding text[pos],
    in order (其中|一、二… without its opening words); an item of a
    word or less, or one parallel to the last item's start, takes the rest of the last item
    (城镇、农村居民人均可支配收入 → 城镇居民人均可支配收入, 一、二、三产业增加值 → 一产业增加值,
    甲镇居民、乙镇居民人均收入 → 甲镇居民人均收入)."""
    lo = _after_last(text, pos, "，,；;。：:！？!?\n")
    head, said, tail = text[lo:pos].rpartition("分别")
    head = _AMOUNT.split(head)[-1]  # 甲增长2.8%乙、丙分别…: a flattened table's last item only
    listed = _numbers_listed(text, pos)  # 甲、乙完成90%、20%: one number for each item
    if (said and len(tail) > 4) or (not said and listed < 2):
        return []
    words = head if said else _CHANGE.sub("", tail)  # 甲率和乙率同比提升|7%和8%: each rate's change
    # 甲和乙业、丙业增加值分别…: split at 、 alone where that gives as many items as numbers
    splits = [[i[lead.end():] if (lead := _lead(i)) else i for i in re.split(marks, words) if i]
              for marks in ("、", r"[、和及与]")]
    items = _with_head(next((s for s in splits if len(s) == listed >= 2), splits[1]))
    if len(items) == 1 and listed == 2 and (pair := _PAIRED.search(items[0])):
        items = [items[0][: pair.start()] + part + items[0][pair.end():] for part in _PAIRS[pair.group()]]
    if not said and len(items) != listed:
        return []
    if items and re.match(rf"第[{_ORDINALS}]", items[0]):  # 第一、二产业: each item is 第 its number
        items = [items[0], *("第" + i if i[:1] in _ORDINALS else i for i in items[1:])]
    last = items[-1] if items else ""
    named = [_indicator(_with_tail(i, last)) for i in items]
    return named if len(named) >= 2 and all(named) else []


def _respectively_of(text: str, found: list[Quantity], pos: int) -> list[str]:
    """The indicators of the quantities of the clause before, when 分别 opens the clause holding
    text[pos] and lists as many numbers (甲4.16亿人次、乙936万人次，|分别增长6.7%、39%)."""
    lo = _after_last(text, pos, "，,；;。：:！？!?\n")
    opens = re.fullmatch(r"(?:同比)?(?:分别(?:比|较)?(?:(?:19|20)\d\d年)?[^\d，,；;。]{0,6}|(?:增长|下降|提高|增加))",
                         text[lo:pos])  # …元，|同比分别增长4%、5%; …元、…元，|增长5%、6%
    if not opens or lo < 1 or text[lo - 1] not in "，,":
        return []
    before = _after_last(text, lo - 1, "，,；;。：:！？!?\n")
    listed = _numbers_listed(text, pos)
    told = [q.indicator for q in found if before <= q.start and q.end < lo]
    if len(told) < listed:  # 甲收入4万元，乙收入2万元，|同比分别增长4%、6%: one clause each
        told = [q.indicator for q in found if _sentence_start(text, lo) <= q.start and q.end < lo][-listed:]
    if told and (share := _SHARE.search(opens.group())):  # 甲120亿元、乙80亿元，分别占全市30%、20%
        told = [t + share.group() + "比重" for t in told]
    if not told and not re.search(rf"[\d{_CN}]", text[before : lo - 1]):  # 编制甲、乙项目清单，|分别计划投资…
        items = [_LEADING.sub("", i) for i in text[before : lo - 1].split("、")]
        items[-1] = _LIST_NOUN.sub("", items[-1])
        measure = _CHANGE.sub("", _REACHED.sub("", opens.group()[2:]))
        told = [_named(i + measure) for i in items]
    return told if len(told) == listed >= 2 and all(told) else []


_LIST_GAP = re.compile(r"\s*[、和]\s*")  # 33840元 、11821元: a blank around the mark, as pages have it


def _numbers_listed(text: str, pos: int) -> int:
    """How many quantities run from text[pos] joined by 、 or 和 (90%、20%; 4%左右和6%左右)."""
    count = 0
    while m := _QUANTITY.match(text, pos):
        count += 1
        if (gap := _LIST_GAP.match(text, m.end())) is None:
            break
        pos = gap.end()
    return count


def _counted_before(text: str, found: list[Quantity], pos: int) -> str:
    """The indicator of the last count in the sentence before `pos` (甲项目8个), if any, and if it counts
    things: money is invested in works and firms, never in the people just counted (引进人才30名)."""
    sentence = _sentence_start(text, pos)
    last = next((q for q in reversed(found) if q.start >= sentence and q.kind == "count"), None)
    return "" if last is None or last.unit in _PERSONS or _PEOPLE.search(last.indicator) else last.indicator


def _of_what(text: str, found: list[Quantity], clause: int) -> str:
    """What a bare measure (完成率, 服务人次, 总量) measures: the indicator of the quantity just
    before it in its sentence (办理甲许可2123家，|完成率97%), else what the clause before names
    (开展甲运动，|累计出动人数…)."""
    if named := _indicator_of_previous(found, text, clause):
        return named
    sentence = _sentence_start(text, clause)
    if clause - 1 <= sentence:
        return ""
    return _indicator(text[max(_clause_before(text, clause - 1), sentence) : clause - 1])


def _with_head(items: list[str]) -> list[str]:
    """A list of measures whose first item alone names what they measure (甲事故起数、死亡人数、
    财产损失): the later items take its head, the first item without its last word."""
    if len(items) < 2 or not all(_LISTED_MEASURE.fullmatch(i) for i in items[1:]):
        return items
    head = "".join(jieba.lcut(items[0])[:-1])
    if len(head) < 2:
        return items
    return items[:1] + [head + i for i in items[1:]]


def _told_before(text: str, clause: int) -> str:
    """The subject of the clause before `clause` in its sentence, when it holds no number: its words
    up to the first adverb, else verb (道路改造|全面提速), which a bare 完成 or 实现 goes on about."""
    if clause - 1 <= _sentence_start(text, clause):
        return ""
    before = text[_clause_before(text, clause - 1) : clause - 1]
    if re.search(rf"[\d{_CN}]", before):
        return ""
    words = jieba.posseg.lcut(before)
    adverb = next((i for i, w in enumerate(words) if w.flag in _ADVERB_TAGS or _ADVERB.fullmatch(w.word)), None)
    cut = adverb if adverb is not None else next((i for i, w in enumerate(words) if w.flag in _VERB_TAGS), 0)
    return _indicator("".join(w.word for w in words[:cut]))


def _two_measures(measured: str, measure: str) -> bool:
    """Is a measure that names what it measures (零售总额, 播种面积) listed after another measure (工业产值
    12亿元、|零售总额…), a statistic of its own rather than a measure of the one before?"""
    return bool(_AMOUNT_END.search(measured) and (m := _MEASURE_END.search(measure)) and m.start() >= 2
                and not _HOW_DONE.match(measure))


def _joined(measured: str, measure: str) -> str:
    """The indicator of a bare measure: what it measures, then the measure, written once where
    the two overlap (开展土地复绿 + 复绿面积 → 土地复绿面积)."""
    return _named(measured + measure[_overlap(measured, measure):])


def _continued(told: str, indicator: str) -> str:
    """An indicator that starts with the words the one just told ends with and adds a word to them
    goes on from it (组织甲组学习43次，学习主题50项 → 甲组学习主题)."""
    overlap = _overlap(told, indicator)
    if not overlap or len(indicator) - overlap > 3 or has_cue(indicator[overlap:]):
        return indicator  # 问题整改22条，整改作风问题15个: a new thing, not a word more; 项目|竣工: a step
    return _named(told + indicator[overlap:]) or indicator


def _of_firms(firms: str, measure: str) -> str:
    """A measure of the firms just counted (规上工业企业达7.6万家、|增加值增长3%): industry's own
    statistic is named without 企业 (规模以上工业增加值), other firms' with it (高新技术企业营业收入)."""
    return (firms[:-2] if firms.endswith("工业企业") else firms) + measure


def _overlap(first: str, then: str) -> int:
    """How many characters, two or more, `first` ends with that `then` starts with (short of all of `then`)."""
    return next((k for k in range(min(len(first), len(then)) - 1, 1, -1) if first.endswith(then[:k])), 0)


def _with_tail(item: str, last: str) -> str:
    """A list item with the tail the last item gives them all, where it stops short of it: it is a
    word or less, or it ends as the last item's start of its length does (甲镇居民 | 乙镇居民人均收入),
    or its last character comes early in the last item (对东盟 | 欧盟进出口 → 对东盟进出口); else
    the measure the last item ends with (信息传输、租赁业增加值 → 信息传输增加值). Numbered items
    take what follows the last one's number (第一、二、三产业 → 第一产业)."""
    if item and item[-1] in _ORDINALS and last[:1] in _ORDINALS and len(last) > 2:
        return item + last[1:]
    at = last.find(item[-1], 0, len(item) + 1) if item else -1
    if at >= 0 and len(last) - at > 2:
        return item + last[at + 1:]  # 工业 | 制造业投资 → 工业投资
    if len(last) - len(item) > 2 and (len(item) <= 2 or item[-1] == last[len(item) - 1]):
        return item + last[len(item):]
    measure = _LIST_MEASURE.search(last)
    return item + measure.group() if measure and item != last and not _LIST_MEASURE.search(item) else item


def _indicator_of_previous(found: list[Quantity], text: str, clause: int) -> str:
    """同比增长16.31% after 实现产值1044.93亿元 (、居全国前列、增长4.8%): the change is of the
    amount just named in the same sentence."""
    if found and 0 <= clause - found[-1].end <= _MAX_INDICATOR and _sentence_start(text, clause) <= found[-1].start:
        return found[-1].indicator
    return ""
