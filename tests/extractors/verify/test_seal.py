from extractors.verify.seal import check_seal, find_seals


def test_invoice_seals_are_found(shots):
    # An ordinary invoice carries the tax bureau's oval 监制章 and the seller's oval 发票专用章.
    assert len(find_seals(shots["clean"].image)) >= 1
    assert check_seal(shots["phone"].image).passed is True


def test_a_page_without_red_ink_has_no_seal(shots):
    grey = shots["clean"].image.mean(axis=2, keepdims=True).repeat(3, axis=2).astype("uint8")
    assert find_seals(grey) == ()
    assert check_seal(grey).passed is False
