"""The templates' own indentation goes as they compile; what variables, Markdown and our code write is untouched."""

from __future__ import annotations

import pytest
from jinja2 import Environment

from patient_site.theme.template_whitespace import TemplateWhitespace, collapse


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a", "a"),  # no line break: as it was
        ("  a  b  ", "  a  b  "),  # spaces without a line break stay: they may sit between two words on one line
        ("<div>\n    <p>", "<div>\n<p>"),  # indentation after a line break goes
        ("a  \n\n   \n  b", "a\nb"),  # blank lines and trailing spaces: one line break
        ("  \n  ", "\n"),  # only whitespace: one line break, never nothing (two words either side stay apart)
        ("x\n", "x\n"),
    ],
)
def test_collapse(text, expected):
    assert collapse(text) == expected


def test_a_template_loses_its_indentation_and_keeps_what_it_is_given():
    env = Environment(extensions=[TemplateWhitespace])
    template = env.from_string("<ul>\n    {% for item in items %}\n      <li>{{ item }}</li>\n    {% endfor %}\n</ul>\n")
    given = "<pre>  kept\n    as it is</pre>"
    assert template.render(items=["one", given]) == f"<ul>\n\n<li>one</li>\n\n<li>{given}</li>\n\n</ul>"  # Jinja drops the last line break
