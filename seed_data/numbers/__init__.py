"""Identifier generators and validators for the seed world (SPEC §7 format checks).

One module per identifier. Each offers ``make_*`` (always valid), ``*_is_valid`` and, for fraud, the
shared :func:`seed_data.numbers.corrupt.corrupt_check_digit`. Generators take a
``numpy.random.Generator`` so that a world is reproducible from its seed.
"""
