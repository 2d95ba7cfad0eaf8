"""What each trade sells, as invoice lines print it: tax-category short name, item, unit, price, VAT.

Invoicing software prefixes every item with its tax-classification short name between asterisks
(e.g. ``*蔬菜*西红柿``); we do the same. Keyed on the GB/T 4754 two-digit division of the *seller*.
VAT rates follow the general-taxpayer schedule (13% goods, 9% transport/construction/farm produce,
6% modern and consumer services); unit prices are assumptions of the right order of magnitude.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Good:
    category: str          # tax-classification short name, printed as *category*
    name: str
    spec: str              # 规格型号; "" when none is printed
    unit: str
    price_range: tuple[int, int]   # CNY per unit
    vat_rate: int          # percent, general taxpayer

    @property
    def printed_name(self) -> str:
        return f"*{self.category}*{self.name}"


_CATALOGUE: dict[str, tuple[Good, ...]] = {
    "01": (Good("蔬菜", "大白菜", "", "千克", (2, 4), 9), Good("谷物", "小麦", "三等", "吨", (2400, 2900), 9),
           Good("水果", "苹果", "80#", "千克", (5, 9), 9)),
    "03": (Good("畜牧产品", "生猪", "", "千克", (14, 20), 9), Good("禽类", "肉鸡", "", "千克", (8, 12), 9)),
    "13": (Good("焙烤食品", "面包", "100g", "箱", (60, 120), 13), Good("调味品", "酱油", "500ml*12", "箱", (60, 90), 13)),
    "18": (Good("服装", "工作服", "XL", "套", (80, 180), 13), Good("纺织产品", "针织衫", "M", "件", (40, 90), 13)),
    "33": (Good("金属制品", "不锈钢管", "Φ32*1.5", "米", (20, 45), 13), Good("金属制品", "螺栓", "M12", "套", (1, 3), 13)),
    "50": (Good("建筑服务", "装饰装修工程", "", "项", (20000, 90000), 9),
           Good("建筑服务", "水电安装工程", "", "项", (8000, 30000), 9)),
    "51": (Good("蔬菜", "西红柿", "", "千克", (3, 6), 9), Good("水果", "香蕉", "", "千克", (4, 7), 9),
           Good("食用植物油", "花生油", "5L", "桶", (90, 130), 9), Good("方便食品", "方便面", "5连包", "箱", (40, 70), 13)),
    "52": (Good("方便食品", "方便面", "5连包", "箱", (40, 70), 13), Good("饮料", "矿泉水", "550ml*24", "箱", (24, 36), 13),
           Good("日用品", "洗衣液", "2kg", "瓶", (25, 45), 13), Good("服装", "男式衬衫", "L", "件", (60, 160), 13)),
    "54": (Good("运输服务", "国内道路货物运输服务", "", "次", (1500, 9000), 9),
           Good("运输服务", "普通货物运输", "", "吨", (120, 300), 9)),
    "60": (Good("收派服务", "快递服务", "", "件", (6, 15), 6),),
    "59": (Good("仓储服务", "仓储费", "", "月", (3000, 12000), 6),),
    "62": (Good("餐饮服务", "餐费", "", "次", (300, 2000), 6),),
    "71": (Good("经营租赁", "挖掘机租赁", "", "台班", (1200, 2500), 13),
           Good("经营租赁", "装载机租赁", "", "台班", (800, 1600), 13)),
    "80": (Good("生活服务", "美发服务", "", "次", (40, 200), 6),),
    "81": (Good("修理修配劳务", "汽车维修", "", "次", (300, 3000), 13), Good("汽车零部件", "刹车片", "前轮", "套", (150, 400), 13)),
}
_GENERAL = (Good("日用品", "办公用品", "", "批", (200, 2000), 13), Good("包装材料", "纸箱", "50*40*30", "个", (3, 8), 13))


def goods_for(industry_code: str) -> tuple[Good, ...]:
    """The seller's goods; trades we have no list for sell general goods."""
    return _CATALOGUE.get(industry_code[:2], _GENERAL)
