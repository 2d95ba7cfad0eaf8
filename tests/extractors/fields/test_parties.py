"""Who is party A and B, and whose code is whose, on pages typed here (no OCR): the ways real contracts
name their parties and print their codes."""
from __future__ import annotations

from extractors.fields import extract_fields
from extractors.ocr.document import Document
from tests.extractors.fields.typed import typed_document

SELLER, BUYER = "济南市历下区老王五金经营部", "济南市华通机电设备有限公司"
SELLER_CODE, BUYER_CODE = "92370102MA3C4X7L2Q", "91370100MA3N0F8Y1K"


def _document(*rows: tuple[tuple[str, float], ...]) -> Document:
    return typed_document(rows, row_gap=0.03, char_width=0.02, size=(1754, 1240))


def _parties(doc_type: str, document: Document):
    record = extract_fields(doc_type, document)
    return tuple((p.role, p.name, p.uscc) for p in (record.party_a, record.party_b))


def test_parties_named_by_role_alone_take_the_slots_of_their_roles() -> None:
    # 卖方 printed first: the buyer is still party A, as in a 甲方（买方）contract.
    page = _document(((f"卖方：{SELLER}", 0.08),), ((f"统一社会信用代码：{SELLER_CODE}", 0.1),),
                     ((f"买方：{BUYER}", 0.08),), ((f"纳税人识别号：{BUYER_CODE}", 0.1),))
    assert _parties("sales_contract", page) == (("buyer", BUYER, BUYER_CODE), ("seller", SELLER, SELLER_CODE))


def test_side_and_role_both_printed() -> None:
    page = _document(((f"供方（乙方）：{SELLER}", 0.08),), ((f"需方（甲方）：{BUYER}", 0.08),))
    assert _parties("sales_contract", page)[:2] == (("buyer", BUYER, None), ("seller", SELLER, None))


def test_clauses_and_signature_lines_are_not_headings() -> None:
    page = _document((("第三条出卖人对质量负责的条件及期限：自交货之日起十二个月内", 0.08),),
                     (("甲方可依法出租的房屋事宜，订立本合同。", 0.08),),
                     (("甲方（盖章）：", 0.08), (BUYER, 0.3)))
    assert _parties("sales_contract", page) == (("buyer", None, None), ("seller", None, None))


def test_a_bare_heading_takes_its_name_from_the_next_span_but_not_the_other_heading() -> None:
    page = _document((("出租人（甲方）", 0.08), ("承租人（乙方）", 0.5)),
                     (("承租人（乙方）：", 0.08), (SELLER, 0.3)))
    assert _parties("lease_contract", page) == (("lessor", None, None), ("lessee", SELLER, None))


def test_signature_table_columns_follow_the_parties_order_even_when_a_row_splits() -> None:
    # 出卖人 | 买受人 columns; a tilted photo puts the two 税号 cells on rows of their own.
    head = (((f"出卖人：{SELLER}", 0.07),), ((f"买受人：{BUYER}", 0.07),))
    table = ((("住所：济南市历下区", 0.07), ("住所：济南市天桥区", 0.46)),
             (("开户银行：中国银行", 0.07), ("开户银行：招商银行", 0.46)),
             (("账号：6217000012345678901", 0.07), ("账号：6214000012345678901", 0.46)))
    filler = tuple(((f"第{n}条　按国家有关规定执行。", 0.07),) for n in "二三四五六七八")
    split = ((("税号：" + BUYER_CODE, 0.46),), (("税号：" + SELLER_CODE, 0.07),))
    page = _document(*head, *filler, *table, *split)
    assert _parties("sales_contract", page) == (("buyer", BUYER, BUYER_CODE), ("seller", SELLER, SELLER_CODE))


def test_an_identity_card_number_is_not_a_credit_code() -> None:
    # A landlord who is a person prints 证件类型：身份证 and an 18-digit number shaped like a code.
    page = _document(((f"出租人（甲方）：{SELLER}", 0.08),), (("证件类型：身份证　证件号码：370102198003071234", 0.1),))
    assert _parties("lease_contract", page)[0] == ("lessor", SELLER, None)


def test_a_heading_may_name_its_alias_and_a_person_may_be_a_party() -> None:
    # "买受人（以下简称“甲方”）" is a heading; a landlord letting in their own name has a two-character name.
    page = _document(((f"出卖人（以下简称“乙方”）：{SELLER}", 0.08),), ((f"买受人（以下简称“甲方”）：{BUYER}", 0.08),))
    assert _parties("sales_contract", page) == (("buyer", BUYER, None), ("seller", SELLER, None))
    page = _document((("出租人（甲方）：王芳", 0.08),), ((f"承租人（乙方）：{SELLER}", 0.08),))
    assert _parties("lease_contract", page)[0] == ("lessor", "王芳", None)


def test_a_misread_tax_label_still_gives_the_code_but_an_account_number_never_does() -> None:
    # A seal over the table reads 税号 as 视号; an 18-digit account under 账号 is shaped like a code.
    head = (((f"出卖人：{SELLER}", 0.07),), ((f"买受人：{BUYER}", 0.07),))
    filler = tuple(((f"第{n}条　按国家有关规定执行。", 0.07),) for n in "二三四五六七八")
    table = ((("账号：622848012345678901", 0.07), ("账号：621483000012345678", 0.46)),
             (("视号：" + SELLER_CODE, 0.07), ("税号：" + BUYER_CODE, 0.46)))
    page = _document(*head, *filler, *table)
    assert _parties("sales_contract", page) == (("buyer", BUYER, BUYER_CODE), ("seller", SELLER, SELLER_CODE))


def test_a_code_read_with_o_for_zero_is_folded_back() -> None:
    # GB 32100 leaves O and I out of the alphabet; OCR of a 0 or a 1 gives them all the same.
    misread = SELLER_CODE.replace("0", "O")
    page = _document(((f"出租人（甲方）：{SELLER}", 0.08),), ((f"证件类型：营业执照　证件号码：{misread}", 0.1),))
    assert _parties("lease_contract", page)[0] == ("lessor", SELLER, SELLER_CODE)
