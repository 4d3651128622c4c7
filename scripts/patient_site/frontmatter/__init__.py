"""Page front matter: read strictly with line numbers, checked against one declared schema."""
