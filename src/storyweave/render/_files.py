"""Writing briefs to disk under names that are safe whatever a headline holds.

Headlines come from reports, so a file name built from one must survive "../../etc/passwd", "CON", NUL
bytes, 10,000 characters and right-to-left marks on every operating system: names are ASCII letters,
digits and hyphens only, bounded in length, and always carry a short story id so they never collide with
each other, with an index file, or with a reserved device name.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from storyweave.model import Brief
from storyweave.render._registry import IndexRow, OutputFormat, get_format

_NOT_SLUG = re.compile(r"[^a-z0-9]+")
# The names this module writes (a slug stem or "index", one extension): the only ones it will remove.
_OWN_NAME = re.compile(r"[a-z0-9-]{1,100}\.(?:md|html|json)")
_MANIFEST = ".storyweave-written"  # no extension: a glob for *.json must not find it
_MAX_SLUG = 60
_ID_CHARS = 8


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")
    return slug[:_MAX_SLUG].rstrip("-") or "story"


def _short_id(story_id: str) -> str:
    """A few id characters, or a hash of the id when it holds no usable ones (empty, all punctuation)."""
    usable = _NOT_SLUG.sub("", story_id.lower())
    if len(usable) >= _ID_CHARS:
        return usable[:_ID_CHARS]
    return hashlib.sha256(story_id.encode("utf-8", "surrogatepass")).hexdigest()[:_ID_CHARS]


def brief_stem(brief: Brief) -> str:
    """The file name (without extension) for a brief: headline slug plus short story id."""
    return f"{_slug(brief.headline)}-{_short_id(brief.story_id)}"


def _unique_stems(briefs: Sequence[Brief]) -> list[str]:
    """One stem per brief; two briefs that would share one get -2, -3... so neither overwrites the other."""
    taken: set[str] = set()
    stems = []
    for brief in briefs:
        stem = candidate = brief_stem(brief)
        counter = 2
        while candidate in taken:
            candidate = f"{stem}-{counter}"
            counter += 1
        taken.add(candidate)
        stems.append(candidate)
    return stems


def _resolve_formats(formats: Sequence[str]) -> list[OutputFormat]:
    if isinstance(formats, str):
        # "md,html" from a command line, or a single "md": both mean what the user obviously meant.
        formats = [part.strip() for part in formats.split(",")]
    names = list(dict.fromkeys(name.strip().lower() for name in formats if name.strip()))
    if not names:
        raise ValueError("no output format asked for; pass at least one, e.g. formats=('md',)")
    return [get_format(name) for name in names]


def _write_text(path: Path, text: str) -> None:
    """Write via a temporary file and rename, so a crash never leaves a half-written brief behind."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_briefs(
    briefs: Sequence[Brief], out_dir: Path, formats: Sequence[str] = ("md", "html", "json")
) -> list[Path]:
    """Write one file per brief per format, and an index per format, into ``out_dir``.

    Every brief is rendered before anything is written, so a bad brief or an unknown format leaves the
    folder as it was. Returns the paths written: the brief pages (format by format in the order asked,
    briefs in input order), then the indexes. Index rows keep the input order, so the caller decides how
    stories are ranked.
    """
    chosen = _resolve_formats(formats)
    out_dir = Path(out_dir)
    stems = _unique_stems(briefs)
    pages: list[tuple[Path, str]] = []
    indexes: list[tuple[Path, str]] = []
    for output_format in chosen:
        rows = []
        for brief, stem in zip(briefs, stems, strict=True):
            file_name = f"{stem}.{output_format.extension}"
            pages.append((out_dir / file_name, output_format.render_brief(brief)))
            rows.append(IndexRow(brief=brief, file_name=file_name))
        indexes.append((out_dir / f"index.{output_format.extension}", output_format.render_index(rows)))

    out_dir.mkdir(parents=True, exist_ok=True)
    for path, text in pages + indexes:
        _write_text(path, text)
    written = [path for path, _ in pages + indexes]
    _forget_earlier_files(out_dir, {path.name for path in written})
    return written


def _forget_earlier_files(out_dir: Path, current: set[str]) -> None:
    """Remove the files an earlier run wrote here and this one did not, then list this run's.

    A story that grew gets a new id and so a new page, and a run with fewer formats writes fewer indexes:
    left in place, the old pages and an ``index.html`` that disagrees with the new ``index.md`` would be
    read as current. Only names listed in the folder's manifest (this writer's own) are ever removed.
    """
    manifest = out_dir / _MANIFEST
    try:
        earlier = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        earlier = []
    for name in earlier if isinstance(earlier, list) else []:
        if isinstance(name, str) and name not in current and _OWN_NAME.fullmatch(name):
            (out_dir / name).unlink(missing_ok=True)
    _write_text(manifest, json.dumps(sorted(current), indent=0) + "\n")
