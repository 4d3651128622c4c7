"""What a host sends with the built site: security headers as `_headers` and an nginx snippet."""
