"""The theme's templates without their indentation: a Jinja extension that collapses, once per template as it
compiles, each run of whitespace that holds a line break in the templates' own text to one line break.

Material's templates are indented for their readers; rendered, that indentation was about a fifth of a page's
HTML (a tenth gzip). A run of spaces and line breaks between tags or words renders exactly as one line break does
(HTML collapses them; no template has a `<pre>` or `<textarea>`, where it would not), so pages look the same. Only
the templates' literal text changes: what a page's Markdown, a variable or our Python writes goes in as it was,
and the work is done when a template compiles, not per page.
"""

from __future__ import annotations

from jinja2.ext import Extension
from jinja2.lexer import Token, TokenStream


def collapse(text: str) -> str:
    """Each run of whitespace that contains a line break, as one line break; other text unchanged."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    kept = [lines[0].rstrip(" \t\r")]
    kept += [line.strip(" \t\r") for line in lines[1:-1]]
    kept.append(lines[-1].lstrip(" \t\r"))
    first, *middle, last = kept
    return "\n".join([first, *(line for line in middle if line), last]) if middle else first + "\n" + last


class TemplateWhitespace(Extension):
    """Collapses the template's own text (Jinja's `data` tokens); expressions and statements are untouched."""

    def filter_stream(self, stream: TokenStream):
        for token in stream:
            if token.type == "data":
                yield Token(token.lineno, "data", collapse(token.value))
            else:
                yield token
