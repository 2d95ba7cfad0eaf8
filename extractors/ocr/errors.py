"""Typed OCR errors: callers can tell a bad page from an engine that cannot run here."""
from __future__ import annotations


class EngineUnavailable(RuntimeError):
    """The engine cannot run on this machine; the message names what is missing."""


class UnknownEngine(ValueError):
    """No engine is registered under that name."""


class BadPage(ValueError):
    """A page image is not a ``uint8`` RGB or grey array of a usable size."""
