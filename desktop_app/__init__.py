"""Akhbar (أخبار): an offline desktop reader for Arabic news archives."""

__version__ = "0.1.0"
