from extractors.verify.numbers.luhn import luhn_is_valid


def test_luhn():
    assert luhn_is_valid("4111111111111111")
    assert not luhn_is_valid("4111111111111112")
    assert not luhn_is_valid("41111111")
    assert not luhn_is_valid("4111-1111-1111-1111")
