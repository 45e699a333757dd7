"""Reading a project: files, YAML with positions, located messages, notices, settings."""
