"""What protects and helps editors: page checks with file:line messages, the raw-HTML allow-list, `make check`."""
