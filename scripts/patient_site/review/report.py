"""`make review-report`: one self-contained HTML page and a JSON file for the clinic's clinical lead.

Counts first, then every page of every language with its state and, for each change, the sentences before and
after; then every approval and translated text. The page has no script and loads nothing: it prints as it shows.
"""

from __future__ import annotations

import datetime
import json
from html import escape

from patient_site.review.project import ProjectReview, counts
from patient_site.review.state import Change, ItemState, PageState

REVIEW_WORDS = {"current": "signed off, words unchanged", "changed": "changed since its sign-off",
                "overdue": "review overdue", "none": "not signed off"}
TRANSLATION_WORDS = {"current": "covers its original", "stale": "original changed since"}
ITEM_WORDS = {"approved": "approved", "void": "void: the words changed since the approval", "awaiting": "awaiting approval",
              "current": "covers its original", "stale": "original changed since"}


def _changes(changes: tuple[Change, ...], of: str) -> list[dict]:
    return [{"before": change.before, "after": change.after, "of": of} for change in changes]


def page_json(page: PageState) -> dict:
    signed, translated = page.signed_off, page.translated
    return {
        "source": page.source, "language": page.language, "review": page.review, "translation": page.translation,
        "changes": _changes(page.review_changes, "sign-off") + _changes(page.translation_changes, "original"),
        "reviewed": signed.date.isoformat() if signed else None, "reviewed_by": signed.by if signed else None,
        "next_review": page.next_review.isoformat() if page.next_review else None,
        "original": page.original, "translated": translated.date.isoformat() if translated else None,
    }


def item_json(item: ItemState) -> dict:
    entry = item.entry
    data = {"file": item.file, "item": item.item, "state": item.state, "changes": _changes(item.changes, item.kind),
            "date": entry.date.isoformat() if entry else None}
    data.update({"by": entry.by if entry else None} if item.kind == "approval" else {"original": item.original})
    return data


def report_json(review: ProjectReview, today: datetime.date) -> dict:
    return {
        "date": today.isoformat(),
        "counts": counts(review),
        "pages": [page_json(page) for page in review.pages],
        "approvals": [item_json(item) for item in review.approvals],
        "translations": [item_json(item) for item in review.translations],
    }


STYLE = """
body{font:1rem/1.5 system-ui,sans-serif;color:#1a1a1a;background:#fff;margin:0 auto;padding:1rem;max-width:70rem}
h1{font-size:1.6rem}h2{font-size:1.3rem;margin-top:2rem;border-bottom:2px solid #333}h3{font-size:1.05rem;margin:1.5rem 0 .25rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #767676;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#eee}.state{font-weight:bold}.alarm{color:#a4000f}.none{color:#1a1a1a}
h1,h2,h3,p,td,th,caption{overflow-wrap:anywhere}
@media (max-width:40rem){table,thead,tbody,tr,th,td{display:block}thead{position:absolute;left:-9999px}td{border-top:0}}
@media print{body{max-width:none;padding:0}h2{break-after:avoid}h3{break-after:avoid}tr{break-inside:avoid}}
"""


def _changes_table(changes: tuple[Change, ...], caption: str) -> str:
    if not changes:
        return ""
    rows = "\n".join(f"<tr><td>{escape(change.before) if change.before is not None else '<em>(none: added)</em>'}</td>"
                     f"<td>{escape(change.after) if change.after is not None else '<em>(none: removed)</em>'}</td></tr>"
                     for change in changes)
    return (f'<table><caption>{escape(caption)}</caption><thead><tr><th scope="col">Before</th><th scope="col">After</th>'
            f"</tr></thead><tbody>\n{rows}\n</tbody></table>")


def _page_html(page: PageState) -> str:
    signed = page.signed_off
    facts = [f'Review: <span class="state{" alarm" if page.review in ("changed", "overdue") else ""}">'
             f"{escape(REVIEW_WORDS[page.review])}</span>"]
    if signed:
        facts.append(f"signed off by {escape(signed.by)} on {signed.date.isoformat()}")
    if page.next_review:
        facts.append(f"next review {page.next_review.isoformat()}")
    if page.translation:
        done = f" (recorded {page.translated.date.isoformat()})" if page.translated else " (no translation record)"
        facts.append(f'Translation of {escape(page.original or "")}: <span class="state{" alarm" if page.translation == "stale" else ""}">'
                     f"{escape(TRANSLATION_WORDS[page.translation])}</span>{done}")
    return (f'<h3>{escape(page.source)}</h3>\n<p>{"; ".join(facts)}</p>\n'
            + _changes_table(page.review_changes, "Changed since the sign-off")
            + _changes_table(page.translation_changes, "The original's sentences changed since the translation"))


def _item_html(item: ItemState) -> str:
    entry = item.entry
    who = (f" by {escape(entry.by)} on {entry.date.isoformat()}" if item.kind == "approval" else f" (recorded {entry.date.isoformat()})") if entry else ""
    alarm = " alarm" if item.state in ("void", "stale") else ""
    what = "Approval" if item.kind == "approval" else f"Translation of {escape(item.original)}"
    return (f'<h3>{escape(item.file)}: {escape(item.item)}</h3>\n<p>{what}: <span class="state{alarm}">'
            f"{escape(ITEM_WORDS[item.state])}</span>{who}</p>\n"
            + _changes_table(item.changes, "Changed since the approval" if item.kind == "approval" else "The original's sentences changed since"))


def report_html(review: ProjectReview, today: datetime.date, title: str = "Review report") -> str:
    found = counts(review)
    rows = "\n".join(f'<tr><th scope="row">{escape(kind)}</th><td>'
                     + (", ".join(f"{number} {escape(state)}" for state, number in sorted(states.items())) or "none")
                     + "</td></tr>" for kind, states in found.items())
    by_language: dict[str, list[PageState]] = {}
    for page in review.pages:
        by_language.setdefault(page.language, []).append(page)
    pages = "\n".join(f"<h2>Pages in {escape(lang)}</h2>\n" + "\n".join(_page_html(page) for page in items)
                      for lang, items in by_language.items())
    approvals = "\n".join(_item_html(item) for item in review.approvals)
    translations = "\n".join(_item_html(item) for item in review.translations)
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)} ({today.isoformat()})</title>
<style>{STYLE}</style>
</head>
<body>
<main>
<h1>{escape(title)}, {today.isoformat()}</h1>
<p>What each sign-off, translation and approval recorded in <code>reviews/</code> covers, compared with the words
the site publishes today. A change is shown as the sentence before and after.</p>
<table><caption>Counts</caption><tbody>
{rows}
</tbody></table>
{pages}
<h2>Approvals</h2>
{approvals or "<p>No glossary entries or site texts.</p>"}
<h2>Translated glossary entries and site texts</h2>
{translations or "<p>None.</p>"}
</main>
</body>
</html>
"""


def write_report(folder, review: ProjectReview, today: datetime.date) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.html").write_text(report_html(review, today), "utf-8")
    (folder / "report.json").write_text(json.dumps(report_json(review, today), ensure_ascii=False, indent=1) + "\n", "utf-8")
