"""`make serve`: the editor's preview of every language at once, each at its published address (`/`, `/es/`), so
the language selector works in the preview.

One MkDocs live-reload server, and for each language its own dirty build (`mkdocs serve --dirty`'s, with its own
preview cache: scripts/hooks.py keeps one per config) into its own folder. A further language's folder is linked
into the first one's as `<lang>/`, where `make site` puts it; a full rebuild of the first language empties only its
own files (MkDocs' `clean_directory` leaves the link) and no step of its walks into the link. A save rebuilds the
languages it can change: a language's own pages and config, that language; the first language's config (which the
others INHERIT), its pages (the originals a translation's notices follow) and the review records, every language;
a page added to or removed from a further language, the first one too (its selector links to it).
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import threading
from pathlib import Path
from urllib.parse import urlsplit

import watchdog.events
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer

from patient_site import composition
from patient_site.mkdocs.commands import language_configs

log = logging.getLogger("mkdocs.commands.serve")


class Language:
    """One language's config, the folder its preview is built into, and the address it is served at."""

    def __init__(self, lang: str, config_file: Path, site_dir: Path, address: str):
        self.lang, self.config_file, self.site_dir, self.address = lang, config_file, site_dir, address
        self.config = None

    def get_config(self):
        """A fresh config each rebuild, as `mkdocs serve` does; its site_url is the preview's address."""
        config = load_config(config_file=str(self.config_file), site_dir=str(self.site_dir))
        config.site_url = self.address
        return config


class LanguagesServer(LiveReloadServer):
    """MkDocs' live-reload server, told which languages each watched path belongs to."""

    def __init__(self, languages: list[Language], **kwargs):
        self.languages = languages
        self._changed: set[str] = {language.lang for language in languages}
        self._changed_lock = threading.Lock()
        super().__init__(builder=self.rebuild, **kwargs)

    def watch_for(self, path: str | Path, langs: set[str], added_or_removed: set[str] = frozenset()) -> None:
        """Rebuild `langs` when a file under `path` changes; also `added_or_removed` when one comes or goes."""
        path = os.path.abspath(path)
        if path in self._watched_paths or not os.path.exists(path):
            return
        self._watched_paths[path] = 1

        def callback(event):
            if event.is_directory:
                return
            which = set(langs)
            if event.event_type in ("created", "deleted", "moved"):
                which |= set(added_or_removed)
            with self._changed_lock:
                self._changed |= which
            with self._rebuild_cond:
                self._want_rebuild = True
                self._rebuild_cond.notify_all()

        handler = watchdog.events.FileSystemEventHandler()
        handler.on_any_event = callback
        self._watch_refs[path] = self.observer.schedule(handler, path, recursive=True)

    def rebuild(self) -> None:
        """Each language a save may have changed, the first language first (as `make site` builds them)."""
        with self._changed_lock:
            changed, self._changed = self._changed, set()
        first_error = None
        for language in self.languages:
            if language.lang not in changed:
                continue
            log.info(f"Building the {'first language' if not language.lang else language.lang + '/'} pages...")
            try:
                build(language.get_config(), serve_url=language.address, dirty=True)
            except Exception as error:  # the other languages still build; the server reports this one below
                with self._changed_lock:
                    self._changed.add(language.lang)  # built again after the next save
                first_error = first_error or error
        if first_error is not None:
            raise first_error


def serve(config_file: Path, dev_addr: str | None = None) -> None:
    """Serve every language's preview until Ctrl+C."""
    site = composition.Site.of_file(config_file)  # mkdocs.yml, or a clinic's file (every language of it)
    config_file = composition.engine_config(config_file)
    first = load_config(config_file=str(config_file))
    host, port = (dev_addr.rsplit(":", 1) if dev_addr else (first.dev_addr.host, first.dev_addr.port))
    port = int(port)
    mount = urlsplit(first.site_url or "/").path or "/"
    root = Path(tempfile.mkdtemp(prefix="mkdocs_"))
    languages = [Language("", config_file, root, f"http://{host}:{port}{mount}")]
    for lang, path in language_configs(config_file):
        folder = Path(tempfile.mkdtemp(prefix=f"mkdocs_{lang}_"))
        (root / lang).symlink_to(folder, target_is_directory=True)  # where `make site` puts it
        languages.append(Language(lang, path.resolve(), folder, f"http://{host}:{port}{mount}{lang}/"))
    server = LanguagesServer(languages, host=host, port=port, root=str(root), mount_path=mount)
    server.error_handler = lambda code: _error_page(root, code)
    configs = []
    try:
        for language in languages:
            language.config = language.get_config()
            language.config.plugins.on_startup(command="serve", dirty=True)
            configs.append(language.config)
        server.rebuild()
        everything = {language.lang for language in languages}
        server.watch_for(config_file, everything)
        server.watch_for(site.main_file, everything)  # every language's config is put together with it
        if site.clinic_file:
            server.watch_for(site.clinic_file, everything)
        server.watch_for(first.docs_dir, everything)  # originals: a translation's notices and selector follow them
        server.watch_for(site.project / "reviews", everything)
        for language in languages[1:]:
            server.watch_for(language.config_file, {language.lang})
            server.watch_for(language.config.docs_dir, {language.lang}, {""})
        for language in languages:
            for item in language.config.watch:
                server.watch_for(item, {language.lang})
            language.config.plugins.on_serve(server, config=language.config, builder=server.rebuild)
        try:
            server.serve()
        except KeyboardInterrupt:
            log.info("Shutting down...")
        finally:
            server.shutdown()
    finally:
        for config in configs:
            config.plugins.on_shutdown()
        for language in languages:
            shutil.rmtree(language.site_dir, ignore_errors=True)


def _error_page(root: Path, code: int) -> bytes | None:
    page = root / f"{code}.html"
    return page.read_bytes() if code in (404, 500) and page.is_file() else None
