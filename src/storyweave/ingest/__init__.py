"""Readers: inputs (files, directories, globs, stdin) to ``Document`` records, or ``InputFailure`` for
each input or record that cannot be read.

Readers return a report's main text as found; removing page junk is ``storyweave.text``'s job. New kinds
of input (URLs, feeds, WARC) plug in as a ``Reader`` without touching the existing ones.
"""

from storyweave.ingest._dispatch import DEFAULT_READERS, read_inputs
from storyweave.ingest._options import DEFAULT_MAX_BYTES, Reader, ReadOptions
from storyweave.ingest._source import InputError, Source

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_READERS",
    "InputError",
    "ReadOptions",
    "Reader",
    "Source",
    "read_inputs",
]
