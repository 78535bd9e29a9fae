"""Generic word lists the extractor relies on: suffixes that carry a type, words that end a
name when walking left, class nouns that are not names. Nothing here names a real project,
company or programme; everything is vocabulary of Chinese administrative writing."""

from __future__ import annotations

import re

from kg.model import EntityType

LEVEL_COMMITTEES = ("市委", "区委", "县委", "省委", "镇委")
COMMITTEES = frozenset({*LEVEL_COMMITTEES, "党委", "党工委"})
GOVERNMENTS = ("人民政府", "政府", "办事处")  # a division's own government: 甲镇人民政府
# Trades that close a company's name when it drops 有限公司 (甲乙光电, 丙丁科技).
TRADE_SUFFIXES = ("科技", "电子", "光电", "激光", "眼科", "精密", "实业", "控股", "股份", "药业",
                  "制药", "医药", "食品", "置业", "地产", "电气", "电器", "机械", "新材料", "新能源", "通信", "传媒",
                  "软件", "铜业", "钢铁", "化工", "纺织", "服饰", "塑业", "膜业", "陶瓷", "建材", "包装", "印务",
                  "农场", "牧业", "眼镜", "电梯", "物流", "零部件", "汽配", "用品", "米业", "饲料", "油脂")
# Organizations that may open a longer name and still be named on their own (福海商会|2.0改革); a
# company's trade (美生云谷科技|产业园) or a centre (甲分中心|妇儿之家) does not.
NOT_NESTED = (*TRADE_SUFFIXES, "中心")
ROAD_SUFFIXES = ("路", "大道", "街", "巷")
# (suffix, type), longest first so that 产业园 wins over 园 and 党工委 over 委.
_SUFFIXES: dict[EntityType, tuple[str, ...]] = {
    EntityType.DISTRICT: ("街道", "社区", "镇", "乡", "村", "县", "市", "区", "省", "自治州", "特别行政区",
                 "苏木", "嘎查", "旗"),  # Inner Mongolia's township, village and county
    EntityType.PROJECT: (
        "新建工程", "改造工程", "改建工程", "扩建工程", "改扩建工程", "入户工程", "建设工程", "提升工程",
        "整治工程", "治理工程", "项目", "产业园", "工业园", "科技园", "创新园", "物流园", "产业园区", "工业园区",
        "新城", "合作区", "示范区", "开发区", "片区", "板块", "区块", "团块", "公园", "大道", "路", "街", "桥", "天桥",
        "地块", "工业区", "总部基地", "产业基地", "制造基地", "商圈", "街区", "综合体", "广场", "隧道", "铁路",
        "号线", "码头", "小区", "花园", "厂", "创新港", "信息港", "展厅", "体育公园", "文体中心", "体育中心",
        "消防站", "小学", "中学", "幼儿园", "九年一贯制学校", "村史馆", "博物馆", "图书馆", "医院",
        "卫生服务中心", "购物中心", "商业中心", "养老院", "驿站", "水库", "河", "湖", "基地", "工坊", "门户区",
        "石场", "苑", "泵站",
        "号站", "书院", "走廊", "创新城", "科技城", "大厦", "市场", "高铁", "高速", "立交", "国道", "省道",
        "一期", "二期", "三期", "四期", "五期", "快线", "干线", "支线", "环线", "外环", "内环", "南延", "北延",
        "东延", "西延", "延伸段", "雅居", "山庄", "新村",
        "庭院", "家园", "服务区", "上盖", "纪念馆", "航站楼", "综合楼", "大楼", "停车场", "碧道", "路网",
        "绿道", "管网", "电站", "园", "公寓", "变电站", "污水处理厂", "学校", "校区", "体育馆", "文化馆", "美术馆",
        "安置房", "安置小区", "安置点", "集中居住区", "快速路", "步行街", "商业街", "古镇", "景区", "度假区", "互通",
        "厂房", "还建房", "客运站", "汽车站", "火车站", "高铁站",
        "集聚区", "商务区", "起步区", "泵闸", "水闸", "海塘", "大桥", "加油站", "智谷", "生产线", "会客厅",
        "硬化", "除险加固", "提升改造", "改造提升", "城市更新", "更新单元", "保障房", "安置楼", "慢道",
        "纪念碑", "文化宫", "渠", "堰", "坝", "电排站", "排涝站", "提灌站", "小镇", "通道", "步道", "栈道",
        "扩建", "迁建", "技改", "风电场", "安置区", "旅游区", "风景区", "输变电工程", "实验室", "风电", "光伏",
        "车间", "大棚", "机场", "科学城", "扩容", "发电", "处理站", "延线", "公路", "管道",
        "养殖场", "农场", "牧场", "鸡场", "猪场", "煤矿", "商城", "高中", "办公楼", "教学楼", "示范点",
    ),
    EntityType.ORGANIZATION: (
        "有限公司", "公司", "集团", "协会", "商会", "联合会", "联谊会", "促进会", "委员会", "党工委", "党委",
        "党支部", "纪委", "监委", "总工会", "工会", "局", "办公室", "大学", "学院", "研究院", "研究所", "银行",
        "基金", "法院", "检察院", "派出所", "中心", "部", "厅", "办", "联盟", "酒店", "党校", "院", "委",
        "工商联", "侨联", "妇联", "团委", "之家", "合作社", "事务所", "研究会", "基金会", "俱乐部",
        "人民政府", "政府", "办事处", "服务队", "志愿队", "常委会", "管委会",
        "卫生院", "支行", "分行", "信用社", "出版社", "报社", "电视台", "日报", "晚报", "新闻网", "领导小组", "分馆",
        "科协", "残联", "文联", "社科联", "红十字会", "农科院",
        *TRADE_SUFFIXES,
    ),
    EntityType.PROGRAM: (
        "行动", "计划", "活动", "模式", "机制", "战略", "试点", "专项", "革命", "运动", "改革", "工程",
        "攻坚战", "保卫战", "工作法", "品牌", "体系", "课堂", "专项斗争", "长制", "学习教育", "主题教育",
        "教育实践活动",
        # recurring event series
        "文化节", "旅游节", "艺术节", "音乐节", "美食节", "读书节", "体育节", "大赛", "联赛", "运动会", "马拉松",
    ),
}
SUFFIX_TYPES: list[tuple[str, EntityType]] = sorted(
    ((s, t) for t, ss in _SUFFIXES.items() for s in ss), key=lambda st: -len(st[0])
)
ALL_SUFFIXES: tuple[str, ...] = tuple(s for s, _ in SUFFIX_TYPES)
SUFFIX_LAST = frozenset(s[-1] for s in ALL_SUFFIXES)  # a cheap first test before `endswith(ALL_SUFFIXES)`
SUFFIX_TYPE = dict(SUFFIX_TYPES)  # each suffix carries one type
# For each last character, the lengths of the suffixes ending in it, longest first: a name is
# tested only against those (most end in a character only one or two suffix lengths do).
_LENGTHS_BY_LAST = {last: sorted({len(s) for s in ALL_SUFFIXES if s[-1] == last}, reverse=True)
                    for last in SUFFIX_LAST}
ORG_SUFFIXES = frozenset(_SUFFIXES[EntityType.ORGANIZATION])
ORG_SUFFIX_LENGTHS = sorted({len(s) for s in ORG_SUFFIXES})


def suffix_of(name: str) -> tuple[str, EntityType] | None:
    """The longest type-bearing suffix `name` ends with, and its type."""
    for n in _LENGTHS_BY_LAST.get(name[-1:], ()):
        if len(name) >= n and (typ := SUFFIX_TYPE.get(name[-n:])):
            return name[-n:], typ
    return None
WORKS = ("工程", "项目")  # works on a named thing: 甲学校|改扩建工程 keeps the school in its name
DISTRICT_SUFFIXES = _SUFFIXES[EntityType.DISTRICT]

# The part before a suffix must be at least this long to be a name (路 alone is not one).
MIN_HEAD = {"院": 2, "委": 2, "园": 2, "园区": 2, "小区": 2, "市场": 2,
            "路": 2, "街": 2, "桥": 2, "区": 2, "市": 2, "县": 2, "村": 2, "镇": 2, "乡": 2, "部": 2,
            "办": 2, "局": 2, "厂": 2, "河": 2, "湖": 2, "中心": 2, "计划": 2, "工程": 2, "项目": 2}

# Schools, hospitals, parks: a Project when being built, an Organization when acting.
FACILITY_SUFFIXES = ("小学", "中学", "学校", "医院", "幼儿园", "馆")
# Venues that an institution runs or a project builds (艺术中心, 展示厅, 书院).
VENUE_SUFFIXES = ("中心", "厅", "书院", "之家", "站", "院", "纪念馆", "博物馆", "学院", "大学")
BUILT_BEFORE = re.compile(r"(?:新建|建设|建成|打造|筹建|改造|扩建|改扩建|迁建)(?:街道|社区|一批|一个|一座)?"
                          r"(?:[^，,。；;、]{2,20}、)*$")  # 建成甲展厅、乙阅读中心: every item is built
BUILT_AFTER = re.compile(r"[”\"]?(?:用地|选址|建设|项目|工程|改造|扩建|新建|开工|动工|主体|封顶|竣工)")
# 工程 as a programme of activity rather than construction.
PROGRAMME_TAIL_SUFFIXES = ("工程",)
# Parts of a structure, built while the works go on (桩基, 挡墙): what only construction has.
STRUCTURE_PARTS = r"桩基|地基|挡墙|衬砌|地下室|钢结构"
# What only construction has: a section of a line (甲路乙段), a part of a structure, a line itself.
WORKS_PART = re.compile(rf"段$|标段|{STRUCTURE_PARTS}|公路|高速|铁路|管网|管道|堤|隧道")
BUILD_CUE = re.compile(r"新建|扩建|改建|改扩建|建设|开工|动工|竣工|建成|完工|施工|投用|选址|规划|主体|封顶|"
                       r"入户|改造|修缮|提升|整治|管网|道路|桥梁|供电|给排水|学位|装修|修复|硬化|畅通|绿化|亮化|"
                       r"拓宽|提标|扩容|加固|除险|清淤|疏浚|铺设|翻新|迁改|贯通|架空线|入地|管线|电缆|雨污|排水|污水|"
                       r"路面|路网|护岸|驳岸|泵站|隧道|立交")

# Generic class nouns: never entities on their own (guide §1).
GENERIC = frozenset(
    "企业 物业公司 股份合作公司 社区党委 街道党工委 区委 市委 学校 园区 上市公司 重点企业 公司 集团 社区 街道 "
    "项目 工程 重点项目 重大项目 民生项目 建设项目 基地 中心 委员会 党委 党工委 政府 办事处 街道办事处 街道办 "
    "各社区 全街道 全区 全市 本街道 辖区 城区 片区 新区 老区 小区 工业区 厂区 景区 校区 社区党组织 村 市 区 镇 "
    "行动 计划 活动 模式 机制 战略 试点 专项 改革 体系 党支部 纪委 工会 协会 商会 银行 医院 小学 中学 幼儿园 "
    "公园 道路 马路 铁路 码头 广场 河 湖 水库 驿站 专项行动 系列活动 主题活动 工作机制 长效机制 工作计划 "
    "年度计划 行动计划 项目计划 实施方案 产业园 工业园 科技园 合作区 示范区 开发区 地块 片区 板块 区块 团块 商圈 街区 "
    "综合体 总部基地 管理机制 服务中心 指挥中心 党群服务中心 服务站 工作站 联络站 工业园区 城中村 旧村 "
    "示范村 绿色社区 健康社区 文明社区 和谐社区 平安社区 幸福社区 美丽乡村 特色小镇 城市新区 城乡社区 "
    "城市更新 旧改 工改 产业用地 土地整备 团工委 团委 "
    "经济特区 封控区 管控区 防范区 风险区 高风险地区 中风险地区 低风险地区 主城区 中心城区 老城区 新城区 "
    "经开区 高新区 小城镇".split()
)
# A suffix preceded only by one of these is generic too (各类企业, 重点项目 …).
GENERIC_HEADS = frozenset(
    "各类 各个 各级 全部 所有 一批 多个 相关 有关 重点 重大 主要 其他 其它 部分 新 老 大型 小型 中小 "
    "优质 龙头 骨干 本地 国家级 省级 市级 区级 街道级 社区级 基层 城市 农村 乡村 产业 工业 商业 "
    "民生 文化 体育 教育 医疗 卫生 安全 环保 生态 智慧 数字 专项 示范 试点 综合 配套 公共 全民 "
    "党建 志愿 服务 治理 发展 建设 改造 更新 提升 整治 管理 工作 学习 宣传 招商 拆迁 "
    "老旧 样板 标杆 精品 星级 特色 美丽 未来 现代 村改居 零直排 节水型 无物业 农贸 集贸 餐饮 沿河 城中村 "
    "常态化 城市更新 土地整备".split()
)
# A pilot (试点) says only what kind of scheme a phrase is when it comes first (试点社区), but closes the
# scheme's name after it (甲乙综合试点): the walk takes the words before it.
PILOTS = frozenset(("试点",))
# Generic tails that spellings of one thing may or may not carry (for alias matching).
GENERIC_TAILS = ("主体工程", "城市更新项目", "更新单元", "新建工程", "改造工程", "改扩建工程", "扩建工程", "建设工程",
                 "提升工程", "规划建设项目", "建设项目", "新建项目", "项目", "工程", "综合整治提升",
                 "综合整治", "整治提升", "利益统筹", "建设", "改扩建", "扩建", "新建",
                 "工作机制", "机制", "体系", "试点", "实践活动")

# Words that end a name when walking left from its suffix: actions, modifiers, function words.
BREAK_WORDS = frozenset(
    "推进 加快 加速 完成 新建 打造 全力 辖区 建设 启动 开展 实施 推动 加强 落实 建立 成立 引进 组织 举办 "
    "参加 依托 围绕 聚焦 深化 持续 做好 抓好 确保 力争 争取 积极 全面 着力 大力 通过 共 各 全 首个 首家 "
    "一批 我们 我 辖区内 开工 动工 竣工 建成 投用 签约 引入 落户 入驻 完善 优化 提升 强化 探索 "
    "创建 创新 培育 发展 支持 协调 配合 服务 保障 指导 督促 跟进 跟踪 对接 筹建 谋划 规划 申报 获批 "
    "获评 荣获 获得 成为 作为 以及 及 和 与 或 等 的 为 是 将 了 在 对 于 从 由 把 被 向 到 至 以 "
    "其中 包括 如 加大 联合 携手 助力 带动 促进 实现 开通 新增 新开 新改 改扩建 扩建 计划 拟 预计 "
    "进一步 重点 主要 着重 全年 今年 明年 去年 年内 年底 目前 已 已经 正在 继续 顺利 高质量 高标准 "
    "有序 稳步 扎实 深入 大力推进 加快推进 全力推进 积极推进 有序推进 稳步推进 持续推进 "
    "位于 定为 列为 评为 认定 命名 授予 被 设置 设立 新设 召开 巩固 清理 办好 建好 管好 用好 抓实 盘活 "
    "严查 严处 整治 清拆 排查 打击 查处 关停 拆除 涉 召开了 承办 主办 协办 参与 跨越 管理 运行 保护 "
    "签订 洽谈 纳入 来访 考察 调研 参观 走访 入选 唯一 评选 评选出 横跨 落地 合作方 承建方 投资方 运营方 建设方 业主方 "
    "合作建成 使 让 广泛 广泛开展 做强 做大 做优 做实 做强做大 做大做强 国家级 省级 市级 区级 县级 街道级".split()
)
# How something is done (充分|发挥, 精心|策划): before a verb in one word, the word is an action.
MANNER = frozenset("充分 精心 潜心 主动 认真 切实 努力 全力 着力 大力 积极 持续 扎实 深入 全面 广泛 不断 加快 "
                   "稳步 有序 高效 用心 倾力 合力 携手 强力 奋力 尽力 竭力 自觉 悉心 精准".split())
# Verbs that do belong inside names (城市更新项目, 供电综合改造, 土地整备).
NAME_INTERNAL = frozenset(
    "更新 改造 整治 整备 治理 提升 配套 统筹 综合 供电 示范 智造 制造 执法 监控 创新 创业 孵化 "
    "产业 科技 金融 物流 仓储 运动 教育 文化 体育 医疗 卫生 养老 发展 高质量 扩建 改扩建 迁建".split()
)
BREAK_TAGS = frozenset({"p", "c", "u", "d", "r", "y", "e", "o", "ad", "uj", "ul", "ud", "ug", "uz", "uv", "i",
                        "f", "zg"})
LEADING_TRIM = ("全力", "加快", "推进", "推动", "完成", "新建", "打造", "辖区", "建设", "启动", "开展", "实施",
                "提升", "整治", "改造", "治理", "全线", "策划", "谋划", "引进", "招引", "签约",
                "扎实", "积极", "持续", "深入", "全面", "着力", "大力", "重点", "成功", "顺利", "首个", "首家",
                "一批", "全区首个", "全市首个", "全国首个", "全区", "全市", "全省", "全国", "街道级",
                "社区级", "区级", "市级", "省级", "国家级", "一级", "二级", "三级")
# Counts before a name: 3个, 150余名, 一批, 第2批 …
COUNT_PREFIX = re.compile(r"^(?:[0-9]{4}年(?:[0-9]{1,2}月)?|[0-9]{1,2}月(?:[0-9]{1,2}日)?|做.做.|"
                          r"[0-9]+[.、．]|第[0-9一二三四五六七八九十百]+[届次批期]|"
                          r"[0-9.]+(?:平方公里|平方米|公里|千米|米|公顷|亩|万元|亿元)|"
                          r"[0-9０-９一二三四五六七八九十百千万两几多余]+[个家条座名宗所项批处类场次间户栋套]"
                          r"(?:以上)?|[0-9.]+[%万亿])")
# Characters that end a name even inside an unknown word (和, 及, 等 …).
FUNCTION_CHARS = frozenset("和及与等或的在对为将把被向从由于以并且了是共各经已至到待据按随")
# A code inside a name makes it specific: T4航站楼, 12号线, 5G, 三期, 第一工业区, 4号地块.
CODE = re.compile(r"[A-Za-z0-9]|第[一二三四五六七八九十0-9]+|[一二三四五六七八九十]期|"
                  r"[0-9一二三四五六七八九十壹贰叁肆伍陆柒捌玖拾]号|"
                  r"^[一二三四五六七八九十]+[高中小]")  # 十二高: a numbered school
NUMBERED_SCHOOL = re.compile(r"^[一二三四五六七八九十]+[高中小]$")  # 十六高: a school's whole name
RARE_FREQ = 20
COMMON_FREQ = 1000  # a jieba word this frequent is everyday vocabulary
NON_PLACE_TAGS = frozenset({"v", "d", "a", "m", "p", "c", "u", "r", "q", "f", "t", "ad", "vn", "an", "uj", "ul"})
NAME_TAGS = frozenset({"ns", "nz", "nr", "nrt", "nt", "nrfg"})  # proper nouns, not abbreviations
PROPER_TAGS = frozenset({"ns", "nz", "nr", "nrt", "nt", "j", "s", "nrfg"})
NOISY_TAGS = frozenset({"nr", "nrfg", "j", "s"})  # name tags that ordinary words often carry too
PLACE_TAGS = frozenset({"ns", "nrt"})
COMMON_NOISY_PER_MILLION = 5.0  # how common such a word must be to count as ordinary (养老, 智慧, 惠民)
# District suffixes that an unknown name may still carry as a real division (guide: communities and
# villages no gazetteer holds are still Districts when the text says 社区/村).
AREA_WORDS = frozenset("乡村 城镇 乡镇 村镇 城乡".split())  # everyday words for the country's towns and villages
LOCAL_SUFFIXES = ("社区", "村", "街道", "镇", "乡", "苏木", "嘎查")
MAX_NAME = 24

# Ideological formulas and numbered catchwords (四个意识, 两个维护, 六稳六保) are not entities.
NUMBERED = re.compile(r"^[一二三四五六七八九十两双百千万]")
NUMBERED_WORD = re.compile(r"^[一二三四五六七八九十两双][\u4e00-\u9fff]$")
# Numbered series are catchwords too: 三会一课, 六稳六保, 两学一做, 一轴一廊四片区.
NUMBERED_SERIES = re.compile(r"^[一二三四五六七八九十两双百千万].{1,2}[一二三四五六七八九十两双百千万]")
# Program suffixes too common in plain prose to make a name without a proper noun or code.
WEAK_PROGRAM_SUFFIXES = ("机制", "体系", "模式", "活动", "改革", "品牌", "课堂", "工作法", "专项", "试点")
_NEVER_A_PLAN = r"精神$|思想$|意识$|[0-9]{4}年|年度|年工作"  # whatever its ending (…精神, …年度工作)
SLOGAN = re.compile(
    r"^([一二三四五六七八九十])\1|^[一二三四五六七八九十两百千万]+个|^[一二三四五六七八九十两]+[稳保大化]|第一议题|"
    r"^[一二三四五六七八九十两]+[项条]|[是要]$|^[^\u4e00-\u9fff]*$|" + _NEVER_A_PLAN
    + r"|^(?:一号|头号|一把手)工程$"  # the top priority, not a programme of its own
)
SLOGAN_TAIL = re.compile(_NEVER_A_PLAN)
# What follows a leader's name in an ideological formula (某某思想, 某某理论, 以某某同志为核心): the name
# is part of the formula there, no mention of the person.
DOCTRINE = re.compile(r"(?:新时代中国特色社会主义|经济|法治|生态文明|强军|外交|文化)?思想|理论|同志为(?:核心|总书记)")

# A site's navigation trail (首页 > 政务公开 > 规划计划, 您当前的位置：甲市 > 县区): where the page sits
# on the site, neither the report's title nor a headline.
BREADCRUMB = re.compile(r"[>＞›»]|当前位置|您的位置|^首页")

# Person: a two- or three-character name right before a title, or 习近平-style leaders' titles.
SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
             "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚"
             "邵万钱严覃武戴莫孔向汤文习乾嘉鲁廉葛毕邢温庞康牛聂章耿齐施尚柴樊倪艾洪岳包左祝甘申景欧关宁翟"
             "褚鞠殷裴凌阎卓阮詹蒲尤季单丛霍麦阳边舒庄辛童骆谷苗滕牟蓝喻符傅涂俞饶颜卜巫揭伍柳邬冉桂晏"
             "窦柯纪梅盛鲍祁屈穆臧闵苟卞仇隋刁郎虞佘邝栗鄢谌奚粟冼禹漆卿狄扈邸雍辜裘亓赫逯嵇湛茅尉昝衡"
             "查代羊蒙敖戚岑缪宗宣郁杭吉翁荀惠甄芮储靳焦巴仲伊宫栾厉戎祖束郜宿邰鄂索赖蔺屠池乔胥党逄姬桑濮"
             "燕冀瞿慕茹庾匡寇阙巩晁冷阚简沙巢荆游竺权盖桓")
_TITLES = ("总书记", "同志", "院士", "书记", "副书记", "主任", "副主任", "院长", "副院长", "教授", "博士",
           "先生", "女士", "烈士", "将军", "主席", "委员", "局长", "区长", "市长", "镇长", "街道办主任", "皇帝")
TITLES = _TITLES
# Bodies a title follows in one dictionary word (市委书记, 政协主席): cut apart, the body closes a name
# (义乌|市委|书记 → 义乌市委) as it does before any other word.
TITLED_BODIES = (*LEVEL_COMMITTEES, "党委", "党工委", "政协", "人大", "政府")
BODY_TITLES = ("书记", "副书记", "常委", "主席", "副主席", "主任", "副主任", "委员")
PERSON = re.compile(rf"([{SURNAMES}][\u4e00-\u9fff]{{1,2}}?)(?:{'|'.join(_TITLES)})")
# Any of those titles: sought first, as a pattern opening on any surname is slow to fail.
TITLE_AFTER_NAME = re.compile("|".join(_TITLES))
# A title before a name (传承人文业成, 党工委书记张明): jieba's name tagger decides where the name ends.
# The signature line of a report puts blanks between them (区长  某某).
_TITLE = (r"(?:传承人|书记|主任|局长|镇长|乡长|区长|县长|市长|州长|省长|院长|董事长|总经理|院士|教授|代表|人选|候选人"
          r"|部长|主席|常委|秘书长|处长|科长|所长|站长|行长|会长|校长|厂长|队长|总裁|经理|委员|村民|居民|旗长|政委"
          r"|记者|通讯员|领导)"
          r"[ \u3000\t]*[：:]?[ \u3000\t]*")  # 县长 某某, 主任：某某
TITLE_BEFORE = re.compile(_TITLE + "(?=[" + SURNAMES + "])")
# A name of two or three parts joined by a middle dot after a title (县长 某某某·某某, Uyghur and other names).
DOTTED_AFTER_TITLE = re.compile(_TITLE + r"(?P<name>[\u4e00-\u9fff]{2,6}(?:·[\u4e00-\u9fff]{2,6}){1,2})"
                                r"(?=[\s，,。、；;（(]|$)")  # where the name ends: no word of the sentence after it

# A name right after a title that jieba's tagger misses (区长某某到…, signature lines): it ends
# the line or comes before a word that follows names (任, 到, 在, 率, 等, 强调 …); three characters,
# unless the third is such a word (某某|代表, 某某|率队).
_NAME_END = r"(?=[\s，,。、；;）)（(]|$|[任到在率带等主出参调作同为表说指介陪代当轮齐]|强调)"
NAME_AFTER_TITLE = re.compile(rf"[{SURNAMES}][\u4e00-\u9fff](?:(?!{_NAME_END})[\u4e00-\u9fff])?{_NAME_END}")
# … and of three whose last is 为, a given name's character as often as a word after a name (某某为|到).
NAME3_AFTER_TITLE = re.compile(rf"[{SURNAMES}][\u4e00-\u9fff]为{_NAME_END}")
# A person elected to an office (…；某某当选为镇长): the name opens its clause.
PERSON_ELECTED = re.compile(rf"(?:^|(?<=[，,。；;、\s：:]))([{SURNAMES}][\u4e00-\u9fff]{{1,2}}?)当选")
# People counted after the first of them (某某等5名职工).
PERSON_COUNTED = re.compile(rf"([{SURNAMES}][\u4e00-\u9fff]{{1,2}}?)等[0-9一二两三四五六七八九十]+余?[名人位]")
# A two-character name padded to the width of three on a signature line (镇长 某 某, or the line alone).
SPACED_NAME = re.compile(rf"[{SURNAMES}][ \u3000]{{1,2}}[\u4e00-\u9fff](?![\u4e00-\u9fff])")

_MEMORIALS = "纪念馆|故居|铜像|雕像|墓"
NAMED_AFTER_PERSON = re.compile(rf"([{SURNAMES}][\u4e00-\u9fff]{{1,2}})(?:{_MEMORIALS})")
MEMORIAL = re.compile(_MEMORIALS)  # sought first, as NAMED_AFTER_PERSON is

DIVISION_SUFFIX = re.compile(r"(特别行政区|自治州|自治县|街道|社区|地区|苏木|嘎查|省|市|区|县|旗|镇|乡|村)$")

# A numbered entry of a list of projects, opening with the project's name (3. 甲乙改造工程：总投资…).
LIST_ENTRY = re.compile(r"\s*(?:[0-9０-９]{1,2}[.、．]|[（(][0-9一二三四五六七八九十]{1,2}[)）])\s*"
                        r"(?P<name>[^:：,，。；;()（）\s]{4,40}?)\s*[:：,，]")
# Masked divisions opening a name (**市**县甲镇…): the name starts after them.
ONE_CHAR_DIVISIONS = "省市区县镇乡村"
LEVEL_CHAR = re.compile(rf"[{ONE_CHAR_DIVISIONS}一二三四五六七八九十两双]")  # 省|二级, 市|一级: a level
MASKED_DIVISIONS = re.compile(rf"(?:[Xx×＊*]+[{ONE_CHAR_DIVISIONS}])*")
TOWN_OR_VILLAGE = re.compile(r"街道|社区|苏木|嘎查|镇|乡|村")
TOWN_SUFFIXES = ("街道", "镇", "乡")  # of those, a town's (a village's is 社区, 嘎查, 村)
COUNTY_OR_ABOVE = re.compile(r"自治[州县旗]|[省市区县旗州盟]")
# A list before a class noun: 甲、乙等3家企业, 丙、丁等“工改工”项目. The class noun gives the type of every item.
CLASS_NOUNS = {
    **dict.fromkeys(("企业", "公司", "单位", "机构", "高校", "医院", "协会", "商会", "银行", "院校", "媒体", "院所"),
                    EntityType.ORGANIZATION),
    **dict.fromkeys(("项目", "工程", "园区", "道路", "片区", "学校", "公园", "小区", "综合体", "地块", "区块", "载体",
                     "基地", "街区", "景区"), EntityType.PROJECT),
    **dict.fromkeys(("社区", "村", "街道", "乡镇", "镇", "县", "县市"), EntityType.DISTRICT),
    **dict.fromkeys(("活动", "行动"), EntityType.PROGRAM),
    **dict.fromkeys(("为代表", "同志", "院士", "烈士", "先烈"), EntityType.PERSON),
}
COUNT = r"(?:[0-9一二三四五六七八九十百余多两]+[个家所座条项批宗处]|[二三四五六七八九十]大)"  # 3家, 五大
_LIST_TAIL = (r"(?P<etc>等(?:" + COUNT + r")?|" + COUNT + r")"
              r"(?P<mod>(?:[^，,。；;：:、“”\s]|“[^“”，,。]{1,8}”){0,12}?)(?P<cls>" + "|".join(CLASS_NOUNS) + ")")
LISTED = re.compile(r"(?P<items>[^，,。；;：:（）()“”\"\s]{2,80}?)" + _LIST_TAIL)
# How every list ends (等3家企业): a text without one holds no list, and LISTED is slow to say so.
LIST_TAIL = re.compile(_LIST_TAIL)
SHORT_WORKS = ("改", "建")  # 改造, 建设 cut short after what they work on (棚改, 村改, 旧改)
COMPANY_SUFFIXES = ("有限公司", "公司", "集团")  # a company names itself so, whatever list it stands in
# Heads of a body or facility named by what it does (生产力|促进|局, 技术|创新|中心, 垃圾|压缩|站): the verb
# right before the head is part of the name.
FUNCTION_HEADS = frozenset("中心 局 站 所 室 处 办".split())
# What a company does, written inside its name (甲建设集团, 乙科技服务有限公司, 丙投资发展有限公司).
COMPANY_INTERNAL = frozenset("建设 服务 发展 管理 投资 开发 咨询 运营 经营 贸易 建筑 物业".split())
COMPANY_CLASSES = frozenset({"企业", "公司"})  # a list before these names companies, brand names too
LIST_SEP = re.compile(r"(?<=[^、及和与]{2})[及和与](?=[^、及和与]{2})|、")  # 永和 is one name, 甲和乙 two
LIST_END = re.compile("等|" + COUNT)
# A class noun that only qualifies the noun after it lists kinds of things, not names
# (甲、乙等工程建设任务; 甲、乙等企业需求).
CLASS_QUALIFIES = re.compile(r"(?:建设)?(?:任务|类型|需求|资金|经费|清单|信息|领域|方面|用地|指标|手续|要素)")
# A region named after a place (甲地经济区, 珠三角城市群): the short name is not the place itself.
REGION_AFTER = re.compile(r"经济区|经济带|经济圈|城市群|都市圈|地区")
# A modifier of the class noun that makes the items categories (锂电池、危化品等行业企业).
CATEGORY_WORDS = re.compile(r"行业|领域|类|(?<![大中小微])型|方面|业态")  # 科技型, not 大型
# Names listed in brackets after a counted class noun: 新认定科技型企业3家（甲、乙、丙）.
BRACKET_LIST = re.compile(r"(?P<cls>企业|公司|项目|工程|学校|医院|公园|道路|社区|村)[^，,。；;（()）]{0,4}?"
                          r"[0-9一二三四五六七八九十百两]+[个家所项条座]\s*[（(](?P<items>[^（()）]{2,160})[)）]")
# The ends of a road's section in brackets (甲路(乙大道-丙大道)): where the works run, not works of their own.
SECTION_ENDS = re.compile(r"(?<=[路街道桥线])[（(][^（()）\-—–~至到]{2,14}[-—–~至到][^（()）]{2,14}[)）]")
BRACKET_NOT_NAMES = re.compile(r"其中|[0-9%，,：:；;]")
# A total after the last item (甲、乙共18家).
TOTAL_TAIL = re.compile(r"(?:共|合计|总计|累计|等)$")
# Class nouns that name a kind of facility: each listed item is one (甲、乙2所学校 → 甲学校, 乙学校).
FACILITY_CLASSES = ("学校", "公园", "医院")
# Endings that look like a suffix but close ordinary words (干部 is not a 部, 内部 neither).
NOT_NAME_ENDINGS = ("干部", "内部", "外部", "全部", "局部", "东部", "西部", "南部", "北部", "中部", "基层",
                    "支部书记", "布局", "大局", "格局", "新局", "开局", "好局", "服务", "交易", "娱乐", "设施", "通办")
# Context that makes a quoted phrase a programme rather than emphasis: a verb that launches or
# runs something before it (开展“…”) or another quoted item (“…”、“…”), or a class noun, a list or a
# closing word after it (“…”行动、“…”).
PROGRAM_BEFORE = re.compile(r"(”、|开展|实施|推行|推进|推动|深化|创建|争创|启动|打造|落实|建立|构建|探索|推广|组织|"
                            r"举办|深入|创新|推出|首创|建设|参与|参加|持续|全面|以|通过|依托|围绕|聚焦|为)[了好]?$")
PROGRAM_AFTER = re.compile(r"[”\"」』]?(行动|工作|模式|机制|活动|试点|品牌|体系|平台|工程|计划|改革|专项|项目|"
                           r"系列|主题|战略|示范|创建|建设|服务|清单|实践|培训|治理|、|和|及|等)")
# What a project's name may be followed by that only says what kind of thing it is.
CLASS_TAILS = frozenset("老旧小区 小区 城中村 旧村 片区 地块 项目 工程 园区 社区".split())
# A quoted phrase ending in a class of firms or people names that class (“四上企业”, “四类群体”).
CLASS_ENDINGS = ("企业", "单位", "群体", "人员", "对象", "家庭", "群众", "人群", "干部")
QUOTED_LIST = re.compile(r"、?[“\"][^”\"]{2,12}[”\"]")  # “一站式服务”“全链条招商”: schemes listed together
# What makes a formula (“人力资源+工会+商会”) or a short quoted phrase a scheme of its own.
SCHEME_AFTER = re.compile(r"[”\"」』]?(?:.{0,2}?(机制|模式|试点|工作法|行动|体系|工程|计划|治理)|进[社校企园村家])")
# Class nouns that never sit inside a name: a walk left stops at them (主体企业|宝威仓储).
NEVER_IN_NAMES = frozenset("企业 单位 机构 优质企业 重点企业 龙头企业".split())
# Words that make an unknown …区 a development zone rather than a division.
ZONE_WORDS = ("园", "工业", "产业", "开发", "合作", "示范", "功能", "保税", "物流")
# A count inside a candidate: the name is what follows it (…清理3个园区 → 园区).
COUNT_INSIDE = re.compile(r"[0-9０-９一二三四五六七八九十百千两几多余]+[个家条座名宗所项批处类场次间户栋套]|"
                          r"[0-9.]+(?:平方公里|平方米|公里|千米|米|公顷|亩)")
COUNT_END = re.compile(r"[0-9０-９一二三四五六七八九十百千两几多余]+[个家条座名宗所项批处类场次间户栋套]$")
# A counted noun is a class, not a name: 新建1家社康中心, 创建美丽庭院小区120个, 首个非遗项目.
COUNTED_BEFORE = re.compile(r"(?:[0-9０-９一二三四五六七八九十百千两几多余]+[个家条座所项批处类场间栋套](?:以上)?|"
                            r"[每各]个|一批)[“\"]?$")
COUNTED_AFTER = re.compile(r"[”\"]?[0-9０-９一二三四五六七八九十百千两几多余]+[个家条座所项批处类场次间栋套]")
# A title awarded (获评“…”, 成为…之一, 荣获…称号, 创建国家级…) is a distinction, not a thing.
_LEVEL = r"(?:国家级|省级|市级|区级|县级|街道级|全国|全省|全市|全区|国家|省|市|区)"
_AWARD = r"(?:获评|荣获|评为|获得|成为|作为|授予|定为|列为|入选|命名为|认定为)"
HONOUR_BEFORE = re.compile(rf"(?:{_AWARD}[了为]?{_LEVEL}?[“\"]?|"
                           rf"(?:创建|争创|创成|申报){_LEVEL}[“\"]?(?:[^，,。；;、（(]{{2,20}}、)*)$")
HONOUR_AFTER = re.compile(r"[”\"]?等?(?:称号|荣誉|评选|之一|单位)")
# A division name ending inside a longer name (…社区|松环路, …街道|工匠公园).
DIVISION_INSIDE = re.compile(r"(?:街道|社区|村|镇)(?=.)")
ONE_CHAR_SUFFIXES = frozenset(x for x in ALL_SUFFIXES if len(x) == 1)
# Levels of an honour title: 全国|文明镇, 省级|森林城镇 name a distinction, not a division.
HONOUR_LEVELS = ("全国", "国家级", "省级", "市级", "区级", "县级", "首批", "国家", "省", "示范")
# Government bodies are named by their field (民政部, 卫健委, 大湾区办), after a level (国家, 市委 …).
BODY_SUFFIXES = ("部", "局", "委", "署", "办", "党校")
# A kind of division, not one: what precedes a committee that belongs to no place in particular.
DIVISION_BODY = re.compile(r"(?:苏木|嘎查|自治[州区县旗]|乡镇|镇村|村居|社区|街道|[省市州区县旗乡镇村]){1,2}"
                           r"(?:党委|党工委|团工委|纪工委|两委|党支部|党总支|纪委|团委)")
BODY_LEVELS = ("国家", "中央", "省委", "市委", "区委", "县委", "省", "市", "区", "县")
# People's bodies that a level alone singles out (省工商联, 市妇联, 区总工会, 县科协).
LEVEL_BODIES = ("工商联", "妇联", "侨联", "团委", "总工会", "科协", "残联", "文联", "社科联", "红十字会", "农科院")
# Development zones, named by theme as often as by place (甲湾新城, 智能装备产业园).
ZONE_SUFFIXES = ("新城", "合作区", "产业园", "科技园", "工业园", "创新港", "科技城", "创新城", "总部基地", "产业基地")
# A head that is only a code names a part of something else (4号地块, 5号).
ONLY_CODE = re.compile(r"^[0-9A-Za-z一二三四五六七八九十]+[号期]?$")
PART_SUFFIXES = ("地块", "号", "期", "栋", "区块", "团块")
# A county or higher division ending a prefix (深圳市|工业园区): what follows may be a class noun.
COUNTY_END = re.compile(r"(?:特别行政区|自治州|省|市|(?<!社)区|县)(?=.)")
# Organization suffixes strong enough that a head jieba cannot segment names one, however often
# general text writes it (京东集团): a famous name is still a name.
STRONG_ORG_SUFFIXES = ("有限公司", "公司", "集团", "协会", "商会", "联合会", "促进会", "基金会", "研究会", "合作社",
                       "银行")
# What closes a plan's name after a numbered series (六六就业稳岗计划): the series only qualifies it.
CAMPAIGN_ENDINGS = ("行动", "计划", "工程", "活动")
MIN_SERIES_PLAN = 7  # a series (四字) and a plan's words besides its ending: 百千万工程 alone stays a catchword
# Programme suffixes strong enough that a plain two-word head still names one (乡村振兴战略, 春风行动).
STRONG_PROGRAM_SUFFIXES = ("行动", "战略", "专项斗争", "攻坚战", "保卫战", "计划")
# A scheme that puts an officer in charge of each thing (河长制, 林长制, 链长制): what it is in charge of,
# one character or more, is the whole of its head.
OFFICE_SCHEMES = ("长制",)

# The departments of a people's government and a party committee at each level, as the State Council's
# and the provinces' structure names them, short forms too (发展改革委, 发改局): a body by definition.
DEPARTMENTS = (
    "发展和改革委员会 发展改革委员会 发展改革委 发展改革局 发改委 发改局 教育局 教育和体育局 "
    "教体局 科学技术局 科技局 科技和经济信息化局 科经局 工业和信息化局 工信局 经济和信息化局 "
    "经信局 公安局 公安分局 民政局 司法局 财政局 人力资源和社会保障局 人力资源社会保障局 "
    "人社局 人资局 自然资源局 自然资源和规划局 资规局 生态环境局 生态环境分局 住房和城乡建设局 "
    "住房城乡建设局 住建局 交通运输局 交通局 水利局 水务局 农业农村局 农业农村委员会 "
    "农业农村委 商务局 文化和旅游局 文化广电旅游局 文化广电和旅游局 文旅局 文广旅局 "
    "卫生健康委员会 卫生健康委 卫健委 卫生健康局 卫健局 退役军人事务局 应急管理局 应急局 "
    "审计局 市场监督管理局 市场监管局 统计局 医疗保障局 医保局 林业局 林业和草原局 城市管理局 "
    "城市管理和综合执法局 城管局 综合行政执法局 行政审批局 行政审批服务局 政务服务和数据管理局 "
    "政务服务数据管理局 数据资源局 大数据局 信访局 国资委 国有资产监督管理委员会 金融办 "
    "金融工作局 乡村振兴局 投资促进局 投促局 体育局 税务局 气象局 粮食和物资储备局 残联 妇联 "
    "团委 总工会 工商联 科协 文联 侨联 红十字会 组织部 宣传部 统战部 政法委 编办 网信办 "
    "文明办 外事办 台办 侨办 人防办"
).split()

