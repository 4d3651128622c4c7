"""What the theme needs from Python: the site menu, menu order and the names of Material's assets."""
