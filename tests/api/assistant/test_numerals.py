import pytest

from api.assistant.numerals import parse_number


@pytest.mark.parametrize("text, expected", [
    ("二十万", (200_000, 200_000)),
    ("四五百万", (4_000_000, 5_000_000)),
    ("一万五", (15_000, 15_000)),
    ("3.5万", (35_000, 35_000)),
    ("20w", (200_000, 200_000)),
    ("十几万", (110_000, 190_000)),
    ("二十多万", (200_000, 300_000)),
    ("三万多", (30_000, 40_000)),
    ("一百二十万", (1_200_000, 1_200_000)),
    ("三千五", (3_500, 3_500)),
    ("两百五", (250, 250)),
    ("1.2亿", (120_000_000, 120_000_000)),
    ("１５００", (1_500, 1_500)),
])
def test_spoken_amounts_read_as_intervals(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", ["", "多", "万元整", "abc"])
def test_non_numbers_are_refused_by_name(text):
    with pytest.raises(ValueError):
        parse_number(text)
