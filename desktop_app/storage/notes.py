"""The notes table: highlighted passages of articles, each with an optional note.

A passage is anchored by field and character offsets into the stored text, checked
against the quoted passage (text/anchors.py). Every read checks the anchor against the
article's current text and finds the quote again if the offsets drifted (a migration
that rewrote the text); `reanchor_all` writes the found anchors back. Notes of articles
in the trash are left out (they come back with the article).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from desktop_app.model import ChangeKind, Changes, Note
from desktop_app.search.match import text_matches
from desktop_app.search.query import ParsedQuery, parse_query
from desktop_app.storage.connection import Connection, Row
from desktop_app.storage.errors import LibraryError
from desktop_app.storage.trash import check_live, not_trashed, now
from desktop_app.text.anchors import Anchor, article_fields, find_loosely, find_quote, reanchor

Record = Callable[[Changes], None]
_COLUMNS = """n.id, n.article_id, n.field, n.anchor_start, n.anchor_end, n.quote, n.text,
    n.created, a.title, a.lede, a.caption, a.body, a.source, a.published"""
_PARAGRAPH = re.compile(r"paragraphs/(\d+)")


def _fields(row: Row) -> dict[str, str]:
    body = row["body"]
    return article_fields(
        row["title"], row["lede"], row["caption"], body.split("\n") if body else []
    )


def field_order(field: str) -> int:
    """Reading order of a field name: title, lede, caption, then the paragraphs."""
    found = _PARAGRAPH.fullmatch(field)
    return 3 + int(found[1]) if found else {"title": 0, "lede": 1, "caption": 2}.get(field, 0)


class NotesRepository:
    """Notes on one connection; NOTES changes carry the ids of the notes' articles."""

    def __init__(self, db: Connection, record: Record) -> None:
        self.db = db
        self._record = record

    def add(
        self,
        article_id: int,
        quote: str,
        text: str = "",
        field: str | None = None,
        start: int | None = None,
    ) -> Note:
        """Highlight a passage of an article, with a note (`text`, may be empty).

        With `field` and `start` (a selection in the window) the quote must stand there
        exactly; without them it is looked for in reading order, as written, else
        spelled with other diacritics, hamza seats or spacing (the note then quotes the
        article's own spelling). Raises LibraryError naming the problem: no such
        article, in the trash, an empty quote, or a quote the article does not hold.
        """
        check_live(self.db, [article_id])
        if not quote.strip():
            raise LibraryError("a note needs a quote: the passage it is about")
        fields = self._article_fields(article_id)
        if field is not None or start is not None:
            if field not in fields or start is None:
                raise LibraryError(f"article {article_id} has no text {field!r}")
            anchor: Anchor | None = Anchor(field, start, start + len(quote))
            if fields[field][start : start + len(quote)] != quote:
                raise LibraryError(f"the quote is not at {field} {start} of article {article_id}")
        else:
            anchor = find_quote(fields, quote) or find_loosely(fields, quote)
            if anchor is None:
                raise LibraryError(f"the quote does not occur in article {article_id}: {quote}")
        assert anchor is not None
        with self.db.atomic():
            cursor = self.db.execute(
                """INSERT INTO notes (article_id, field, anchor_start, anchor_end, quote, text,
                       created) VALUES (?, ?, ?, ?, ?, ?, ?)""",
                [
                    article_id,
                    anchor.field,
                    anchor.start,
                    anchor.end,
                    fields[anchor.field][anchor.start : anchor.end],
                    text.strip(),
                    now(),
                ],
            )
        note_id = cursor.lastrowid
        assert note_id is not None
        self._record(Changes.of(ChangeKind.NOTES, [article_id]))
        note = self.get(note_id)
        assert note is not None
        return note

    def set_text(self, note_id: int, text: str) -> Note:
        """Change a note's text; LibraryError if there is no such note."""
        note = self.get(note_id)
        if note is None:
            raise LibraryError(f"no note with id {note_id}")
        with self.db.atomic():
            self.db.execute("UPDATE notes SET text = ? WHERE id = ?", [text.strip(), note_id])
        self._record(Changes.of(ChangeKind.NOTES, [note.article_id]))
        return self.get(note_id)  # type: ignore[return-value]

    def remove(self, note_id: int) -> bool:
        """Forget a note; False when there was none with this id."""
        article_id = self.db.scalar("SELECT article_id FROM notes WHERE id = ?", [note_id])
        if article_id is None:
            return False
        with self.db.atomic():
            self.db.execute("DELETE FROM notes WHERE id = ?", [note_id])
        self._record(Changes.of(ChangeKind.NOTES, [article_id]))
        return True

    def get(self, note_id: int) -> Note | None:
        """One note, trashed article or not (None when there is no such note)."""
        found = self._select("n.id = ?", [note_id])
        return found[0] if found else None

    def search(
        self, article_id: int | None = None, query: ParsedQuery | str | None = None
    ) -> list[Note]:
        """Notes of articles not in the trash: of one article in reading order, or all of
        them newest first; `query` keeps those whose quote and note match it (as search
        matches articles: normalised and stemmed words, phrases, OR, -word, word*)."""
        where = [not_trashed("n.article_id")]
        params: list = []
        if article_id is not None:
            where.append("n.article_id = ?")
            params.append(article_id)
        found = self._select(" AND ".join(where), params)
        parsed = query if isinstance(query, ParsedQuery) else parse_query(query)
        if parsed.groups or parsed.excluded:
            found = [n for n in found if text_matches(parsed, f"{n.quote}\n{n.text}")]
        if article_id is not None:
            found.sort(key=lambda n: (field_order(n.field), n.start, n.id))
        return found

    def count(self) -> int:
        """Notes and highlights of the articles not in the trash."""
        return self.db.scalar(f"SELECT count(*) FROM notes n WHERE {not_trashed('n.article_id')}")

    def reanchor_all(self) -> int:
        """Write back the anchors of notes whose offsets drifted; returns how many moved.

        For after a change to stored text (a migration decoding entities). A note whose
        quote is nowhere to be found is left as it is (shown as not anchored).
        """
        moved = [n for n in self._select("1", []) if n.anchored and self._drifted(n)]
        with self.db.atomic():
            self.db.executemany(
                """UPDATE notes SET field = ?, anchor_start = ?, anchor_end = ?, quote = ?
                   WHERE id = ?""",
                [(n.field, n.start, n.end, n.quote, n.id) for n in moved],
            )
        if moved:
            self._record(Changes.of(ChangeKind.NOTES, {n.article_id for n in moved}))
        return len(moved)

    def _drifted(self, note: Note) -> bool:
        row = self.db.execute(
            "SELECT field, anchor_start, anchor_end, quote FROM notes WHERE id = ?", [note.id]
        ).fetchone()
        assert row is not None
        stored = (row["field"], row["anchor_start"], row["anchor_end"], row["quote"])
        return stored != (note.field, note.start, note.end, note.quote)

    def _article_fields(self, article_id: int) -> dict[str, str]:
        row = self.db.execute(
            "SELECT title, lede, caption, body FROM articles WHERE id = ?", [article_id]
        ).fetchone()
        assert row is not None
        return _fields(row)

    def _select(self, where: str, params: list) -> list[Note]:
        rows = self.db.execute(
            f"""SELECT {_COLUMNS} FROM notes n JOIN articles a ON a.id = n.article_id
                WHERE {where} ORDER BY n.created DESC, n.id DESC""",
            params,
        ).fetchall()
        return [_note(row) for row in rows]


def _note(row: Row) -> Note:
    stored = Anchor(row["field"], row["anchor_start"], row["anchor_end"])
    fields = _fields(row)
    found = reanchor(fields, stored, row["quote"])
    anchor = found or stored
    return Note(
        id=row["id"],
        article_id=row["article_id"],
        field=anchor.field,
        start=anchor.start,
        end=anchor.end,
        quote=fields[anchor.field][anchor.start : anchor.end] if found else row["quote"],
        text=row["text"],
        created=row["created"],
        anchored=found is not None,
        article_title=row["title"],
        article_source=row["source"],
        article_published=date.fromisoformat(row["published"]) if row["published"] else None,
    )
