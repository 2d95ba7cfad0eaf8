"""Real-sounding merchant messages, and what the assistant must understand from each."""
import pytest

from api.assistant.nlu import understand

# (message, main intent, other intents that must also be found)
INTENT_CASES = [
    ("你好", "greet", ()),
    ("在吗？", "greet", ()),
    ("月流水大概二十万", "tell_revenue", ()),
    ("一年四五百万吧", "tell_revenue", ()),
    ("我们去年营业额一百二十万左右", "tell_revenue", ()),
    ("一天能卖三千多块", "tell_revenue", ()),
    ("我有两台重卡", "tell_assets", ()),
    ("家里有台挖机，还有一台铲车", "tell_assets", ()),
    ("主要给顺丰和京东拉货", "tell_customers", ()),
    ("供应商是佛山华兴五金有限公司", "tell_suppliers", ()),
    ("我们一般从义乌小商品城拿货", "tell_suppliers", ()),
    ("旺季是五六月，双十一也忙", "tell_season", ()),
    ("我的额度是多少？", "ask_limit", ()),
    ("能借多少钱", "ask_limit", ()),
    ("为什么额度这么低", "ask_why", ("ask_limit",)),
    ("我想上传营业执照", "want_upload", ()),
    ("我拍了车的照片", "want_upload", ()),
    ("把那张发票撤回", "withdraw", ()),
    ("删除我的合同", "withdraw", ()),
    ("有的", "affirm", ()),
    ("好的", "affirm", ()),
    ("没有", "deny", ()),
    ("没有银行流水", "deny", ()),
    ("今天天气不错", "unknown", ()),
    ("我是跑运输的，有两台解放重卡，一个月流水二十多万，能提额吗", "ask_limit", ("tell_assets", "tell_revenue")),
]


@pytest.mark.parametrize("text, intent, also", INTENT_CASES)
def test_intent(text, intent, also):
    u = understand(text)
    assert u.intent == intent, u.intents
    assert set(also) <= set(u.intents)


@pytest.mark.parametrize("text, low, high, period", [
    ("月流水大概二十万", 200_000, 200_000, "month"),
    ("一年四五百万", 4_000_000, 5_000_000, "year"),
    ("一单3.5万", 35_000, 35_000, None),
    ("旺季一个月能跑三十万", 300_000, 300_000, "month"),
    ("一天能卖三千多块", 3_000, 4_000, "day"),
    ("跑一趟运费8000元", 8_000, 8_000, None),
    ("年营业额20w", 200_000, 200_000, "year"),
])
def test_amounts_with_their_period(text, low, high, period):
    (amount,) = understand(text).amounts
    assert (amount.low_cny, amount.high_cny, amount.period) == (low, high, period)


@pytest.mark.parametrize("text", ["我有两台重卡", "一年跑了3趟", "五六月份最忙", "有5个客户", "十一月"])
def test_counts_months_and_trips_are_not_money(text):
    assert understand(text).amounts == ()


@pytest.mark.parametrize("text, expected", [
    ("我有两台重卡", [("heavy_truck", 2, False)]),
    ("有三辆半挂车和一台叉车", [("tractor_trailer", 3, False), ("forklift", 1, False)]),
    ("没有挖机，有一台解放重卡", [("excavator", None, True), ("heavy_truck", 1, False)]),
    ("店里有货架和后厨设备", [("shelf_goods", None, False), ("restaurant_kitchen", None, False)]),
    ("家里养了两百头猪", [("livestock", 200, False)]),
    ("我有几台小货车", [("light_truck", None, False)]),
])
def test_assets_map_to_asset_classes_with_counts(text, expected):
    assert [(a.asset_class, a.count, a.negated) for a in understand(text).assets] == expected


@pytest.mark.parametrize("text, suppliers, customers", [
    ("主要给顺丰和京东拉货，从佛山华兴五金有限公司进货", ["佛山华兴五金有限公司"], ["顺丰", "京东"]),
    ("客户有广州市恒达物流有限公司、深圳美佳商贸", [], ["广州市恒达物流有限公司", "深圳美佳商贸"]),
    ("我的供应商是佛山市南海区宏达建材有限公司", ["佛山市南海区宏达建材有限公司"], []),
    ("帮广州恒通物流有限公司运输", [], ["广州恒通物流有限公司"]),
    ("我是做物流的", [], []),
])
def test_counterparty_names(text, suppliers, customers):
    u = understand(text)
    assert (list(u.suppliers), list(u.customers)) == (suppliers, customers)


@pytest.mark.parametrize("text, months", [
    ("旺季是五六月", (5, 6)),
    ("3到5月生意最好", (3, 4, 5)),
    ("十一月到二月是淡季", (11, 12, 1, 2)),
    ("过年前后最忙", (1, 2)),
    ("下半年好一点", (7, 8, 9, 10, 11, 12)),
])
def test_months_and_seasons(text, months):
    assert understand(text).months == months


def test_documents_named_and_denied():
    u = understand("营业执照有，但是没有银行流水")
    assert u.doc_types == ("business_licence",)
    assert u.denied_doc_types == ("bank_statement",)


def test_full_width_and_long_input_are_normalised():
    assert understand("月流水２０万").amounts[0].low_cny == 200_000
    assert len(understand("流" * 10_000).text) == 2000
