"""One incident, one alert: fingerprints, clustering of reports into incidents, follow-ups (pure)."""
