"""Small real files of every allowed type, and some that must be refused, made in code."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


PNG = (
    b"\x89PNG\r\n\x1a\n"
    + _png_chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
    + _png_chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
    + _png_chunk(b"IEND", b"")
)
JPEG = (
    b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    + b"\x00" * 64
    + b"\xff\xd9"
)
_VP8 = b"VP8 " + struct.pack("<I", 10) + b"\x00" * 10
WEBP = b"RIFF" + struct.pack("<I", 4 + len(_VP8)) + b"WEBP" + _VP8
TEXT = "Rechnung März: 120 € zu viel. 账单\n".encode()
CSV = b"date,amount,currency\n2026-03-01,120.00,EUR\n2026-04-01,80.00,EUR\n"
EML = (
    b"From: Maria <maria@consumer.example>\r\nTo: care@acme.example\r\n"
    b"Subject: Double charge\r\nDate: Mon, 2 Mar 2026 10:00:00 +0100\r\n"
    b"Message-ID: <1@consumer.example>\r\n\r\nYou charged me twice.\r\n"
)
# A Linux executable and a Windows one: never allowed, whatever their names say.
ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8 + b"\x02\x00\x3e\x00" + b"\x00" * 100
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 100


def _zip(entries: list[tuple[str, bytes]], *, stored_first: bool = False) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for i, (name, data) in enumerate(entries):
            method = zipfile.ZIP_STORED if stored_first and i == 0 else zipfile.ZIP_DEFLATED
            archive.writestr(name, data, compress_type=method)
    return out.getvalue()


def _ooxml(main: str, part: str) -> bytes:
    types = (
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        f'content-types"><Override PartName="/{part}" ContentType="{main}"/></Types>'
    ).encode()
    return _zip([("[Content_Types].xml", types), (part, b"<x/>"), ("_rels/.rels", b"<r/>")])


DOCX = _ooxml(
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "word/document.xml",
)
XLSX = _ooxml(
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    "xl/workbook.xml",
)
# A macro-enabled Word file (.docm) dressed as .docx: refused.
DOCM = _ooxml("application/vnd.ms-word.document.macroEnabled.main+xml", "word/document.xml")
ODT = _zip(
    [
        ("mimetype", b"application/vnd.oasis.opendocument.text"),
        ("content.xml", b"<office:document-content/>"),
        ("META-INF/manifest.xml", b"<manifest:manifest/>"),
    ],
    stored_first=True,
)
PLAIN_ZIP = _zip([("notes.txt", b"hello")])

# name -> content of every allowed type, with the media type each must be stored as.
ALLOWED = {
    "statement.pdf": (PDF, "application/pdf"),
    "meter.png": (PNG, "image/png"),
    "receipt.jpg": (JPEG, "image/jpeg"),
    "photo.webp": (WEBP, "image/webp"),
    "notes.txt": (TEXT, "text/plain"),
    "payments.csv": (CSV, "text/csv"),
    "complaint.eml": (EML, "message/rfc822"),
    "letter.docx": (
        DOCX,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "ledger.xlsx": (XLSX, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "reply.odt": (ODT, "application/vnd.oasis.opendocument.text"),
}
