#!/usr/bin/env bash
# Renders the README pictures from a real build of the sample: our slides PDF, the summary,
# and LibreOffice's rendering of the PPTX.
set -euo pipefail
cd "$(dirname "$0")/.."
node dist/cli.js build --out .tmp/readme
pdftoppm -r 60 -png -f 2 -l 2 -singlefile .tmp/readme/slides.pdf docs/images/slide-stats
pdftoppm -r 60 -png -f 4 -l 4 -singlefile .tmp/readme/slides.pdf docs/images/slide-chart
pdftoppm -r 50 -png -f 1 -l 1 -singlefile .tmp/readme/summary.pdf docs/images/summary-page-1
pdftoppm -r 40 -png -f 1 -l 1 -singlefile .tmp/readme/handout.pdf docs/images/handout-page-1
soffice --headless --convert-to pdf --outdir .tmp/readme .tmp/readme/briefing.pptx >/dev/null
pdftoppm -r 60 -png -f 4 -l 4 -singlefile .tmp/readme/briefing.pdf docs/images/pptx-in-libreoffice
