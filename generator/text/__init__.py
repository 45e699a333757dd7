"""Chinese text utilities: dates, ordinals, URL names."""
