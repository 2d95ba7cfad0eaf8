"""OCR text helpers, one concept per module: normalisation, amounts, dates."""
from extractors.text.amounts import amounts_in, parse_amount, table_amounts
from extractors.text.capital import parse_capital
from extractors.text.dates import dates_in, parse_date, parse_month
from extractors.text.normalise import compact, normalise

__all__ = ["amounts_in", "compact", "dates_in", "normalise", "parse_amount", "parse_capital", "parse_date", "parse_month",
           "table_amounts"]
