#!/usr/bin/env python3
"""Regenerate the Akhbar application icon rasters from akhbar.svg.

Writes, next to this script:
  hicolor/<N>x<N>/apps/akhbar.png   for N in 16, 32, 48, 64, 128, 256, 512
  akhbar.ico                        Windows icon, 16-256 px, PNG-compressed entries

Needs only PySide6 (QtSvg is part of PySide6-Essentials); runs headless:
    python resources/icons/render_icons.py
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
SVG = HERE / "akhbar.svg"
PNG_SIZES = (16, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buf, "PNG"):
        raise RuntimeError("PNG encoding failed")
    buf.close()
    return bytes(data)


def write_ico(path: Path, images: list[QImage]) -> None:
    """Multi-resolution .ico with PNG entries (Qt's own writer stores one image)."""
    blobs = [png_bytes(im) for im in images]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries = b""
    for im, blob in zip(images, blobs, strict=True):
        w, h = im.width(), im.height()
        entries += struct.pack(
            "<BBBBHHII",
            w if w < 256 else 0,  # 0 means 256
            h if h < 256 else 0,
            0,  # palette colours
            0,  # reserved
            1,  # colour planes
            32,  # bits per pixel
            len(blob),
            offset,
        )
        offset += len(blob)
    path.write_bytes(header + entries + b"".join(blobs))


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"cannot load {SVG}", file=sys.stderr)
        return 1
    for size in PNG_SIZES:
        out = HERE / "hicolor" / f"{size}x{size}" / "apps" / "akhbar.png"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(png_bytes(render(renderer, size)))
        print(out.relative_to(HERE))
    ico = HERE / "akhbar.ico"
    write_ico(ico, [render(renderer, s) for s in ICO_SIZES])
    print(ico.relative_to(HERE))
    return 0


if __name__ == "__main__":
    sys.exit(main())
