"""Encodings: detected from the bytes (charset-normalizer), or given; recorded in the map."""

from __future__ import annotations

import codecs

import pytest

import argmap
from argmap.decode import canonical_encoding, decode
from argmap.exceptions import InputError

ENGLISH = ("Why Fees Fail\n\n"
           "Fees \u201cdeter\u201d students \u2013 and caf\u00e9 owners agree. The na\u00efve "
           "view says fees are harmless\u2026 It is wrong, and it costs \u20ac5,000 a year.\n\n"
           "However, the r\u00e9gime of fees has defenders. Therefore, we must answer them.\n")
#: Only Latin-1 characters: no curly quotes, dashes or euro sign.
FRENCH = ("Pourquoi les frais \u00e9chouent\n\n"
          "Les frais d\u00e9couragent les \u00e9tudiants, et les caf\u00e9s de Gen\u00e8ve "
          "le savent bien. Cependant, le r\u00e9gime a ses d\u00e9fenseurs \u00e0 "
          "l'universit\u00e9. Par cons\u00e9quent, il faut leur r\u00e9pondre.\n")
CHINESE = ("\u4fc4\u7f57\u65af\u7684\u4e9a\u6d32\u6218\u7565\n\n"
           "\u4e9a\u592a\u5730\u533a\u7684\u4e24\u6781\u5206\u5316\u963b\u788d\u4e86\u4fc4"
           "\u7f57\u65af\u65b0\u7684\u4e9a\u6d32\u6218\u7565\u3002\u7136\u800c\uff0c\u83ab"
           "\u65af\u79d1\u5bfb\u6c42\u66ff\u4ee3\u65b9\u6848\u3002\u56e0\u6b64\uff0c\u5b83"
           "\u4e0e\u4e2d\u56fd\u5408\u4f5c\uff0c\u4e5f\u4e0e\u65e5\u672c\u5408\u4f5c\u3002"
           "\u9996\u5148\uff0c\u5b83\u62b5\u6d88\u4e86\u4e2d\u56fd\u7684\u5f71\u54cd\u3002\n")


@pytest.mark.parametrize(("text", "data", "encoding"), [
    pytest.param(ENGLISH, ENGLISH.encode("utf-8"), "utf-8", id="utf-8"),
    pytest.param(ENGLISH, codecs.BOM_UTF8 + ENGLISH.encode("utf-8"), "utf-8",
                 id="utf-8-bom"),
    # a BOM written twice (a tool that adds one to a text that had one): both go
    pytest.param(ENGLISH, codecs.BOM_UTF8 * 2 + ENGLISH.encode("utf-8"), "utf-8",
                 id="utf-8-bom-twice"),
    pytest.param(ENGLISH, ENGLISH.encode("utf-16"), "utf-16", id="utf-16-bom"),
    pytest.param(ENGLISH, codecs.BOM_UTF16_BE + ENGLISH.encode("utf-16-be"), "utf-16",
                 id="utf-16-be-bom"),
    pytest.param(ENGLISH, ENGLISH.encode("utf-16-le"), "utf-16-le", id="utf-16-le-no-bom"),
    pytest.param(ENGLISH, ENGLISH.encode("utf-16-be"), "utf-16-be", id="utf-16-be-no-bom"),
    pytest.param(ENGLISH, ENGLISH.encode("utf-32"), "utf-32", id="utf-32-bom"),
    pytest.param(CHINESE, CHINESE.encode("gb18030"), "gb18030", id="gb18030"),
    # GB18030 is a superset of GBK: GBK bytes decode the same and report gb18030
    pytest.param(CHINESE, CHINESE.encode("gbk"), "gb18030", id="gbk"),
    pytest.param(CHINESE, CHINESE.encode("utf-16"), "utf-16", id="chinese-utf-16"),
    pytest.param(ENGLISH, ENGLISH.encode("cp1252"), "cp1252", id="windows-1252"),
    pytest.param(FRENCH, FRENCH.encode("latin-1"), "iso8859-1", id="latin-1"),
])
def test_detected_encoding_decodes_exactly_and_is_in_the_metadata(
        text: str, data: bytes, encoding: str) -> None:
    m = argmap.analyze(data)
    assert m.metadata["encoding"] == encoding
    assert m.metadata["characters"] == len(text)
    document = argmap.read_document(data)
    assert document.text == text
    for unit in m.units:
        assert unit.span.slice(text) == unit.text


def test_windows_1252_without_its_own_bytes_is_named_latin_1() -> None:
    """Bytes A0-FF decode alike in both; with no byte 80-9F the text is Latin-1."""
    assert decode(FRENCH.encode("cp1252")) == (FRENCH, "iso8859-1")


@pytest.mark.parametrize(("data", "given", "text", "reported"), [
    pytest.param(FRENCH.encode("latin-1"), "latin-1", FRENCH, "iso8859-1", id="latin-1"),
    pytest.param(ENGLISH.encode("cp1252"), "windows-1252", ENGLISH, "cp1252", id="cp1252"),
    pytest.param(CHINESE.encode("gbk"), "GBK", CHINESE, "gbk", id="gbk"),
    # a forced codec wins even where detection would pick another one
    pytest.param("Caf\u00e9 \u00e0 Gen\u00e8ve.".encode("utf-8"), "latin-1",
                 "Caf\u00c3\u00a9 \u00c3\u00a0 Gen\u00c3\u00a8ve.", "iso8859-1",
                 id="forced-mojibake"),
])
def test_given_encoding_overrides_detection(data: bytes, given: str, text: str,
                                            reported: str) -> None:
    assert decode(data, given) == (text, reported)
    m = argmap.analyze(data, encoding=given)
    assert m.metadata["encoding"] == reported


@pytest.mark.parametrize(("data", "given", "message"), [
    pytest.param(b"Caf\xe9 owners agree.", "utf-8",
                 "input: cannot decode as utf-8: byte 0xe9 at offset 3", id="bad-utf-8"),
    pytest.param(b"\x81\x30 fees", "gb18030", "input: cannot decode as gb18030: byte 0x81 "
                 "at offset 0", id="bad-gb18030"),
    pytest.param(b"Fees fall.", "no-such-codec",
                 "input: cannot decode: unknown encoding 'no-such-codec'", id="unknown"),
])
def test_undecodable_with_a_forced_encoding(data: bytes, given: str, message: str) -> None:
    with pytest.raises(InputError) as info:
        decode(data, given)
    assert str(info.value) == message


# A binary file is named by its type with the article its first sound takes: letter by
# letter ("an ELF", "an MP3", "an RTF", "an SQLITE", "an XZ"), or as a word ("a FLAC",
# "a MIDI", "a RAR"); vowels and consonant letters as before ("an EXE", "a GIF").
@pytest.mark.parametrize(("data", "said"), [
    pytest.param(b"\x7fELF\x02\x01\x01" + bytes(60), "an ELF file (application/x-executable)",
                 id="elf"),
    pytest.param(b"ID3\x03" + bytes(60), "an MP3 file (audio/mpeg)", id="mp3"),
    pytest.param(b"{\\rtf1\\ansi Fees must fall.}", "an RTF file (application/rtf)",
                 id="rtf"),
    pytest.param(b"SQLite format 3\x00" + bytes(60), "an SQLITE file (application/x-sqlite3)",
                 id="sqlite"),
    pytest.param(b"\xfd7zXZ\x00" + bytes(20), "an XZ file (application/x-xz)", id="xz"),
    # must not take "an": said as words, or a consonant sound
    pytest.param(b"fLaC\x00\x00\x00\x22" + bytes(60), "a FLAC file (audio/x-flac)",
                 id="flac"),
    pytest.param(b"MThd\x00\x00\x00\x06" + bytes(20), "a MIDI file (audio/midi)", id="midi"),
    pytest.param(b"Rar!\x1a\x07\x00" + bytes(20), "a RAR file "
                 "(application/x-rar-compressed)", id="rar"),
    pytest.param(b"GIF89a" + bytes(20), "a GIF file (image/gif)", id="gif"),
    pytest.param(b"%PDF-1.4\n" + bytes(20), "a PDF file (application/pdf)", id="pdf"),
    pytest.param(b"MZ\x90\x00" + bytes(60), "an EXE file (application/x-msdownload)",
                 id="exe"),
    pytest.param(b"OggS\x00\x02" + bytes(40), "an OGG file (audio/ogg)", id="ogg"),
])
def test_a_binary_file_is_named_with_the_right_article(data: bytes, said: str) -> None:
    with pytest.raises(InputError) as info:
        decode(data, name="bin.txt")
    assert str(info.value) == (f"bin.txt is {said}, not text; convert it to text, HTML or "
                               "Markdown first")


@pytest.mark.parametrize(("name", "canonical"), [
    ("UTF8", "utf-8"), ("utf_8", "utf-8"), ("latin1", "iso8859-1"), ("ISO-8859-1",
                                                                     "iso8859-1"),
    ("windows-1252", "cp1252"), ("GBK", "gbk"), ("GB18030", "gb18030"),
    ("UTF-16LE", "utf-16-le"),
])
def test_canonical_encoding_names(name: str, canonical: str) -> None:
    assert canonical_encoding(name) == canonical


def test_str_input_has_no_encoding() -> None:
    assert argmap.analyze("Fees must fall. However, costs rise.").metadata["encoding"] is None
