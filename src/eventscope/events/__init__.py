"""events: event mention detection, modality, arguments and ACLED typing."""
