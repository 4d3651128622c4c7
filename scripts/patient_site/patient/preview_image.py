"""Each page's link-preview picture (Open Graph `og:image`), drawn at build time with Pillow.

A shared link in a messaging app shows a picture only when the page names one. Ours is 1200 x 630 px, the size
every preview crops to, PNG: the page's title in large type, the site's name, the clinic's name and a band of
the clinic's colour, readable as a thumbnail. The font is DejaVu Sans from Debian's `fonts-dejavu-core`: nothing
is fetched at build time (Material's social plugin downloads its fonts, so it is not used).

The head names the picture while the page renders (`patient.page_parts.head_parts` calls `plan`); the build
draws every planned picture once, after the pages (`embeds.output.write_outputs` calls `write_planned`). The
file name carries a hash of everything drawn, so an unchanged picture in the folder is kept, not drawn again.
Every clinic's picture of a page shares all but the strip of the clinic's name (and the palette's clinic colour),
so the page's part is drawn once per project and kept in its cache (`.build/cache/previews/parts/`): the rows above
the strip already compressed, ending where a clinic's rows continue the compressed stream. A picture for any clinic
is then that part, the clinic's strip (drawn once per build) and a few hundred bytes of PNG around them: a site of
2,000 pages has 2,000 pictures, and a group of clinics has them for every clinic.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

from patient_site.errors import SiteError
from patient_site.patient.structured_data import PreviewImage

WIDTH, HEIGHT = 1200, 630
FOLDER = "assets/previews"
FONT_FOLDERS = (Path("/usr/share/fonts/truetype/dejavu"),)
BOLD, REGULAR = "DejaVuSans-Bold.ttf", "DejaVuSans.ttf"
INSTALL = "sudo apt-get install fonts-dejavu-core"
MARGIN, BAND = 72, 28
INK, MUTED = (29, 29, 29), (70, 70, 70)
RAMP = 21  # shades from white to each colour drawn: the anti-aliased edges of the type and the band
DRAWING = 5  # raise it whenever draw_png draws differently: part of every file name, so no old picture is kept
NAME_TOP = HEIGHT - MARGIN - 48  # the clinic's name: the only pixels (with the palette) that differ between clinics
NAME_BOTTOM = HEIGHT - BAND // 2


class PreviewImageError(SiteError):
    """The picture cannot be drawn (the font is missing): say what to install."""


def font_file(name: str) -> Path:
    for folder in FONT_FOLDERS:
        if (folder / name).is_file():
            return folder / name
    raise PreviewImageError(f"link-preview pictures need the font {name}: run `{INSTALL}` (make installs it when run as root)")


def inputs_key(title: str, site_name: str, clinic_name: str, color: str) -> str:
    """Ten hex digits of a hash of everything the picture shows: part of its file name."""
    text = json.dumps([title, site_name, clinic_name, color.lower(), WIDTH, HEIGHT, DRAWING], ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]


def picture_path(page_url: str, key: str) -> str:
    """The picture's site path: "assets/previews/symptoms.<key>.png" ("home" for the home page)."""
    name = page_url.strip("/").replace("/", "-") or "home"
    return f"{FOLDER}/{name}.{key}.png"


def _wrap(draw, text: str, font, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        trial = f"{lines[-1]} {word}" if lines else word
        if lines and draw.textlength(trial, font=font) <= width:
            lines[-1] = trial
        else:
            lines.append(word)
    return lines


@functools.lru_cache(maxsize=32)
def _font(name: str, size: int):
    from PIL import ImageFont  # only the build's last step needs Pillow

    return ImageFont.truetype(str(font_file(name)), size)


@functools.lru_cache(maxsize=32)
def _ramps(*inks: tuple[int, ...]) -> list[int]:
    """White, then RAMP - 1 shades from white to each ink: a palette's flat list of values."""
    colours = [(255, 255, 255)]
    for ink in inks:
        colours += [tuple(round(255 + (c - 255) * step / (RAMP - 1)) for c in ink) for step in range(1, RAMP)]
    return [value for colour in colours for value in colour]


@functools.lru_cache(maxsize=32)
def _palette(*inks: tuple[int, ...]):
    """A palette image of white shading into each ink (the text's, the grey, the clinic's colour)."""
    from PIL import Image

    flat = _ramps(*inks)
    palette = Image.new("P", (1, 1))
    palette.putpalette(flat + flat[:3] * (256 - len(flat) // 3))
    return palette


def draw_png(title: str, site_name: str, clinic_name: str, color: str) -> bytes:
    """The picture as PNG bytes: the title as large as fits in three lines, the names below, the colour band.

    Drawn as the page's part (`page_part`: what every clinic's picture of the page shares) with the clinic's part
    put in (`_with_clinic`), so the part another clinic's build drew can be reused: `_drawn`."""
    return _with_clinic(page_part(title, site_name), clinic_name, color)


def draw_page_part(title: str, site_name: str):
    """The page's part of the picture, as a palette image: the title and the site's name in the ink and the grey,
    and the two bands in the palette's last colour (the clinic's, filled in by `_with_clinic`)."""
    from PIL import Image, ImageDraw  # only the build's last step needs Pillow

    image = Image.new("RGB", (WIDTH, HEIGHT), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    left, right = BAND + MARGIN, WIDTH - MARGIN
    for size in (84, 76, 68, 60, 54, 48, 42):
        font = _font(BOLD, size)
        lines = _wrap(draw, title, font, right - left)
        if len(lines) <= 3 and all(draw.textlength(line, font=font) <= right - left for line in lines):
            break
    if len(lines) > 3:  # a title too long even at the smallest size: three lines, the last one cut
        lines = lines[:3]
        while lines[2] and draw.textlength(lines[2] + " …", font=font) > right - left:
            lines[2] = lines[2].rsplit(" ", 1)[0] if " " in lines[2] else ""
        lines[2] += " …"
    y = MARGIN
    for line in lines:
        draw.text((left, y), line, font=font, fill=INK)
        y += int(size * 1.2)
    if site_name != title:  # the home page's title is the site's name: said once
        draw.text((left, HEIGHT - MARGIN - 100), site_name, font=_font(REGULAR, 36), fill=MUTED)
    # Each pixel to the nearest of the colours drawn (white, and the shades of the ink and the grey): five times
    # faster than choosing the colours per picture. The clinic's shades follow in the palette.
    part = image.quantize(palette=_palette(INK, MUTED), dither=Image.Dither.NONE)
    band = 3 * (RAMP - 1)  # the palette's index of the clinic's colour itself
    ImageDraw.Draw(part).rectangle((0, 0, BAND, HEIGHT), fill=band)
    ImageDraw.Draw(part).rectangle((0, NAME_BOTTOM, WIDTH, HEIGHT), fill=band)
    return part


@dataclass(frozen=True)
class PagePart:
    """The page's part of every clinic's picture, as PNG's compressed stream needs it.

    `top`: the zlib stream of the rows above the clinic's strip, ended by a full flush, so that a separately
    compressed continuation (the clinic's rows) makes one valid stream; `adler`: their checksum, which the clinic's
    rows continue; `bottom`: the palette indices of the rows from the strip down, to draw the clinic's name into."""
    top: bytes
    adler: int
    bottom: bytes

    def to_bytes(self) -> bytes:
        return b"PART" + struct.pack(">II", self.adler, len(self.top)) + self.top + zlib.compress(self.bottom, 1)

    @classmethod
    def from_bytes(cls, data: bytes) -> PagePart:
        """The part as `to_bytes` wrote it; ValueError for anything else (a damaged file: `_drawn` draws the part
        again and replaces it)."""
        try:
            adler, length = struct.unpack_from(">II", data, 4)
            bottom = zlib.decompress(data[12 + length:])
        except (struct.error, zlib.error) as error:
            raise ValueError(f"not a picture part: {error}") from None
        if data[:4] != b"PART" or len(bottom) != WIDTH * (HEIGHT - NAME_TOP):
            raise ValueError("not a picture part")
        return cls(data[12:12 + length], adler, bottom)


def page_part(title: str, site_name: str) -> PagePart:
    """`draw_page_part`, with the rows above the clinic's strip compressed as every clinic's picture starts."""
    raw = draw_page_part(title, site_name).tobytes()
    rows = _scanlines(raw[:NAME_TOP * WIDTH])
    compressor = zlib.compressobj(1)
    top = compressor.compress(rows) + compressor.flush(zlib.Z_FULL_FLUSH)
    return PagePart(top, zlib.adler32(rows), raw[NAME_TOP * WIDTH:])


def _scanlines(indices: bytes) -> bytes:
    """PNG's scanlines of palette indices: each row after its filter byte (0, none)."""
    return b"".join(b"\x00" + indices[start:start + WIDTH] for start in range(0, len(indices), WIDTH))


@functools.lru_cache(maxsize=8)
def _clinic_rows(bottom: bytes, clinic_name: str, rgb: tuple[int, int, int]) -> tuple[bytes, bytes]:
    """The scanlines from the clinic's strip down, with the clinic's name drawn in (in the clinic's shades), and
    their compressed continuation of a part's stream. Every page of a site shares them: drawn once per build."""
    from PIL import Image, ImageDraw

    left = BAND + MARGIN
    strip = Image.new("RGB", (WIDTH - left, NAME_BOTTOM - NAME_TOP), (255, 255, 255))
    ImageDraw.Draw(strip).text((0, 0), clinic_name, font=_font(BOLD, 36), fill=rgb if _dark(rgb) else INK)
    rows = Image.frombytes("P", (WIDTH, HEIGHT - NAME_TOP), bottom)
    rows.paste(strip.quantize(palette=_palette(INK, MUTED, rgb), dither=Image.Dither.NONE), (left, 0))
    scanlines = _scanlines(rows.tobytes())
    compressor = zlib.compressobj(1, zlib.DEFLATED, -15)  # raw: it continues the part's stream
    return scanlines, compressor.compress(scanlines) + compressor.flush()


def _with_clinic(part: PagePart, clinic_name: str, color: str) -> bytes:
    """The picture as PNG bytes (about 22 KB): the page's part, the clinic's rows, and the clinic's colour in the
    palette after the shades of the ink and the grey."""
    rgb = tuple(int(color[i:i + 2], 16) for i in (1, 3, 5))
    scanlines, compressed = _clinic_rows(part.bottom, clinic_name, rgb)
    stream = part.top + compressed + struct.pack(">I", zlib.adler32(scanlines, part.adler))
    header = struct.pack(">IIBBBBB", WIDTH, HEIGHT, 8, 3, 0, 0, 0)  # 8-bit palette indices, no interlacing
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"PLTE", bytes(_ramps(INK, MUTED, rgb)))
            + _chunk(b"IDAT", stream) + _chunk(b"IEND", b""))


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def part_key(title: str, site_name: str) -> str:
    """A hash of everything the page's part of the picture shows (`draw_page_part`)."""
    text = json.dumps([title, site_name, WIDTH, HEIGHT, DRAWING], ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _drawn(inputs: tuple[str, str, str, str], cache: Path | None) -> bytes:
    """The picture's PNG, from the page's part an earlier build of the project drew (any clinic, any language
    with the same title), or from a part drawn now and kept there for the next."""
    title, site_name, clinic_name, color = inputs
    if cache is None:
        return draw_png(*inputs)
    part_file = cache / "parts" / f"{part_key(title, site_name)}.part"
    try:
        part = PagePart.from_bytes(part_file.read_bytes())
    except (OSError, ValueError):
        part = page_part(title, site_name)
        _store(part_file, part.to_bytes())  # builds of other clinics may look at the same moment
    return _with_clinic(part, clinic_name, color)


def _store(path: Path, data: bytes) -> None:
    """Write `data` whole or not at all: another build may read `path` at any moment."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    partial.write_bytes(data)
    partial.replace(path)


def _dark(rgb: tuple[int, ...]) -> bool:
    """Whether text in this colour reads on white (contrast of at least 4.5:1)."""
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    lum = 0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2])
    return 1.05 / (lum + 0.05) >= 4.5


Planned = dict[str, tuple[str, tuple[str, str, str, str]]]  # page URL -> (picture's path, what it shows)


def plan(planned: Planned, site_url: str, page_url: str, title: str, site_name: str, clinic_name: str, color: str,
         alt: str) -> PreviewImage:
    """Note the page's picture for `write_planned` and return how the head names it."""
    path = picture_path(page_url, inputs_key(title, site_name, clinic_name, color))
    planned[page_url] = (path, (title, site_name, clinic_name, color))
    return PreviewImage(url=site_url + path, width=WIDTH, height=HEIGHT, alt=alt)


def write_planned(built: Path, planned: Planned, kept: Planned | None = None, cache: Path | None = None) -> None:
    """Draw each planned picture into the built site, unless a file of the same name (same inputs) is there,
    and remove the pictures no page names any more.

    `kept` (the editor preview's, patient_site/preview.py) holds every page's picture from earlier builds into
    the same folder: a dirty build renders, and so plans, only the pages it changed. `cache`: a folder of pictures
    by their inputs' hash, shared by every build of the project; a picture found there is copied, not drawn.
    """
    if kept is not None:
        kept.update(planned)
        planned = kept
    wanted = {path for path, _ in planned.values()}
    for path, inputs in sorted(planned.values()):
        target = built / path
        if not target.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(_drawn(inputs, cache))
    folder = built / FOLDER
    for old in sorted(folder.glob("*.png")) if folder.is_dir() else ():
        if f"{FOLDER}/{old.name}" not in wanted:
            old.unlink()
