"""The `akhbar` command line: main(argv) -> exit code.

A contract other tools rely on: commands, flags, JSON fields and exit codes (0 success,
1 some inputs failed, 2 usage error) only ever grow. Errors are one line on stderr; the
traceback of an unexpected failure goes to the log file, never to the terminal.
"""

from __future__ import annotations

import argparse
import json
import logging
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from desktop_app import __version__
from desktop_app.model import ImportOutcome, ImportReport
from desktop_app.paths import default_library_path
from desktop_app.services.exports import (
    article_json,
    bookmark_json,
    search_hit_json,
    summary_json,
)
from desktop_app.services.log import log_path, setup_logging
from desktop_app.storage.library import Library, LibraryError
from desktop_app.storage.safety import OpenedLibrary, open_library

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
log = logging.getLogger(__name__)


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, exit 2, as the contract says
        raise UsageError(f"{self.prog}: {message} (see '{self.prog} --help')")


def build_parser() -> argparse.ArgumentParser:
    db_help = "library file (default: $AKHBAR_DB or the per-user data folder)"
    common = _Parser(add_help=False)
    common.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=db_help)
    common.add_argument("--json", action="store_true", help="machine-readable output")

    parser = _Parser(
        prog="akhbar",
        description="Akhbar (أخبار): read, search and follow Arabic news archives offline. "
        "With no command, opens the window; 'akhbar FILE_OR_FOLDER...' opens it and "
        "imports them.",
    )
    parser.add_argument("--db", metavar="PATH", help=db_help)
    parser.add_argument("--version", action="version", version=f"akhbar {__version__}")
    parser.add_argument("--lang", choices=["ar", "en"], help="interface language for the window")
    parser.add_argument(
        "--smoke-test", action="store_true", help="start the window offscreen, render, exit"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    imp = commands.add_parser("import", parents=[common], help="import article files/folders")
    imp.add_argument("paths", nargs="+", metavar="PATH", help="*.txt files or folders")

    lst = commands.add_parser("list", parents=[common], help="list articles, newest first")
    lst.add_argument("--limit", type=_non_negative, default=50)
    lst.add_argument("--offset", type=_non_negative, default=0)

    show = commands.add_parser("show", parents=[common], help="show one article")
    show.add_argument("id", type=int)

    search = commands.add_parser("search", parents=[common], help="search articles")
    search.add_argument("query")
    search.add_argument("--limit", type=_non_negative, default=20)

    bookmark = commands.add_parser("bookmark", help="bookmarked related headlines")
    actions = bookmark.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    actions.required = True
    add = actions.add_parser("add", parents=[common], help="bookmark a related headline")
    add.add_argument("article_id", type=int)
    add.add_argument("position", type=_non_negative, help="0-based, in file order")
    marks = actions.add_parser("list", parents=[common], help="list bookmarks")
    marks.add_argument(
        "--search", metavar="QUERY", help="only headlines matching QUERY (as search matches)"
    )
    remove = actions.add_parser("remove", parents=[common], help="remove a bookmark")
    remove.add_argument("id", type=int)

    backup = commands.add_parser(
        "backup", parents=[common], help="copy the library to a file (safe while it is in use)"
    )
    backup.add_argument("path", metavar="PATH", help="backup file, or a folder for a dated one")
    backup.add_argument("--force", action="store_true", help="overwrite an existing file")

    restore = commands.add_parser(
        "restore", parents=[common], help="replace the library with a checked backup"
    )
    restore.add_argument("path", metavar="PATH", help="a file written by 'akhbar backup'")
    return parser


def _non_negative(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    options, open_paths = split_open_paths(argv)
    try:
        args = parser.parse_args(options)
    except UsageError as error:
        print(error, file=sys.stderr)
        return EXIT_USAGE
    db_path = Path(args.db) if args.db else default_library_path()
    setup_logging()
    try:
        if args.command is None:
            return _open_window(parser, args, db_path, open_paths)
        return _COMMANDS[args.command](args, db_path)
    except (LibraryError, sqlite3.DatabaseError, OSError) as error:
        print(f"akhbar: error: {error}", file=sys.stderr)
        log.info("command failed", exc_info=True)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("akhbar: interrupted", file=sys.stderr)
        return 130
    except Exception as error:  # the user gets one line, the log the rest
        log.exception("unexpected error")
        print(f"akhbar: unexpected error: {error} (details in {log_path()})", file=sys.stderr)
        return EXIT_FAILED


def main_entry() -> None:
    sys.exit(main())


# Options of the top-level parser that take a value (the rest are flags).
_WINDOW_OPTIONS_WITH_VALUE = ("--db", "--lang")


def split_open_paths(argv: Sequence[str]) -> tuple[list[str], list[str]]:
    """`akhbar [OPTIONS] FILE_OR_FOLDER…` (the desktop file's `Exec=akhbar %F`): split it
    into the options and the paths to open the window on and import.

    Only when the first word that is not an option is no command but an existing file or
    folder; every word from there on is then a path (a missing one is reported by the
    import, as `akhbar import` does). Anything else is returned unchanged for argparse,
    so an unknown word that is not a path is still a usage error.
    """
    commands = set(_COMMANDS)
    i = 0
    while i < len(argv):
        word = argv[i]
        if word == "--":
            i += 1
            break
        if word.startswith("-"):
            i += 2 if word in _WINDOW_OPTIONS_WITH_VALUE else 1
            continue
        break
    if i >= len(argv) or argv[i] in commands or not Path(argv[i]).exists():
        return list(argv), []
    options = [word for word in argv[:i] if word != "--"]
    return options, list(argv[i:])


def _open_window(
    parser: argparse.ArgumentParser, args, db_path: Path, open_paths: Sequence[str] = ()
) -> int:
    try:
        from desktop_app.gui.app import run_window
    except ImportError:  # the window is not part of this build yet
        parser.print_help()
        return EXIT_OK
    return run_window(
        db_path, lang=args.lang, smoke_test=args.smoke_test, import_paths=list(open_paths)
    )


def _out(data) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _write_import_json(report: ImportReport) -> None:
    """The import report as JSON, written item by item.

    Same items as ImportReport.to_json(), but never built whole in memory: for an import
    of 300,000 files the dicts and json.dumps' chunks of the whole report took ~350 MB,
    ten times what the import itself needs.
    """
    out = sys.stdout
    out.write("{")
    for number, (name, items) in enumerate(report.json_sections().items()):
        out.write(("," if number else "") + f'\n  "{name}": [')
        separator = "\n    "
        for item in items:
            out.write(separator + json.dumps(item, ensure_ascii=False))
            separator = ",\n    "
        out.write("]" if separator == "\n    " else "\n  ]")
    out.write("\n}\n")


def _open(db_path: Path) -> OpenedLibrary:
    """The library, opened safely; what the user must know goes to stderr, one line."""
    opened = open_library(db_path)
    if opened.notice:
        print(f"akhbar: {opened.notice}", file=sys.stderr)
    return opened


def _writable_library(db_path: Path, doing: str) -> Library:
    opened = _open(db_path)
    if opened.read_only:
        opened.library.close()
        raise LibraryError(f"cannot {doing}: the library {db_path} is read-only")
    return opened.library


def _cmd_import(args, db_path: Path) -> int:
    from desktop_app.services.importer import import_paths

    _writable_library(db_path, "import").close()  # damaged → set aside, read-only → refuse
    bar = _ProgressBar() if not args.json and sys.stderr.isatty() else None
    report = import_paths(db_path, args.paths, progress=bar.update if bar else None)
    if bar:
        bar.finish()
    if args.json:
        _write_import_json(report)
    else:
        _print_import_summary(report)
    return EXIT_FAILED if report.failed else EXIT_OK


def _print_import_summary(report: ImportReport) -> None:
    for path, message in report.warnings():
        print(f"warning: {path}: {message}", file=sys.stderr)
    for outcome in report.failed:
        print(f"failed: {outcome.path}: {outcome.reason}", file=sys.stderr)
    for outcome in report.duplicates:
        print(f"duplicate: {outcome.path} (already stored as article {outcome.article_id})")
    print(
        f"{len(report.imported)} imported, {len(report.duplicates)} duplicate(s), "
        f"{len(report.failed)} failed, {len(report.warnings())} warning(s)"
    )


class _ProgressBar:
    WIDTH = 30

    def __init__(self) -> None:
        self.shown = False

    def update(self, done: int, total: int, outcome: ImportOutcome) -> None:
        if total < 20 or (done % 25 and done != total):
            return
        filled = self.WIDTH * done // total
        bar = "#" * filled + "." * (self.WIDTH - filled)
        sys.stderr.write(f"\rimporting [{bar}] {done}/{total}")
        sys.stderr.flush()
        self.shown = True

    def finish(self) -> None:
        if self.shown:
            sys.stderr.write("\n")


def _cmd_list(args, db_path: Path) -> int:
    with _open(db_path).library as library:
        rows = library.page(limit=args.limit, offset=args.offset)
    if args.json:
        _out([summary_json(r) for r in rows])
    else:
        for r in rows:
            print(f"{r.id:>7}  {_iso(r.published) or '----------'}  {r.source}  {r.title}")
    return EXIT_OK


def _cmd_show(args, db_path: Path) -> int:
    with _open(db_path).library as library:
        article = library.get(args.id)
    if article is None:
        raise LibraryError(f"no article with id {args.id}")
    if args.json:
        _out(article_json(article))
        return EXIT_OK
    print(article.title)
    print(" · ".join(x for x in (article.source, _iso(article.published)) if x))
    print()
    print(article.lede)
    if article.caption:
        print(f"[{article.caption}]")
    print()
    for paragraph in article.paragraphs:
        print(paragraph)
        print()
    if article.related:
        print("Related:")
        for r in article.related:
            target = f"→ article {r.article_id}" if r.article_id else "(not in the library)"
            star = "★" if r.bookmarked else " "
            print(f" {star} {r.position:>2}. {r.text} {target}")
    return EXIT_OK


def _cmd_search(args, db_path: Path) -> int:
    with _open(db_path).library as library:
        hits = library.search(args.query, limit=args.limit)
    if args.json:
        _out([search_hit_json(h) for h in hits])
    else:
        for h in hits:
            print(f"{h.id:>7}  {_iso(h.published) or '----------'}  {h.title}")
            print(f"         {_plain(h.snippet)}")
    return EXIT_OK


def _cmd_bookmark(args, db_path: Path) -> int:
    if args.action == "list":
        library = _open(db_path).library
    else:
        library = _writable_library(db_path, f"{args.action} a bookmark")
    with library:
        if args.action == "add":
            bookmark = library.add_bookmark(args.article_id, args.position)
            if args.json:
                _out(bookmark_json(bookmark))
            else:
                print(f"bookmark {bookmark.id}: {bookmark.headline}")
        elif args.action == "list":
            bookmarks = library.bookmarks(args.search)
            if args.json:
                _out([bookmark_json(b) for b in bookmarks])
            else:
                for b in bookmarks:
                    target = f"→ article {b.target_article_id}" if b.target_article_id else ""
                    print(f"{b.id:>5}  {b.headline}  (from {b.article_id}) {target}")
        else:
            if not library.remove_bookmark(args.id):
                raise LibraryError(f"no bookmark with id {args.id}")
            if args.json:
                _out({"id": args.id, "removed": True})
    return EXIT_OK


def _cmd_backup(args, db_path: Path) -> int:
    from desktop_app.services.backup import backup_library

    with _open(db_path).library as library:
        result = backup_library(library, args.path, overwrite=args.force)
    if args.json:
        _out(result.to_json())
    else:
        print(f"backed up {result.articles} article(s) to {result.path}")
    return EXIT_OK


def _cmd_restore(args, db_path: Path) -> int:
    from desktop_app.services.backup import restore_library

    result = restore_library(db_path, args.path)
    if args.json:
        _out(result.to_json())
    else:
        kept = f"; the previous library was kept as {result.previous}" if result.previous else ""
        print(f"restored {result.articles} article(s) from {args.path} into {result.path}{kept}")
    return EXIT_OK


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def _plain(snippet: str) -> str:
    import html

    return html.unescape(snippet.replace("<b>", "[").replace("</b>", "]"))


_COMMANDS = {
    "import": _cmd_import,
    "list": _cmd_list,
    "show": _cmd_show,
    "search": _cmd_search,
    "bookmark": _cmd_bookmark,
    "backup": _cmd_backup,
    "restore": _cmd_restore,
}
