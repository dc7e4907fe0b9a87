"""The places a text can name: China's administrative divisions from the table `cpca` ships (read as data in
~10 ms: importing cpca builds a matcher), with the divisions named since that table was made (JioNLP's list of
changes), each known by its full and short name (宁夏回族自治区/宁夏) and its code, whose prefix gives its parents
(铜川 is in 陕西). app/engine/scope.py reads texts with them.
"""
from __future__ import annotations

import csv
import importlib.util
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

# County names that are everyday words in these reports (平安铜川, 白云社区, 新华社, 合作, 城区...).
COMMON = frozenset("平安 红旗 和平 白云 新华 光明 东方 城关 城中 市中 河东 河西 江南 江北 长安 解放 友谊 向阳 青山 东风 永和 "
                   "前进 胜利 新城 朝阳 西湖 大方 安宁 开平 永康 南山 北山 团结 文明 共青城 桥东 桥西 铁西 铁东 矿区 郊区 城区 "
                   "东安 宝山 新建 普陀 中山 民主 合作 振兴 双城 会理 会东 安定 青年 希望 团风 通道 阳光 新兴 永兴 兴业 开放 "
                   "文化 红星 城厢 新区 高新 海港 西区 东区 南区 北区 中原 鼓楼 先锋 和顺 安远 元宝 会同 资源 互助 友好 复兴 "
                   "公安 华龙 凌云 全州 安国 龙江 同心 富民 平和 长寿 太和".split())  # 龙江: 黑龙江's own short name (龙江振兴, 六个龙江), not 龙江县
# (Peoples written without 族 in a division's name: 伊犁哈萨克自治州 is 伊犁, 察布查尔锡伯自治县 察布查尔.)
# English names that are not the short name's pinyin; after "|" other names in use. Tibet's, Xinjiang's and Inner
# Mongolia's places are written from their own languages ("How many … did Shigatse …", not Rikaze).
ENGLISH = {"陕西": "Shaanxi", "内蒙古": "Inner Mongolia", "西藏": "Tibet", "哈尔滨": "Harbin|Haerbin", "香港": "Hong Kong",
           "齐齐哈尔": "Qiqihar|Qiqihaer", "佳木斯": "Jiamusi|Kiamusze", "牡丹江": "Mudanjiang", "黑龙江": "Heilongjiang",
           "澳门": "Macau", "乌鲁木齐": "Urumqi", "呼和浩特": "Hohhot",
           "拉萨": "Lhasa", "日喀则": "Shigatse|Xigaze", "林芝": "Nyingchi", "昌都": "Qamdo|Chamdo", "山南": "Shannan|Lhoka",
           "那曲": "Nagqu", "阿里": "Ngari", "桑珠孜": "Samzhubze|Sangzhutse", "江孜": "Gyantse", "拉孜": "Lhatse",
           "定日": "Tingri|Dingri", "聂拉木": "Nyalam", "墨脱": "Medog", "米林": "Mainling|Milin",
           "工布江达": "Gongbo'gyamda|Gongbogyamda", "察隅": "Zayu|Chayu", "堆龙德庆": "Doilungdeqen|Tolung Dechen",
           "当雄": "Damxung", "尼木": "Nyemo", "林周": "Lhunzhub", "达孜": "Dagze", "墨竹工卡": "Maizhokunggar",
           "乃东": "Nedong", "错那": "Cona", "类乌齐": "Riwoqe", "江达": "Jomda", "贡觉": "Gonjo", "八宿": "Baxoi",
           "左贡": "Zogang", "芒康": "Markam", "洛隆": "Lhorong", "丁青": "Dengqen", "仲巴": "Zhongba",
           "喀什": "Kashgar|Kashi", "和田": "Hotan|Khotan", "阿克苏": "Aksu", "吐鲁番": "Turpan",
           "库尔勒": "Korla", "克拉玛依": "Karamay", "阿勒泰": "Altay", "博尔塔拉": "Bortala",
           "巴音郭楞": "Bayingolin", "克孜勒苏": "Kizilsu", "鄂尔多斯": "Ordos", "呼伦贝尔": "Hulunbuir",
           "锡林郭勒": "Xilingol", "阿拉善": "Alxa", "巴彦淖尔": "Bayannur", "乌兰察布": "Ulanqab", "果洛": "Golog",
           "格尔木": "Golmud", "迪庆": "Dechen|Diqing", "香格里拉": "Shangri-La",
           "库车": "Kuqa|Kucha", "伊宁": "Yining|Ghulja|Gulja", "哈密": "Hami|Kumul", "阿图什": "Artux|Atush",
           "莎车": "Yarkant|Yarkand|Shache", "叶城": "Kargilik|Yecheng", "英吉沙": "Yengisar|Yingjisha",
           "于田": "Keriya|Yutian", "墨玉": "Karakax|Moyu", "洛浦": "Lop|Luopu", "皮山": "Guma|Pishan", "策勒": "Qira|Cele",
           "民丰": "Niya|Minfeng", "沙雅": "Shayar|Shaya", "拜城": "Bay|Baicheng", "温宿": "Onsu|Wensu", "乌什": "Uqturpan|Wushi",
           "阿瓦提": "Awat|Awati", "柯坪": "Kalpin|Keping", "轮台": "Bugur|Luntai", "焉耆": "Karasahr|Yanqi",
           "塔什库尔干": "Taxkorgan|Tashkurgan", "察布查尔": "Qapqal|Chabuchaer", "霍尔果斯": "Khorgas|Horgos|Huoerguosi",
           "奎屯": "Kuytun|Kuitun", "博乐": "Bole", "伊犁": "Ili|Yili"}
SHORT = re.compile(r"^(.{2,}?)(?:(?:[^族]{1,5}族|维吾尔|蒙古|哈萨克|柯尔克孜|塔吉克|锡伯)+自治[区州县旗]|自治[区州县旗]|特别行政区|新区|(?<=神农架)林区|省|市|地区|盟|县|区|旗)$")


@dataclass(frozen=True)
class Place:
    name: str  # 铜川市
    short: str  # 铜川
    code: str  # the 12-digit adcode; "" for a name known only from a report title
    level: int  # 0 province, 1 city or prefecture, 2 county, 3 a title name

    def within(self, other: "Place") -> bool:
        """Strictly inside `other` (铜川市 in 陕西省)."""
        n = 2 * (other.level + 1)
        return bool(self.code and other.code) and self.level > other.level and self.code[:n] == other.code[:n]

    @property
    def key(self) -> str:
        """The name facts are keyed by: the shortest that reads back as this place (gazetteer.written), so that 海南州
        and 海南省, 阿克苏市 and 阿克苏地区, keep their figures apart."""
        return written(current().get(self.code, self) if self.code else self)  # 库车县 (before 2019) is 库车市's

    @property
    def whole(self) -> tuple[str, ...]:
        """How a report speaks for all of it: 全省 or 团省委 for 陕西省, 全区 for 宁夏回族自治区, 全州 for 湘西州."""
        return "全" + self.name[-1], self.name[-1] + "委"

    @property
    def english(self) -> str:
        from ingest.words import lazy_pinyin  # pypinyin's, remembered per machine

        return ENGLISH.get(self.short, "").split("|")[0] or "".join(lazy_pinyin(self.short)).capitalize()


def adcode_rows(purpose: str = "place names") -> list[tuple[str, str]]:
    """(adcode, name) of every real division in cpca's resources/adcodes.csv, read as data (importing cpca
    needs pkg_resources and builds a matcher); placeholders (市辖区, 县, 省直辖县级行政区划) left out."""
    spec = importlib.util.find_spec("cpca")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError(f"{purpose} need the administrative-division table of cpca: pip install cpca")
    path = Path(list(spec.submodule_search_locations)[0]) / "resources" / "adcodes.csv"
    with path.open(encoding="utf-8") as f:
        return [(r["adcode"], r["name"]) for r in csv.DictReader(f)
                if "行政区划" not in r["name"] and r["name"] not in ("市辖区", "县")]


def level_of(code: str) -> int:
    """0 province, 1 city or prefecture, 2 county, from the adcode's zero padding."""
    return 0 if code[2:] == "0" * 10 else 1 if code[4:] == "0" * 8 else 2


@lru_cache(maxsize=1)
def divisions() -> tuple[Place, ...]:
    places = [place_of(name, code) for code, name in adcode_rows()]
    return tuple(places + renamed(places))


def place_of(name: str, code: str) -> Place:
    m = SHORT.match(name)
    return Place(name, m.group(1) if m else name, code, level_of(code))


CHANGES = Path(__file__).parent / "data" / "division_changes.tsv"


def renamed(places: list[Place]) -> list[Place]:
    """Divisions named since cpca's table was made (长治's 潞州区 and 上党区, 2018), from JioNLP's list of changes,
    each under the code of the division it replaced; the old names stay, as the reports of their years wrote them."""
    by_name = {(p.name, p.code[:4] if p.level == 2 else p.code[:2]): p for p in places}
    cities = {p.name: p for p in places if p.level == 1}
    added, seen = [], {(p.name, p.code[:4]) for p in places}
    for line in CHANGES.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or "=>" not in line:
            continue
        before, after = (part.split("\t") for part in line.split("=>"))
        city = cities.get(before[4]) if len(before) > 4 else None
        if city is None or len(before) < 7 or len(after) < 3:
            continue  # a province's or a city's own change: cpca has them
        old = by_name.get((before[6], city.code[:4]))
        new = after[-1].strip()
        if old is not None and (new, old.code[:4]) not in seen:
            seen.add((new, old.code[:4]))
            added.append(place_of(new, old.code))
    return added


def written(place: Place) -> str:
    """The shortest name that reads back as this place: 铜川; 海南州 (海南 is the province); 互助县 (互助 is a word)."""
    if place.code and place.name.endswith("旗"):  # a banner is named whole: 四子王旗, 准格尔旗 (never 四子王)
        return place.name
    return _written().get(place) or (place.name if place.code else place.short)  # a title's own name as it is


@lru_cache(maxsize=1)
def _written() -> dict[Place, str]:
    found: dict[Place, str] = {}
    for form, hit in table().items():
        if hit is not None and (hit[0] not in found or len(form) < len(found[hit[0]])):
            found[hit[0]] = form
    return found


@lru_cache(maxsize=1)
def current() -> dict[str, Place]:
    """code -> the division as named now: a renamed one (库车县 -> 库车市, 2019) keeps its old code."""
    return {p.code: p for p in divisions()}


def county_leading(text: str, within: Place | None) -> Place | None:
    """The county-level division of `within` whose full name starts the text, when the table leaves that name out
    (城关区 is 兰州's and 拉萨's; 安宁区 an everyday word): a report of 兰州 names its own 城关区."""
    if within is None or not within.code or within.level > 1:
        return None
    prefix = within.code[:2 * (within.level + 1)]
    return next((p for p in _local_counties().get(text[:2], ()) if text.startswith(p.name) and p.code.startswith(prefix)),
                None)


@lru_cache(maxsize=1)
def county_names() -> dict[str, tuple[Place, ...]]:
    """Full name -> the current county-level divisions of that name, those the table leaves out (朝阳区: 北京's and
    长春's) too."""
    found: dict[str, list[Place]] = {}
    for p in current().values():
        if p.level == 2:
            found.setdefault(p.name, []).append(p)
    return {name: tuple(sorted(v, key=lambda p: p.code)) for name, v in found.items()}


@lru_cache(maxsize=1)
def _local_counties() -> dict[str, tuple[Place, ...]]:
    """First two characters -> the current county-level divisions with a name of 3+ characters."""
    found: dict[str, list[Place]] = {}
    for p in current().values():
        if p.level == 2 and len(p.name) >= 3:
            found.setdefault(p.name[:2], []).append(p)
    return {k: tuple(v) for k, v in found.items()}


@lru_cache(maxsize=1)
def table() -> dict[str, tuple[Place, bool]]:
    """surface -> (place, needs word bounds); a province wins a name over a city, a city over a county.
    Each name's first two characters are in it too (as None): a text is scanned only where a name may start."""
    found: dict[str, tuple[Place, bool]] = {}
    current_of = current()
    for p in sorted(divisions(), key=lambda p: (p.level, current_of[p.code] is not p)):  # the current name first
        forms = [p.name] + [p.short] * (p.short != p.name)
        if "自治" in p.name and p.level:  # 湘西土家族苗族自治州 is also 湘西州, 松桃苗族自治县 松桃县
            forms.append(p.short + p.name[-1])
        for form in forms:
            if p.level < 2 or (form not in COMMON and p.short not in COMMON):
                found.setdefault(form, (p, p.level == 2 and form == p.short))  # 基金会理事长 names no 会理
            elif form != p.short and len(form) > 2:
                # 解放区, 前进区, 永康市, 互助县 (互助土族自治县): the suffix makes the everyday word a place; a name
                # several counties share (和平区: 天津's, 沈阳's) is settled by the places around it (scope.find)
                found.setdefault(form, (p, True))
    return {**{form[:2]: None for form in found}, **found}
