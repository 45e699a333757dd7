"""The site as published: pages and data, the Content-Security-Policy, server recipes."""
