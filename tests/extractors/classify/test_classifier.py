from __future__ import annotations

from extractors.classify import ALL_TYPES, DOC_TYPES, classify
from extractors.ocr.document import Block, Document, Line, Page, Word


def _document(*rows: str) -> Document:
    lines = tuple(Line(words=(Word(text, 0.95, ((0.1, 0.1 + i * 0.05), (0.9, 0.14 + i * 0.05))),),
                       geometry=((0.1, 0.1 + i * 0.05), (0.9, 0.14 + i * 0.05))) for i, text in enumerate(rows))
    page = Page(0, (1000, 800), (Block(lines, ((0.1, 0.1), (0.9, 0.9))),) if lines else ())
    return Document((page,), "rapidocr", "test")


def test_the_taxonomy_has_spec_26_types_plus_photo_and_unknown() -> None:
    assert len(DOC_TYPES) == 26 and len(ALL_TYPES) == 28


def test_rendered_documents_are_classified_with_confidence(rendered) -> None:
    for doc_type, page in rendered.items():
        result = classify(page.document)
        assert result.doc_type == doc_type, (doc_type, result)
        assert result.confidence >= 0.5


def test_a_page_with_a_few_words_is_a_photo() -> None:
    result = classify(_document("鲁A·89B99"))
    assert result.doc_type == "photo" and result.confidence > 0.5


def test_text_matching_no_type_is_unknown() -> None:
    rows = ["今天天气很好，我们去公园散步，看到了很多花和树。"] * 4
    assert classify(_document(*rows)).doc_type == "unknown"


def test_a_contract_that_mentions_invoices_is_still_a_contract() -> None:
    result = classify(_document("购销合同", "合同编号：HT2025", "甲方（买方）：甲公司", "乙方（卖方）：乙公司",
                                "乙方开具增值税专用发票后三十日内付清", "签订日期：2025年08月08日"))
    assert result.doc_type == "sales_contract"


def test_unseen_types_of_spec_section_5_are_recognised_by_title() -> None:
    assert classify(_document("不动产权证书", "权利人：甲", "坐落：乙路1号", "不动产单元号：1")).doc_type \
        == "property_certificate"


def test_the_second_layouts_are_classified_through_ocr(second_layouts) -> None:
    # The 税控 PDF 专票 and both platforms' 交易明细证明, rendered and read by RapidOCR.
    for (doc_type, _), page in second_layouts.items():
        assert page.truth["content"]["layout"] in ("electronic", "proof")
        result = classify(page.document)
        assert result.doc_type == doc_type, (doc_type, result)
        assert result.confidence >= 0.5


_EINVOICE_BODY = ("发票代码：044031900113", "发票号码：01234567", "开票日期：2024年05月06日",
                  "校验码：12345 67890 12345 67890", "购买方 名称：甲公司", "密码区", "价税合计（大写）",
                  "销售方 名称：乙公司")


def test_an_electronic_special_invoice_is_special_though_it_prints_a_check_code() -> None:
    # 校验码 was a mark of the 普票 while only paper 专票 existed; the electronic 专票 prints one too.
    for title in ("广东增值税电子专用发票", "增值税电子专用发票"):
        assert classify(_document(title, *_EINVOICE_BODY)).doc_type == "vat_special_invoice"
    assert classify(_document("浙江增值税电子普通发票", *_EINVOICE_BODY)).doc_type == "vat_ordinary_invoice"
    # Without a title, the 校验码 still leans to the 普票, as on paper.
    assert classify(_document(*_EINVOICE_BODY)).doc_type == "vat_ordinary_invoice"


def test_a_digital_invoice_whose_title_lost_its_first_words_is_still_digital() -> None:
    # The 数电票's title 电子发票（增值税专用发票） names the 专票; beside a 特定业务 badge OCR can lose 电子
    # (a freight 数电票 read "发票 货物运输服务 … (增值税专用发票)"). Its 20-digit number is the 数电票's alone.
    body = ("发票号码：25122458902594699283", "(增值税专用发票)", "开票日期：2025年08月07日", "购买方信息 名称：甲公司",
            "销售方信息 名称：乙公司", "项目名称 规格型号 单位 数量 单价 金额 税率/征收率 税额", "价税合计（大写）", "开票人：曹军娟")
    assert classify(_document("发票 货物运输服务", *body)).doc_type == "digital_einvoice"
    # A 税控 专票 prints an 8-digit number under its 发票代码 and stays a 专票.
    assert classify(_document("增值税专用发票", "发票代码：4400231130", "发票号码：01234567", "密码区",
                              "购买方 名称：甲公司", "价税合计（大写）", "销售方 名称：乙公司")).doc_type == "vat_special_invoice"


def test_a_platform_transaction_proof_is_a_payment_statement_not_a_bank_statement() -> None:
    for title in ("微信支付交易明细证明", "支付宝交易流水证明", "支付宝收支明细证明"):
        result = classify(_document(title, "户名：某某商行", "交易时间段：2024年05月01日至2024年05月31日",
                                    "收入合计：120笔 金额：35,000.00元", "交易单号 交易时间 收/支 金额(元) 交易对方"))
        assert result.doc_type == "payment_statement", (title, result)


def test_a_bank_statement_crediting_the_platforms_settlements_stays_a_bank_statement() -> None:
    # A merchant's account receives the platforms' settlements: their names are no payment proof.
    result = classify(_document("个人账户交易明细", "户名：某某商行", "账号：6222020200012345678", "币种：人民币",
                                "2024-05-02 财付通支付科技有限公司 微信支付 3,200.00 余额 15,200.00",
                                "2024-05-03 支付宝（中国）网络技术有限公司 2,100.00 余额 17,300.00",
                                "期末余额：17,300.00"))
    assert result.doc_type == "bank_statement", result
