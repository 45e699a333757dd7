"""The MkDocs (Material for MkDocs) adapter: the only place that imports MkDocs."""
