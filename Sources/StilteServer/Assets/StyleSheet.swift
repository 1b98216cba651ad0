/// The pages' style sheet, served as `/assets/stilte.css` (no inline styles: the CSP forbids them).
enum StyleSheet {
    static let text = #"""
:root { --refusal: #f4c7a1; --pause: #bfe3c0; --solution: #b9d3f0; --detected: #555; --trainer: #c2185b; --text: #1d1d1f; }
body { font-family: system-ui, sans-serif; color: var(--text); margin: 0; background: #fafafa; }
header { display: flex; gap: 1.5em; align-items: baseline; padding: 0.6em 1.2em; background: #223; color: white; }
header a { color: white; text-decoration: none; }
header nav a { margin-right: 1em; }
header .brand { font-weight: bold; }
header .language { margin-left: auto; }
main { padding: 1em 1.2em; max-width: 1100px; }
table { border-collapse: collapse; background: white; }
th, td { padding: 0.3em 0.7em; border-bottom: 1px solid #ddd; text-align: left; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
.muted { color: #777; }
.warn { color: #b00020; }
.tag { font-size: 0.8em; padding: 0 0.3em; border-radius: 3px; background: #eee; }
.tag.warn { background: #fde0e0; }
.verdict.on-target { color: #1b7f2a; }
.verdict.short, .verdict.long { color: #b35c00; }
.verdict.no-pause, .verdict.no-continuation, .verdict.no-speech { color: #b00020; }
tr.unreviewed td:first-child { font-weight: bold; }
.sparkline .band { fill: #2ca02c; fill-opacity: 0.18; }
.sparkline polyline { fill: none; stroke: #1f77b4; stroke-width: 1.5; }
.sparkline circle { fill: #1f77b4; }
.filters { margin: 0.8em 0; display: flex; gap: 1em; flex-wrap: wrap; align-items: end; }
.button { display: inline-block; padding: 0.4em 0.8em; background: #223; color: white; border-radius: 4px; text-decoration: none; }
.take-nav { display: flex; gap: 1.5em; margin-bottom: 0.5em; }
.scenario { background: white; padding: 0.5em 1em; border-left: 4px solid #223; margin-bottom: 1em; }
svg.wave { width: 100%; height: 200px; background: white; border: 1px solid #ccc; cursor: crosshair; touch-action: none; display: block; }
.wave .part.refusal { fill: var(--refusal); }
.wave .part.pause { fill: var(--pause); }
.wave .part.solution { fill: var(--solution); }
.wave .samples { stroke: #333; stroke-width: 1; fill: none; }
.wave .detected { fill: none; stroke: var(--detected); stroke-width: 2; stroke-dasharray: 6 4; }
.wave .trainer { fill: none; stroke: var(--trainer); stroke-width: 2; }
.wave .event { fill: #7b1fa2; fill-opacity: 0.7; }
.wave .event.filler { fill: #e65100; }
.wave .edit { fill: var(--trainer); fill-opacity: 0.08; pointer-events: none; }
.wave .handle { fill: var(--trainer); fill-opacity: 0.55; cursor: ew-resize; }
.wave .cursor { stroke: #d00; stroke-width: 2; }
.legend .key { display: inline-block; width: 1em; height: 0.8em; margin: 0 0.3em 0 0.8em; vertical-align: middle; }
.legend .key.refusal { background: var(--refusal); }
.legend .key.pause { background: var(--pause); }
.legend .key.solution { background: var(--solution); }
.legend .key.detected { border: 2px dashed var(--detected); }
.legend .key.trainer { border: 2px solid var(--trainer); }
.legend .key.event { background: #7b1fa2; }
audio { width: 100%; margin: 0.5em 0; }
.numbers { margin: 0.8em 0; }
form.review { background: white; padding: 0.5em 1em 1em; border: 1px solid #ddd; display: grid; gap: 0.6em; max-width: 640px; }
form.review textarea { width: 100%; display: block; }
.panel { background: white; border: 1px solid #ddd; margin: 0 0 1em; padding: 0.5em; }
.panel svg { max-width: 100%; height: auto; }
"""#
}
