from extractors.verify.numbers.plates import find_plates, normalise_plate, plate_is_valid


def test_ordinary_and_new_energy_plates():
    assert plate_is_valid("粤B·12345") and plate_is_valid("京A 8C3D1")
    assert plate_is_valid("粤B·D12345") and plate_is_valid("粤B·12345D")
    assert not plate_is_valid("粤I·12345") and not plate_is_valid("XB·12345") and not plate_is_valid("粤B·1234")


def test_plates_are_found_in_ocr_text():
    assert find_plates("解放 J6 粤B·3K521 车头") == ("粤B3K521",)
    assert normalise_plate("粤b·3k521") == "粤B3K521"


def test_a_province_read_in_its_traditional_form_is_the_plate_printed_in_simplified() -> None:
    # PP-OCR's dictionary returns 粵 for a photographed 粤, 魯 for 鲁: the same plate either way.
    assert find_plates("車牌 粵B·12345 魯A88888") == ("粤B12345", "鲁A88888")
    assert plate_is_valid("遼C·D12345")
    assert normalise_plate("粵b 12345") == normalise_plate("粤B12345")
