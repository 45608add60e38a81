"""The window's features, one module each; none imports another (see gui/feature.py)."""
