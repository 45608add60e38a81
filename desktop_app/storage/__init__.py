"""Storage: the only package that speaks SQL or sees sqlite3 (and its errors).

- library.py: `Library`, the façade: connection, transactions, lifecycle, Changes;
  composes one repository per table and delegates its reading and writing methods
- articles.py: `ArticlesRepository` (articles, related headlines, index rows, search)
- bookmarks.py: `BookmarksRepository`
- tags.py, stars.py, notes.py, saved_searches.py: their repositories (issue 11)
- trash.py: `TrashRepository`, and `not_trashed`, the one clause that leaves the
  trash out of every read
- filters.py: model.ArticleFilter → WHERE clauses (the one place filters become SQL)
- connection.py: `connect`, `Connection` (rows as sqlite3.Row, errors translated)
- errors.py: StorageError and its kinds; `translate`, `translating`
- schema.py: tables, the full-text table (columns from search/index.py), migrations
- copies.py: snapshot copies of a library and the checks a copy must pass
- safety.py: `open_library` (damaged files set aside, read-only detection, backups
  before a migration)
"""
