"""storyweave: cited, per-event briefs from piles of news reports."""

from storyweave.model import Article, Brief, CitedSentence, Document, InputFailure, SourceRef, Story

__all__ = ["Article", "Brief", "CitedSentence", "Document", "InputFailure", "SourceRef", "Story"]
__version__ = "0.1.0"
