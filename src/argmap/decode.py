"""Bytes to text: refuse binary files, detect the encoding, or decode with the one given."""

from __future__ import annotations

import codecs
import re

from argmap.exceptions import InputError

__all__ = ["canonical_encoding", "decode"]

#: Encodings by prevalence on the web, most used first (W3Techs' survey of web pages):
#: the tie-break among codecs that decode a short text equally well.
_PREVALENCE = ("utf_8", "cp1252", "latin_1", "iso8859_1", "gb18030", "gbk", "shift_jis",
               "cp1251", "euc_kr", "euc_jp", "big5", "iso8859_2", "cp1250", "iso8859_15",
               "cp1256", "iso8859_9", "cp1254", "koi8_r", "cp874", "utf_16", "utf_32")
#: Byte-order marks, longest first (UTF-32-LE's starts with UTF-16-LE's).
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
#: Bytes sniffed for a file signature and for NUL bytes.
SNIFF_BYTES = 8192
#: A file type's name (``ELF``, ``PDF``) takes "a" or "an" by its first sound (Chicago
#: Manual of Style, "a" and "an" before abbreviations: "an FBI agent", "a NATO member").
#: Read letter by letter, these letters and the digit 8 start with a vowel sound
#: ("an ELF file", "an MP3 file", "an XZ file"; "a PDF file", "a U…").
_AN_LETTERS = frozenset("AEFHILMNORSX8")
#: Names of the ``filetype`` package's kinds that are said as words although they begin
#: with one of :data:`_AN_LETTERS` ("a FLAC file", "a MIDI file").
_SAID_AS_WORDS = frozenset({"FLAC", "HEIC", "MIDI", "RAR"})


def canonical_encoding(name: str) -> str:
    """Python's canonical name of a codec (``"latin1"`` -> ``"iso8859-1"``).

    Raises:
        LookupError: Python knows no codec of that name.

    Example:
        >>> canonical_encoding("UTF8"), canonical_encoding("latin1"), canonical_encoding("GBK")
        ('utf-8', 'iso8859-1', 'gbk')
    """
    return codecs.lookup(name).name


def decode(data: bytes, encoding: str | None = None, name: str = "input") -> tuple[str, str]:
    """Decode ``data``; return the text and the canonical name of the encoding used.

    Without ``encoding``: a byte-order mark decides (UTF-8, UTF-16, UTF-32, the mark
    dropped); else strict UTF-8; else ``charset-normalizer`` detects the codec, with ties
    among equally clean decodings going to the more widely used encoding. GB18030 is a
    superset of GBK, so GBK text reports ``gb18030``. Windows-1252 and Latin-1 decode
    bytes A0–FF alike; the text reports ``iso8859-1`` unless it uses bytes 80–9F, which
    only Windows-1252 maps to printable characters (curly quotes, dashes, the euro sign).
    When several code pages decode the bytes to the same text, the most widely used one
    is named. Detection needs some text to go on: a few words of 8-bit text can fit
    several code pages equally well, and ``--encoding`` settles those.

    Args:
        data: the raw bytes.
        encoding: a codec name that overrides detection.
        name: how error messages name the input (a file name).

    Raises:
        InputError: the data is binary (a PDF, an image, an archive, NUL bytes), the
            given codec is unknown or cannot decode it, or no codec fits.

    Example:
        >>> decode("The café’s fees rose by 5 € — far too much.".encode("cp1252"))
        ('The café’s fees rose by 5 € — far too much.', 'cp1252')
        >>> decode("Le café coûte trop cher à Genève.".encode("latin-1"))
        ('Le café coûte trop cher à Genève.', 'iso8859-1')
        >>> decode(b"\\xef\\xbb\\xbfFees rose.")
        ('Fees rose.', 'utf-8')
    """
    if encoding:
        try:
            codec = canonical_encoding(encoding)
        except LookupError:
            raise InputError(f"{name}: cannot decode: unknown encoding {encoding!r}") from None
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: cannot decode as {codec}: byte "
                             f"0x{data[exc.start]:02x} at offset {exc.start}") from None
    _refuse_binary(data, name)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                raise InputError(f"{name}: starts with a {codec} byte-order mark but "
                                 f"does not decode as {codec}") from None
            return text.lstrip("\ufeff"), canonical_encoding(codec.removesuffix("-sig"))
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _detect(data, name)


def _refuse_binary(data: bytes, name: str) -> None:
    import filetype

    kind = filetype.guess(data[:SNIFF_BYTES])
    if kind is not None:
        what = kind.extension.upper()
        raise InputError(f"{name} is {_article(what)} {what} file ({kind.mime}), not "
                         "text; convert it to text, HTML or Markdown first")
    head = data[:SNIFF_BYTES]
    if b"\x00" in head and not head.startswith(tuple(b for b, _ in _BOMS)) \
            and not _utf16_without_bom(data):
        raise InputError(f"{name} looks binary (it contains NUL bytes)")


def _article(name: str) -> str:
    """The indefinite article before an upper-case file type name (see
    :data:`_AN_LETTERS`)."""
    return "an" if name[:1] in _AN_LETTERS and name not in _SAID_AS_WORDS else "a"


def _utf16_without_bom(data: bytes) -> bool:
    import charset_normalizer

    best = charset_normalizer.from_bytes(data[:SNIFF_BYTES]).best()
    return best is not None and best.encoding.startswith(("utf_16", "utf_32"))


def _detect(data: bytes, name: str) -> tuple[str, str]:
    import charset_normalizer

    results = list(charset_normalizer.from_bytes(data))
    if not results:
        raise InputError(f"{name}: cannot detect the text encoding; pass --encoding")
    # Short texts decode without "chaos" in several code pages; among those, prefer the
    # most widely used encoding.
    least = min(r.chaos for r in results)
    tied = [r for r in results if r.chaos <= least + 0.01]
    best = min(tied, key=lambda r: _rank(r.encoding))
    text = str(best)
    codec = canonical_encoding(best.encoding)
    # Code pages that agree on these bytes decode them to the same text: name the most
    # widely used of them (cp1250 and cp1252 agree on most Western European text).
    for other in _PREVALENCE[: _rank(best.encoding)]:
        if other.startswith("utf") or best.encoding.startswith("utf"):
            continue  # byte order and BOM matter: keep the detected name
        try:
            if data.decode(other) == text:
                codec = canonical_encoding(other)
                break
        except UnicodeDecodeError:
            continue
    if codec == "cp1252" and _C1.search(data) is None:
        codec = "iso8859-1"
    return text, codec


def _rank(encoding: str) -> int:
    return _PREVALENCE.index(encoding) if encoding in _PREVALENCE else len(_PREVALENCE)


#: Bytes that only Windows-1252 maps to printable characters.
_C1 = re.compile(rb"[\x80-\x9f]")
