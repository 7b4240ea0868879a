#!/usr/bin/env bash
# Regenerates every picture in docs/images/ that the guide in docs/ uses, from real builds:
#   - the synthetic example in docs/examples/synthetic-tour (every layout and chart type),
#     in English (data.yaml) and German (data.de-DE.yaml);
#   - the Chinese edition of the sample (data/space-station-2025.zh-CN.yaml), for one slide;
#   - a batch build of the synthetic example (build --each), for one title slide.
# Slide pictures come from slides.pdf (drawn from the same layout as the PPTX); "libreoffice"
# pictures are LibreOffice's rendering of briefing.pptx. All at 50 dpi or less.
#
# It never touches the README's pictures (docs/images/slide-*.png, summary-page-1.png,
# handout-page-1.png, pptx-in-libreoffice.png); scripts/readme-images.sh makes those.
#
# Needs: node, pdftoppm (poppler-utils), soffice (LibreOffice Impress).
set -euo pipefail
cd "$(dirname "$0")/.."

work=.tmp/docs-images
images=docs/images
tour=docs/examples/synthetic-tour
rm -rf "$work"
mkdir -p "$work" "$images"

# 1. Bundle the CLI from the current sources.
node scripts/bundle.mjs

# 2. Build.
node dist/cli.js build --data "$tour/data.yaml" --template "$tour/template" --out "$work/tour"
node dist/cli.js build --data "$tour/data.de-DE.yaml" --template "$tour/template" --out "$work/tour-de"
node dist/cli.js build --data data/space-station-2025.zh-CN.yaml --out "$work/zh-CN"
# One deck per class; the example's last CSV row is malformed on purpose, so exit code 1.
node dist/cli.js build --each "$tour/batch/classes.csv" --name '{{school}}-{{class}}' \
  --data "$tour/data.yaml" --template "$tour/template" --out "$work/batch" || true

# 3. LibreOffice's rendering of the PPTX, with a private profile so a running soffice
#    (or the interop tests) cannot get in the way.
profile="file://$(pwd)/$work/lo-profile"
for build in tour tour-de; do
  soffice "-env:UserInstallation=$profile" --headless --convert-to pdf \
    --outdir "$work/$build/libreoffice" "$work/$build/briefing.pptx" >/dev/null
done

# Slide numbers looked up in `briefkit inspect`, so the pictures follow the deck when
# continuations add or remove slides. find_slide FILE exact|prefix LINE: the first slide
# with a line equal to (or starting with) LINE.
find_slide() {
  node dist/cli.js inspect "$1" | awk -v mode="$2" -v want="$3" '
    /^slide [0-9]+$/ { n = $2; next }
    !found && ((mode == "exact" && $0 == want) || (mode == "prefix" && index($0, want) == 1)) {
      print n; found = 1
    }
    END { if (!found) exit 1 }'
}
slide_titled() { find_slide "$1" exact "    ¶ **$2**"; } # FILE TITLE
slide_with() { find_slide "$1" prefix "$2"; }            # FILE LINE-START

# render PDF PAGE NAME [DPI]: one page as docs/images/NAME.png
render() {
  pdftoppm -r "${4:-50}" -png -f "$2" -l "$2" -singlefile "$1" "$images/$3"
}

deck="$work/tour/briefing.pptx"
slides="$work/tour/slides.pdf"
office="$work/tour/libreoffice/briefing.pdf"

# 4. One picture per layout (docs/template-dialect.md).
render "$slides" 1 layout-title
render "$slides" "$(slide_titled "$deck" 'Part 1: the numbers')" layout-section
render "$slides" "$(slide_titled "$deck" 'The year in numbers')" layout-stats
render "$slides" "$(slide_titled "$deck" 'Harvest by crop')" layout-chart
render "$slides" "$(slide_titled "$deck" 'Visitors per month')" layout-chart-text
render "$slides" "$(slide_titled "$deck" 'Two beds, two plans')" layout-two-columns
render "$slides" "$(slide_titled "$deck" 'Key figures as a table')" layout-table
render "$slides" "$(slide_titled "$deck" 'Visitors, month by month')" layout-table-long
render "$slides" "$(slide_titled "$deck" 'Visitors, month by month (2 of 3)')" layout-table-cont
render "$slides" "$(slide_titled "$deck" "The season's checklist")" layout-bullets
render "$slides" "$(slide_titled "$deck" "The season's checklist (2 of 2)")" layout-bullets-cont
render "$slides" "$(slide_with "$deck" '  text "quote"')" layout-quote
render "$slides" "$(slide_titled "$deck" 'The garden plan')" layout-image
render "$slides" "$(slide_titled "$deck" 'Sources and thanks')" layout-closing

# 5. Charts (docs/charts.md): native charts as LibreOffice draws the PPTX, and the PDFs.
render "$office" "$(slide_titled "$deck" 'Harvest by crop')" chart-column-libreoffice
render "$work/tour/summary.pdf" 1 chart-column-summary
render "$office" "$(slide_titled "$deck" 'Visitors per month')" chart-line-libreoffice
render "$office" "$(slide_titled "$deck" 'Visitors per month (area)')" chart-area-libreoffice
render "$office" "$(slide_titled "$deck" 'Where the harvest went (pie)')" chart-pie-libreoffice
render "$office" "$(slide_titled "$deck" 'Where the harvest went (donut)')" chart-donut-libreoffice
render "$office" "$(slide_titled "$deck" 'Hours worked and harvest, per session')" chart-scatter-libreoffice
render "$slides" "$(slide_titled "$deck" 'Hours worked and harvest, per session')" chart-scatter-slides
render "$office" "$(slide_titled "$deck" 'Harvest by crop and year')" chart-svg-libreoffice
german=$(slide_titled "$work/tour-de/briefing.pptx" 'Ernte nach Sorte')
render "$work/tour-de/slides.pdf" "$german" chart-de-DE
render "$work/tour-de/libreoffice/briefing.pdf" "$german" chart-de-DE-libreoffice

# 6. Languages (docs/data-and-schemas.md) and batch builds (docs/batch.md).
render "$work/zh-CN/slides.pdf" 2 zh-CN-stats
render "$work/tour-de/slides.pdf" "$(slide_titled "$work/tour-de/briefing.pptx" 'Das Jahr in Zahlen')" de-DE-stats

# A batch writes each recipient's deck and summary; LibreOffice draws the deck's title slide.
soffice --headless --convert-to pdf --outdir "$work/batch/Greenfield-6A" "$work/batch/Greenfield-6A/briefing.pptx" >/dev/null
render "$work/batch/Greenfield-6A/briefing.pdf" 1 batch-title-6A

echo "Pictures in $images:"
ls -l "$images" | awk 'NR > 1 { printf "  %-36s %6.1f KB\n", $9, $5 / 1024 }'
