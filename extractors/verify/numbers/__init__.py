"""Identifier checks from the standards in ``reference/number_checks/``, and their reason codes."""
from extractors.verify.numbers.checks import check_numbers

__all__ = ["check_numbers"]
