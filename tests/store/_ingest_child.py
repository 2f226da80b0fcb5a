"""Child process for the crash and concurrency tests: ingests invented reports into a SQLite store.

    python _ingest_child.py DB FIRST STOP BATCH [--reverse] [--stories CHUNK]

Ingests reports FIRST..STOP-1 in batches of BATCH and prints the total AddResult as JSON. With
``--stories CHUNK`` it adds CHUNK reports at a time and, after each chunk, replaces the story assignment
with groups of ten covering every report so far (nine kept, the tenth folded in as a duplicate of the
first), so a kill can land inside a story replacement too.
"""

from __future__ import annotations

import argparse
import json
from functools import cache
from itertools import islice

from storyweave.model import Article, Story, content_id
from storyweave.store import AddResult, open_store

GROUP = 10


@cache
def report(index: int) -> Article:
    """An invented report whose text starts with its index, so a checker can tell which one it is."""
    text = (
        f"Report {index}: the harbour board of Velmar met for the {index}th time and agreed to repaint "
        f"buoy {index % 97}. Board member Ilsa Drow said the work on pier {index % 13} would take "
        f"{index % 9 + 1} days."
    )
    return Article(id=content_id(text), text=text, origin=f"invented:{index}", title=f"Board meeting {index}")


def stories_for(count: int) -> list[Story]:
    stories = []
    for start in range(0, count - count % GROUP, GROUP):
        group = [report(i) for i in range(start, start + GROUP)]
        stories.append(
            Story(id=f"s{start // GROUP}", articles=group[:-1], duplicates={group[0].id: group[-1:]})
        )
    return stories


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("first", type=int)
    parser.add_argument("stop", type=int)
    parser.add_argument("batch", type=int)
    parser.add_argument("--reverse", action="store_true")
    parser.add_argument("--stories", type=int, default=0, metavar="CHUNK")
    args = parser.parse_args()
    indices = range(args.first, args.stop)
    if args.reverse:
        indices = indices[::-1]
    total = AddResult()
    with open_store(args.db) as store:
        if not args.stories:
            total = store.add_articles((report(i) for i in indices), batch_size=args.batch)
        else:
            pending, done = iter(indices), 0
            while chunk := list(islice(pending, args.stories)):
                total += store.add_articles([report(i) for i in chunk], batch_size=args.batch)
                done += len(chunk)
                store.replace_stories(stories_for(done))
    print(json.dumps({"added": total.added, "existing": total.existing}))


if __name__ == "__main__":
    main()
