from extractors.verify.names import names_match


def test_forms_of_the_same_name_match():
    assert names_match("广州市老王五金店有限公司", "广州市老王五金店（有限公司）".replace("（有限公司）", "有限公司"))
    assert names_match("广州市老王五金店有限公司", "老王五金店")          # a signboard drops place and suffix
    assert names_match("Ａ Ｂ 贸易 有限公司", "AB贸易有限公司")


def test_short_or_different_names_do_not_match():
    assert not names_match("广州市老王五金店有限公司", "老王")
    assert not names_match("广州市老王五金店有限公司", "深圳市远方贸易有限公司")
    assert not names_match("", "老王五金店")
