"""Tests of packaging/: the PyInstaller spec and the frozen build."""
