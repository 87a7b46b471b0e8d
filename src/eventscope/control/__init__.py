"""Territorial control: who held a place when, from territory events, with the evidence of each change."""

from .place import place_events
from .timeline import TERRITORY, Period, controllers_at, timeline

__all__ = ["TERRITORY", "Period", "controllers_at", "place_events", "timeline"]
