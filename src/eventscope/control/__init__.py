"""Territorial control: who held a place when, from territory events, with the evidence of each change."""

from .place import control_periods, place_events
from .timeline import TERRITORY, Period, controllers_at, period_json, timeline

__all__ = ["TERRITORY", "Period", "control_periods", "controllers_at", "period_json", "place_events", "timeline"]
