"""Renders the pages the TimeVision benchmark lists with PyMuPDF, at the same pixel sizes, and reports timings.

Input (stdin): JSON list of {"pdf", "page", "width", "height", "gray", "out"}.
Output (stdout): JSON {"seconds": total render+encode time, "bytes": total PNG bytes, "sizes": [[w, h], ...]}.
Each page opens its document afresh, as a per-page worker would.
"""
import json
import sys
import time

import fitz  # PyMuPDF, Debian package python3-fitz

jobs = json.load(sys.stdin)
seconds = 0.0
total_bytes = 0
sizes = []
for job in jobs:
    started = time.perf_counter()
    with fitz.open(job["pdf"]) as document:
        page = document[job["page"] - 1]
        matrix = fitz.Matrix(job["width"] / page.rect.width, job["height"] / page.rect.height)
        colorspace = fitz.csGRAY if job["gray"] else fitz.csRGB
        pixmap = page.get_pixmap(matrix=matrix, colorspace=colorspace, alpha=False)
        png = pixmap.tobytes("png")
    seconds += time.perf_counter() - started
    with open(job["out"], "wb") as output:
        output.write(png)
    total_bytes += len(png)
    sizes.append([pixmap.width, pixmap.height])

json.dump({"seconds": seconds, "bytes": total_bytes, "sizes": sizes}, sys.stdout)
