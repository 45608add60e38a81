"""Tags and stars on the selected articles: one or many at once.

The selection is the headline list's; the window hands it over as `selection` (a
callable), features never importing one another. Every change is one write through the
session, whose `changed` (TAGS, STARS) refreshes the sidebar and the list.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QInputDialog

from desktop_app.gui.feature import ARTICLE, Feature, FeatureAction
from desktop_app.storage.errors import StorageError


class TagsFeature(Feature):
    def __init__(self, session, window, settings) -> None:
        super().__init__(session, window, settings)
        self.selection: Callable[[], list[int]] = list  # the window connects the list's
        self.tag_action = self.make_action(
            self.tr("Tag selected articles…"), self.ask_tag, QKeySequence("Ctrl+T")
        )
        self.untag_action = self.make_action(
            self.tr("Remove a tag from selected articles…"), self.ask_untag
        )
        self.star_action = self.make_action(
            self.tr("Star / unstar article"), self.toggle_star, QKeySequence("Ctrl+Shift+D")
        )
        session.access_changed.connect(self._on_access)

    def actions(self) -> list[FeatureAction]:
        return [
            FeatureAction(ARTICLE, self.star_action),
            FeatureAction(ARTICLE, self.tag_action),
            FeatureAction(ARTICLE, self.untag_action),
        ]

    def list_actions(self) -> list:
        """The actions offered in the headline list's context menu."""
        return [self.star_action, self.tag_action, self.untag_action]

    def _on_access(self, read_only: bool, _reason: str) -> None:
        for action in self.list_actions():
            action.setEnabled(not read_only)

    def _names(self) -> list[str]:
        try:
            return [tag.name for tag in self.session.library.tags()]
        except StorageError:
            return []

    def ask_tag(self) -> None:
        ids = self.selection()
        if not ids:
            return
        name, ok = QInputDialog.getItem(
            self.window,
            self.tr("Tag articles"),
            self.tr("Tag for %n article(s):", "", len(ids)),
            self._names(),
            0,
            True,
        )
        if ok and name.strip():
            self.tag(name.strip(), ids)

    def ask_untag(self) -> None:
        ids, names = self.selection(), self._names()
        if not ids or not names:
            return
        name, ok = QInputDialog.getItem(
            self.window,
            self.tr("Remove a tag"),
            self.tr("Tag to take off %n article(s):", "", len(ids)),
            names,
            0,
            False,
        )
        if ok and name:
            self._write(lambda library: library.untag(name, ids))

    def tag(self, name: str, ids: list[int] | None = None) -> None:
        ids = self.selection() if ids is None else ids
        if ids:
            self._write(lambda library: library.tag(name, ids))
            self.show_status(
                self.tr("Tagged %n article(s) “{tag}”", "", len(ids)).format(tag=name), 4000
            )

    def toggle_star(self) -> None:
        """Star the selected articles; unstar them when all of them are starred."""
        ids = self.selection()
        if not ids:
            return

        def work(library) -> None:
            starred = all(
                article is not None and article.starred for article in map(library.get, ids)
            )
            library.set_starred(ids, not starred)

        self._write(work)

    def _write(self, work) -> None:
        try:
            self.session.write(work)
        except StorageError as error:
            self.show_status(str(error), 6000)
