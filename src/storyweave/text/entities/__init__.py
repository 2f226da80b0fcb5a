"""Entities with their aliases, resolved within and across the reports of one story.

"Abu Bakr al-Baghdadi" = "al-Baghdadi" = "the leader of the Islamic State" = the "caliph"; "ISIS" =
"Islamic State" = "the terrorist organization"; "Ashraq al-Awsat" = "Al-Sharq al-Awsat". No tagger model
(none can be downloaded here): names come from capitalisation, checked against how the story's own reports
write each word; grouping uses general mechanisms (surnames, initials, spelling normalisation,
appositives, bound roles) and a deliberately short list of widely used equivalent names.
"""

from storyweave.text.entities._coverage import ReportVocabulary, report_words, uncovered_names
from storyweave.text.entities._resolve import find_entities

__all__ = ["ReportVocabulary", "find_entities", "report_words", "uncovered_names"]
