"""What `make check` and `make site` say about reviews: changed pages, stale translations, void approvals.

Each finding shows the sentences before and after. `extra.content_check.changed_since_review` and
`stale_translation` decide whether a changed page or a stale translation is a warning or stops `make site`.
"""

from __future__ import annotations

from patient_site.review.project import ProjectReview
from patient_site.review.state import Change


def show_changes(changes: tuple[Change, ...], limit: int = 12) -> str:
    lines = []
    for change in changes[:limit]:
        if change.before is None:
            lines.append(f"\n      added:   {change.after}")
        elif change.after is None:
            lines.append(f"\n      removed: {change.before}")
        else:
            lines.append(f"\n      before:  {change.before}\n      after:   {change.after}")
    if len(changes) > limit:
        lines.append(f"\n      … and {len(changes) - limit} more (make review-report shows them all)")
    return "".join(lines)


def at(file: str, line: int, message: str) -> str:
    """The message, led by `file:line: ` when the finding has a line (a forge then shows it on that line)."""
    return f"{file}:{line}: {message}" if line else message


def findings(review: ProjectReview, settings) -> list[tuple[str, str, str]]:
    """(file, "error" | "warning" | "note", message) for each page or item whose recorded words no longer hold; a
    message that can name a line starts with `file:line: ` (the first changed sentence, the entry, the setting)."""
    policy = settings.content_check
    found = []
    for page in review.pages:
        if page.review == "changed":
            found.append((page.source, "error" if policy.changed_since_review == "fail" else "warning", at(page.source, page.line,
                          f"changed since its sign-off on {page.signed_off.date.isoformat()} by {page.signed_off.by}; "
                          f'its review date is no longer published: ask a clinician to run make sign-off PAGE={page.source} BY="…"'
                          + show_changes(page.review_changes))))
        if page.translation == "stale":
            how = (f"its original {page.original} changed since the translation was recorded on {page.translated.date.isoformat()}"
                   if page.translated else f"no record says which version of {page.original} it translates")
            found.append((page.source, "error" if policy.stale_translation == "fail" else "warning",
                          f"{how}; update the translation, then run make translated PAGE={page.source}"
                          + show_changes(page.translation_changes)))
    for item in review.items:
        if item.kind == "approval" and item.state == "void":
            found.append((item.file, "warning", at(item.file, item.line, f"the approval of '{item.item}' is void: its words changed since "
                          f"{item.entry.by} approved them on {item.entry.date.isoformat()}; run make sign-off "
                          f'{"GLOSSARY" if item.file.endswith(".yml") and "glossary" in item.file else "TEXT"}="{item.file}:{item.item}" BY="…"'
                          + show_changes(item.changes))))
        if item.kind == "translation" and item.state == "stale":
            option = "GLOSSARY" if "glossary" in item.file else "TEXT"
            found.append((item.file, "error" if policy.stale_translation == "fail" else "warning", at(item.file, item.line,
                          f"'{item.item}' translates {item.original}, which changed since the translation was recorded"
                          f"{' on ' + item.entry.date.isoformat() if item.entry else ''}; update it, then run make translated "
                          f'{option}="{item.file}:{item.item}"' + show_changes(item.changes))))
    return found
