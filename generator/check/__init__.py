"""Checks on what was read: rules across fields, content (markup, characters, spam, personal data), revisions."""
