"""Optional LLM fusion: rewrite the cited extractive summary into fluent prose, keeping only what checks out.

Off by default: it runs only when a user names an OpenAI-compatible endpoint (``storyweave brief
--fusion-endpoint URL --fusion-model NAME``, or ``BriefOptions(fusion=FusionSettings(...))``). No model
weights ship with storyweave or can be downloaded by it; bring your own server. Every fused sentence is
checked against the extracted sentences it cites and dropped when it says more than they do.
"""

from storyweave.summarize.fusion._backends import ChatMessage, LLMBackend, LLMError, OpenAICompatibleBackend
from storyweave.summarize.fusion._fuse import (
    DroppedSentence,
    FusionResult,
    FusionSettings,
    fuse,
    fusion_messages,
)
from storyweave.summarize.fusion._verify import Verdict, check_support

__all__ = [
    "ChatMessage",
    "DroppedSentence",
    "FusionResult",
    "FusionSettings",
    "LLMBackend",
    "LLMError",
    "OpenAICompatibleBackend",
    "Verdict",
    "check_support",
    "fuse",
    "fusion_messages",
]
