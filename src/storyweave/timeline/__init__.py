"""Timelines: a story's event sentences placed on the calendar by their resolved temporal expressions."""

from storyweave.timeline._build import build_timeline

__all__ = ["build_timeline"]
