"""Symptom lists marked in the pages, and the generated checklist page(s) built from them."""
