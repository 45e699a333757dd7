"""Compatibility: the spam check lives in ``generator.check.spam``."""
from .check.spam import Finding, find_spam, fold, normalize  # noqa: F401
