"""Renders pages with PyMuPDF for the TimeVision benchmark, one request at a time, and times each.

Reads one JSON object per line on stdin: {"pdf", "page", "width", "height", "gray", "out"}; answers each with one
line on stdout: {"seconds": render+encode time, "render_seconds": the rasterising part of it, "bytes": PNG bytes,
"size": [w, h]}. Each page opens its document afresh, as a per-page worker would; Python's start-up, reading the
request and writing the file are not timed. The benchmark sends a page here between its own renders of the same
pages, so both see the same load on a shared machine.
"""
import json
import sys
import time

import fitz  # PyMuPDF, Debian package python3-fitz

for line in sys.stdin:
    job = json.loads(line)
    started = time.perf_counter()
    with fitz.open(job["pdf"]) as document:
        page = document[job["page"] - 1]
        # page.rect is the page as a viewer shows it (after /Rotate), the same orientation as width × height.
        matrix = fitz.Matrix(job["width"] / page.rect.width, job["height"] / page.rect.height)
        colorspace = fitz.csGRAY if job["gray"] else fitz.csRGB
        pixmap = page.get_pixmap(matrix=matrix, colorspace=colorspace, alpha=False)
        rendered = time.perf_counter()
        png = pixmap.tobytes("png")
    finished = time.perf_counter()
    with open(job["out"], "wb") as output:
        output.write(png)
    answer = {
        "seconds": finished - started,
        "render_seconds": rendered - started,
        "bytes": len(png),
        "size": [pixmap.width, pixmap.height],
    }
    sys.stdout.write(json.dumps(answer) + "\n")
    sys.stdout.flush()
