"""The one model of a notice and of a site's settings: fields, vocabularies, schema, scaffold."""
