"""The Qt window: the only package of Akhbar that imports PySide6."""
