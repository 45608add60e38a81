"""The reader: the article pane, read marks and the stars beside related headlines.

`show_article(id)` opens an article (the window connects the headline list to it). An
article is marked read after a moment on it, or as soon as it is scrolled; a star
bookmarks or un-bookmarks a related headline. Both are writes through the session, whose
`changed` brings the fresh article back here and to every other part. A link to another
article asks the session to open it.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QKeySequence

from desktop_app.gui import settings as S
from desktop_app.gui.article_view import ArticleView, PaneLabels
from desktop_app.gui.display_text import window_title
from desktop_app.gui.feature import ARTICLE, Feature, FeatureAction
from desktop_app.gui.theme import Look
from desktop_app.model import Article, ChangeKind, Changes
from desktop_app.storage.errors import LibraryBusy, StorageError
from desktop_app.storage.library import Library

log = logging.getLogger(__name__)


class ReaderFeature(Feature):
    article_shown = Signal(int)

    def __init__(self, session, window, settings) -> None:
        super().__init__(session, window, settings)
        self.current: Article | None = None
        self.query: str | None = None  # the search words to mark in the article
        self.read_only = False
        self.view = ArticleView(window)
        self.view.labels = PaneLabels(
            related=self.tr("Related headlines"),
            not_in_library=self.tr("not in the library yet"),
            bookmark=self.tr("Bookmark this headline"),
            unbookmark=self.tr("Remove the bookmark"),
        )
        self.view.open_article.connect(session.open_article)
        self.view.toggle_bookmark.connect(self.toggle_bookmark)
        self.view.scrolled.connect(self._mark_current_read)
        self.read_timer = QTimer(self)
        self.read_timer.setSingleShot(True)
        self.read_timer.timeout.connect(self._mark_current_read)
        self.read_action = self.make_action(
            self.tr("Mark as unread"), self.toggle_read, QKeySequence("Ctrl+U")
        )
        self.bookmark_action = self.make_action(
            self.tr("Bookmark related headline"), self.bookmark_shortcut, QKeySequence("Ctrl+D")
        )
        session.changed.connect(self._on_changed)
        session.access_changed.connect(self._on_access)
        session.reopened.connect(self._on_reopened)
        session.closing.connect(self.read_timer.stop)

    def actions(self) -> list[FeatureAction]:
        return [
            FeatureAction(ARTICLE, self.read_action),
            FeatureAction(ARTICLE, self.bookmark_action),
        ]

    def apply_look(self, look: Look) -> None:
        self.view.set_appearance(
            look.reader_family, look.reader_point_size, look.pane, look.arabic_digits
        )

    # -- the article ----------------------------------------------------------------------

    def show_article(self, article_id: int) -> None:
        self.read_timer.stop()
        article = self.session.library.get(article_id)
        self.current = article
        self.view.show_article(article, self.query, self._notes_of(article))
        self.window.setWindowTitle(
            window_title(article.title if article else None, self.tr("Akhbar"))
        )
        if article is None:
            return
        self.settings.set(S.LAST_ARTICLE, article.id)
        self._show_read_state()
        if not article.read and not self.read_only:
            self.read_timer.start(self.settings.get(S.MARK_READ_DELAY_MS))
        self.article_shown.emit(article.id)

    def _notes_of(self, article: Article | None) -> list:
        """Its highlights and notes, drawn in the pane (a query of one article's rows)."""
        if article is None:
            return []
        try:
            return self.session.library.notes(article.id)
        except StorageError as error:
            log.warning("notes of article %s not read: %s", article.id, error)
            return []

    def set_query(self, query: str | None) -> None:
        """Mark these search words in the article (the list now shows their results)."""
        self.query = query
        if self.current is not None and query != self.view.query:
            self.view.show_article(self.current, query, self.view.notes)

    def _show_read_state(self) -> None:
        read = self.current is not None and self.current.read
        self.read_action.setText(self.tr("Mark as unread") if read else self.tr("Mark as read"))

    # -- read marks -----------------------------------------------------------------------

    def _mark_current_read(self) -> None:
        self.read_timer.stop()
        if self.current is not None and not self.current.read:
            self.set_read(self.current.id, True)

    def set_read(self, article_id: int, read: bool) -> None:
        if self.read_only:
            return
        try:
            self.session.write(lambda library: library.set_read(article_id, read))
        except StorageError as error:  # busy past the timeout: try next time
            log.warning("could not mark article %s read: %s", article_id, error)

    def toggle_read(self) -> None:
        if self.current is not None:
            self.read_timer.stop()
            self.set_read(self.current.id, not self.current.read)

    # -- stars ----------------------------------------------------------------------------

    def toggle_bookmark(self, position: int) -> None:
        if self.current is None or self.read_only:
            return
        article_id = self.current.id
        try:
            self.session.write(lambda library: _toggle_bookmark(library, article_id, position))
        except LibraryBusy as error:  # another process held the lock too long
            log.warning("bookmark not changed: %s", error)
            self.show_status(
                self.tr("The library is busy; the bookmark was not changed. Try again."), 6000
            )
        except StorageError as error:
            self.show_status(str(error), 6000)

    def bookmark_shortcut(self) -> None:
        """Ctrl+D: the related headline with keyboard focus, else the first one."""
        if self.current is None or not self.current.related:
            return
        position = self.view.focused_bookmark()
        self.toggle_bookmark(self.current.related[0].position if position is None else position)

    # -- what the session tells -----------------------------------------------------------

    def _on_changed(self, changes: Changes) -> None:
        if self.current is None:
            return
        read = changes.ids(ChangeKind.READ)
        noted = changes.ids(ChangeKind.NOTES)
        if changes.touches(ChangeKind.NOTES) and (noted is None or self.current.id in noted):
            self.view.notes = self._notes_of(self.current)
            self.view.rerender()
        if not (
            changes.touches(
                ChangeKind.ARTICLES, ChangeKind.BOOKMARKS, ChangeKind.STARS, ChangeKind.TAGS
            )
            or (changes.touches(ChangeKind.READ) and (read is None or self.current.id in read))
        ):
            return
        # Its read mark, its star and tags, the stars of its related links, or those
        # links (an article they name arrived).
        fresh = self.session.library.get(self.current.id)
        if fresh is not None and fresh != self.current:
            self.current = fresh
            self.view.article = fresh
            self.view.rerender()
            self._show_read_state()

    def _on_access(self, read_only: bool, _reason: str) -> None:
        self.read_only = read_only
        for action in (self.read_action, self.bookmark_action):
            action.setEnabled(not read_only)
        if self.view.can_bookmark == read_only:
            self.view.can_bookmark = not read_only
            if self.current is not None:
                self.view.rerender()
        if read_only:
            self.read_timer.stop()

    def _on_reopened(self) -> None:
        self.read_timer.stop()
        self.current = None
        self.view.show_article(None)
        self.window.setWindowTitle(self.tr("Akhbar"))

    def shutdown(self) -> None:
        self.read_timer.stop()


def _toggle_bookmark(library: Library, article_id: int, position: int) -> None:
    existing = library.bookmark_at(article_id, position)
    if existing is not None:
        library.remove_bookmark(existing.id)
    else:
        library.add_bookmark(article_id, position)
