from __future__ import annotations

from extractors.text import compact, normalise


def test_full_width_digits_and_punctuation_fold_to_ascii() -> None:
    assert normalise("合计：１２３．４５（元）") == "合计:123.45(元)"


def test_v_before_an_amount_is_read_as_yen_but_plates_keep_their_v() -> None:
    assert normalise("(小写)V4250.00") == "(小写)¥4250.00"
    assert normalise("粵V12345") == "粤V12345"
    assert normalise("VIN LVSHCAMB1CE012345") == "VIN LVSHCAMB1CE012345"


def test_letter_spaced_labels_compact_to_the_word() -> None:
    assert compact("名　　称： 济南市 天成") == "名称:济南市天成"
