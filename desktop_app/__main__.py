"""`python -m desktop_app` — the same entry point as the `akhbar` script (and PyInstaller's)."""

from desktop_app.cli import main_entry

if __name__ == "__main__":
    main_entry()
