"""Territorial control: who held a place when, from territory events, with the evidence of each change."""

from .place import gazetteer_point, place_events
from .timeline import TERRITORY, Period, controllers_at, standing, timeline

__all__ = ["TERRITORY", "Period", "controllers_at", "gazetteer_point", "place_events", "standing", "timeline"]
