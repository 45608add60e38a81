"""One make-corpus folder shared by the reliability tests that need real articles."""

from __future__ import annotations

import pytest

from tests.conftest import make_corpus
from tests.reliability.support import FULL

CORPUS_SIZE = 5000 if FULL else 1500


@pytest.fixture(scope="session")
def corpus(tmp_path_factory):
    """(folder, manifest): real articles in mixed encodings, with 2% duplicate files."""
    folder = tmp_path_factory.mktemp("reliability-corpus")
    manifest = make_corpus(folder, CORPUS_SIZE, "--mix", "--duplicates", "0.02", "--seed", "6")
    return folder, manifest
