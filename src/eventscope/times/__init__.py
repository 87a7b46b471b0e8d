"""The temporal layer: temporal expressions (TIMEX3) and event dates, relative to the publication time.

``tag_times(doc, article)`` finds and normalises expressions; ``event_interval(...)`` dates an event
from the expression that governs its clause.
"""

from .event import EventTime, event_interval
from .tagger import tag_times

__all__ = ["EventTime", "event_interval", "tag_times"]
