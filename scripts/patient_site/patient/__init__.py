"""What a patient sees around the article: the clinic card, care cards, review details, page foot, JSON-LD."""
