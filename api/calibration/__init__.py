"""Calibrations that need both the seed world's simulations and the checks they calibrate (layering: only api may import both)."""
