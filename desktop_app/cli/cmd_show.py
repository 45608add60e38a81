"""`akhbar show ID`: one article, whole, with its tags, star, read mark and notes."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop_app.cli.common import EXIT_OK, open_with_notice, say, whole_number, write_json
from desktop_app.model import Article, Note
from desktop_app.services.exports import article_json, iso
from desktop_app.storage import health
from desktop_app.storage.errors import LibraryError


def add_parser(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    show = subparsers.add_parser("show", parents=[common], help="show one article")
    show.add_argument("id", type=whole_number)


def run(args: argparse.Namespace, db_path: Path) -> int:
    with open_with_notice(db_path).library as library:
        article = library.get(args.id)
        if article is None and library.in_trash(args.id):
            raise LibraryError(f"article {args.id} is in the trash")
        notes = library.notes(args.id) if article is not None else []
        if article is None and 0 < args.id <= library.max_article_id():
            # An id that should be there but reads as missing: a damaged page can hide a
            # row without SQLite noticing. Check before saying the article is not there.
            health.checked(library, force=True)
    if article is None:
        raise LibraryError(f"no article with id {args.id}")
    if args.json:
        write_json(article_json(article, notes))
    else:
        _print_article(article, notes)
    return EXIT_OK


def _print_article(article: Article, notes: list[Note]) -> None:
    say(("★ " if article.starred else "") + article.title)
    say(" · ".join(x for x in (article.source, iso(article.published)) if x))
    if article.tags:
        say("tags: " + ", ".join(article.tags))
    say()
    say(article.lede)
    if article.caption:
        say(f"[{article.caption}]")
    say()
    for paragraph in article.paragraphs:
        say(paragraph)
        say()
    if article.related:
        say("Related:")
        for r in article.related:
            target = f"→ article {r.article_id}" if r.article_id else "(not in the library)"
            star = "★" if r.bookmarked else " "
            say(f" {star} {r.position:>2}. {r.text} {target}")
    if notes:
        say("Notes:")
        for note in notes:
            say(f" {note.id:>4}. «{note.quote}»" + (f" — {note.text}" if note.text else ""))
