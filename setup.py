"""resources/ (fonts, translations, icons, sample articles) ships inside the package, as
`desktop_app/resources`, so that a plain `pip install .` has them: desktop_app/paths.py
finds them there (and in the source tree, and in the PyInstaller bundle).

Everything else about the project is in pyproject.toml; only this mapping needs setup.py
(setuptools cannot declare a package from another folder alongside `packages.find`).
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["desktop_app", "desktop_app.*"]), "desktop_app.resources"],
    package_dir={"desktop_app.resources": "resources"},
    package_data={"desktop_app.resources": ["**/*"]},
    exclude_package_data={"desktop_app.resources": ["**/*.py", "**/*.ts", "**/__pycache__/*"]},
)
