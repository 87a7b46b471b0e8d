"""eventscope: news articles -> grounded conflict events in ACLED's vocabulary."""

__version__ = "0.1.0"
