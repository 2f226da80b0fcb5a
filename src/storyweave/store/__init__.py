"""Where articles and stories live between runs: SQLite by default, PostgreSQL by URL, one interface.

    from storyweave.store import open_store
    with open_store("news.sqlite") as store:          # or None, sqlite:///x.db, postgresql://u@host/db
        store.add_articles(articles)                  # re-adding a stored article is a no-op
        store.replace_stories(stories)                # atomic swap of the story assignment

Articles are append-only and keyed by content hash; the story assignment is replaced as a whole each time
the store is re-clustered. The schema is versioned and migrated on open.
"""

from storyweave.store._api import AddResult, IngestRun, StaleStoriesError, Store, StoreError
from storyweave.store._migrations import LATEST_VERSION
from storyweave.store._open import DEFAULT_STORE_PATH, open_store, sqlite_file

__all__ = [
    "DEFAULT_STORE_PATH",
    "LATEST_VERSION",
    "AddResult",
    "IngestRun",
    "StaleStoriesError",
    "Store",
    "StoreError",
    "open_store",
    "sqlite_file",
]
