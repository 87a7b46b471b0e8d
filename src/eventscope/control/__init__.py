"""Territorial control: who held a place when, from territory events, with the evidence of each change."""

from .timeline import TERRITORY, Period, controllers_at, timeline

__all__ = ["TERRITORY", "Period", "controllers_at", "timeline"]
