"""Rendering the site's pages to finished HTML: templates and the safe Markdown converter."""
