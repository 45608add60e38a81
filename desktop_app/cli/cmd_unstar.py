"""`akhbar unstar ID…`: take the star off articles."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop_app.cli.cmd_star import set_stars
from desktop_app.cli.common import article_ids


def add_parser(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    article_ids(subparsers.add_parser("unstar", parents=[common], help="unstar articles"))


def run(args: argparse.Namespace, db_path: Path) -> int:
    return set_stars(args, db_path, starred=False)
