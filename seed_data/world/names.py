"""Chinese person, shop and company names and street addresses for the seed world.

Surnames are the most common ones (with rough frequency weights from the 2020 census ranking, an
approximation); shop names follow the usual sole-trader pattern (city + district + nickname + trade
word), company names the company pattern (city + two-character trade name + trade + 有限公司).
"""
from __future__ import annotations

import numpy as np

from seed_data.numbers.regions import Region

SURNAMES = ("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
            "郭", "何", "林", "高", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹")
_SURNAME_WEIGHTS = np.array([7.1, 7.0, 6.8, 5.4, 4.6, 3.1, 2.3, 2.1, 2.0, 1.9, 1.8, 1.5, 1.4, 1.3, 1.3,
                             1.2, 1.2, 1.2, 1.1, 1.0, 1.0, 1.0, 0.9, 0.8, 0.8, 0.8, 0.7, 0.7, 0.7, 0.6])
_SURNAME_P = _SURNAME_WEIGHTS / _SURNAME_WEIGHTS.sum()
GIVEN_M = tuple("伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆建国志")
GIVEN_F = tuple("芳娜敏静丽艳娟霞秀英华慧巧美琳玲桂兰红梅燕萍雪琴云莉")
TRADE_NAMES = tuple("恒达 鑫源 宏盛 顺发 金利 永兴 华通 瑞丰 德润 嘉禾 兴旺 联创 安顺 博远 汇丰 锦程 "
                    "福满 富康 中泰 昌盛 新宇 天成 盛世 广源 合力 东方 诚信 远航 佳美 明珠".split())
ROADS = tuple("人民 建设 解放 中山 新华 朝阳 和平 胜利 工业 文化 幸福 友谊 长江 黄河 东风 滨江".split())
ROAD_KINDS = ("路", "街", "大道")

# Trade words: what the sign says after the owner's nickname (个体) or in a company name.
SHOP_WORDS: dict[str, tuple[str, str]] = {   # industry -> (sole-trader shop word, company trade word)
    "5212": ("超市", "商贸"), "5213": ("便利店", "商贸"), "6210": ("饭店", "餐饮管理"),
    "6220": ("快餐店", "餐饮"), "6291": ("小吃店", "餐饮"), "5431": ("货运部", "物流"),
    "5437": ("配送部", "供应链"), "6020": ("快递点", "快递"), "7113": ("机械租赁部", "工程机械租赁"),
    "5012": ("装饰部", "装饰工程"), "5123": ("果蔬批发部", "农产品"), "5111": ("粮油批发部", "粮油贸易"),
    "5124": ("冻品批发部", "食品贸易"), "5232": ("服装店", "服饰"), "8111": ("汽修厂", "汽车维修"),
    "8040": ("理发店", "美容美发"), "1819": ("制衣厂", "服装"), "2927": ("塑料制品厂", "塑料制品"),
    "3311": ("钢结构加工部", "钢结构工程"), "0141": ("蔬菜种植场", "农业科技"), "0313": ("养猪场", "生态养殖"),
    "0321": ("养鸡场", "家禽养殖"), "5292": ("网店", "电子商务"), "5165": ("建材店", "建材"),
    "1411": ("蛋糕店", "食品"), "5920": ("仓储部", "仓储服务"),
}


def pick(rng: np.random.Generator, options: tuple[str, ...]) -> str:
    return options[int(rng.integers(len(options)))]


def person_name(rng: np.random.Generator, gender: str) -> str:
    surname = SURNAMES[int(rng.choice(len(SURNAMES), p=_SURNAME_P))]
    given = GIVEN_M if gender == "M" else GIVEN_F
    length = 1 + int(rng.random() < 0.7)   # most given names have two characters
    return surname + "".join(pick(rng, given) for _ in range(length))


def company_trade_word(industry_code: str) -> str:
    return SHOP_WORDS.get(industry_code, ("商行", "实业"))[1]


def merchant_name(rng: np.random.Generator, region: Region, county: str, industry_code: str,
                  legal_form: str, owner_name: str) -> str:
    shop_word, company_word = SHOP_WORDS.get(industry_code, ("商行", "实业"))
    if legal_form == "individual":
        nickname = pick(rng, ("老" + owner_name[0], owner_name[0] + "记", owner_name, pick(rng, TRADE_NAMES)))
        return f"{region.name}{county}{nickname}{shop_word}"
    return f"{region.name}{pick(rng, TRADE_NAMES)}{company_word}有限公司"


def party_name(rng: np.random.Generator, region: Region, trade_word: str) -> str:
    """``trade_word`` comes from the party's GB/T 4754 class name (e.g. 氮肥 for 氮肥制造)."""
    return f"{region.name}{pick(rng, TRADE_NAMES)}{trade_word}有限公司"


def trade_word_of(class_name: str) -> str:
    """The trade word in a company name, from a GB/T 4754 class name: 氮肥制造 -> 氮肥."""
    for suffix in ("制造业", "制造", "加工", "服务", "批发", "零售", "经营租赁", "业"):
        if class_name.endswith(suffix) and len(class_name) > len(suffix) + 1:
            return class_name[: -len(suffix)][:6]
    return class_name[:6]


def address(rng: np.random.Generator, region: Region, county: str) -> str:
    province = "" if region.province == region.name else region.province
    return (f"{province}{region.name}{county}{pick(rng, ROADS)}{pick(rng, ROAD_KINDS)}"
            f"{int(rng.integers(1, 999))}号")
