import { CATEGORY_STYLES } from './category-colours.js';

// The page's one stylesheet. System fonts only: the page loads nothing.
const BASE = `
:root{--ink:#1d2329;--muted:#5b6670;--line:#d9dee3;--bg:#fff;--band:#f5f7f9;--bad:#b3261e;--warn:#9a5b00}
*{box-sizing:border-box}
[hidden]{display:none!important}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK JP",sans-serif;color:var(--ink);background:var(--bg)}
main{max-width:1240px;margin:0 auto;padding:20px 24px 48px}
h1{font-size:22px;margin:0 0 4px}
h2{font-size:17px;margin:28px 0 8px;padding-bottom:4px;border-bottom:2px solid var(--line)}
h3{font-size:14px;margin:14px 0 4px}
code{font:12.5px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--band);padding:0 3px;border-radius:3px}
.meta,.span,.note,.none{color:var(--muted);margin:2px 0}
.figures{display:flex;flex-wrap:wrap;gap:10px;margin:12px 0 6px}
.figure{border:1px solid var(--line);border-radius:6px;padding:6px 14px;min-width:110px;background:var(--band)}
.figure b{display:block;font-size:24px;line-height:1.2}
.figure span{color:var(--muted)}
.figure.bad b{color:var(--bad)}
.figure.warn b{color:var(--warn)}
table{border-collapse:collapse;width:100%;margin:6px 0}
th,td{text-align:left;padding:4px 8px;border-bottom:1px solid var(--line);vertical-align:top;overflow-wrap:anywhere}
th{background:var(--band);font-weight:600;white-space:nowrap}
table.reasons td:nth-child(3){white-space:nowrap}
.n{text-align:right;font-variant-numeric:tabular-nums}
.swatch{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px;background:var(--c)}
.legend{display:flex;flex-wrap:wrap;gap:4px 16px;margin:4px 0 0;padding:0;list-style:none;color:var(--muted)}
.legend .band{display:inline-block;width:14px;height:10px;margin-right:6px;background:#fbe3a6;border:1px solid #e0b84a}
svg.chart{display:block}
svg.timeline{width:100%;height:auto;max-height:300px}
svg .grid{stroke:#e6e9ec}
svg .axis{stroke:#8a949c}
svg .tick{font-size:11px;fill:var(--muted)}
svg .bin{fill:transparent}
svg .bin:hover{fill:rgba(0,0,0,.07)}
svg .incident-band rect{fill:#fbe3a6;fill-opacity:.7;stroke:#e0b84a}
svg .incident-band text{font-size:11px;font-weight:600;fill:#7a5a00}
table.reasons td:nth-child(4){width:256px}
table.reasons summary{white-space:nowrap}
details summary{cursor:pointer}
details p{margin:4px 0;max-width:70ch}
.heat td.h1{background:#fdeee4}.heat td.h2{background:#f9d2b8}.heat td.h3{background:#f2ab80}
.heat td.h4{background:#e8804a;color:#fff}.heat td.h5{background:#c9561a;color:#fff}
.failed-kind{margin:10px 0 16px}
.failed-kind h3 code{color:var(--bad)}
.advice{margin:2px 0 4px;max-width:100ch}
.filters{display:flex;gap:10px;align-items:center;margin:6px 0}
.filters input{flex:1;max-width:420px;padding:5px 8px;font:inherit;border:1px solid #b8c0c7;border-radius:4px}
.filters select{padding:5px;font:inherit}
#phone-count{color:var(--muted)}
table.phones{table-layout:fixed;margin:0}
table.phones-head{position:sticky;top:0;z-index:1;margin-top:6px}
col.k0{width:14%}col.k1{width:14%}col.k2{width:8%}col.k3{width:8%}col.k4{width:13%}col.k5{width:23%}col.k6{width:14%}col.k7{width:6%}
.block{content-visibility:auto;contain-intrinsic-size:auto 6500px}
table.sortable th,.js table.phones-head th{cursor:pointer;user-select:none}
th[aria-sort=ascending]::after{content:" \\25B2";font-size:10px}
th[aria-sort=descending]::after{content:" \\25BC";font-size:10px}
table.phones tr.f td:nth-child(5){color:var(--bad);font-weight:600}
.js table.phones tbody tr:not(.more){cursor:pointer}
.js table.phones tbody tr:not(.more):hover{background:#f1f6fb}
tr.open td{background:#eaf2fa}
tr.more>td{background:#fafbfc;padding:8px 12px 12px 24px}
.alarm{margin:6px 0 10px}
.alarm h4{margin:0 0 2px;font-size:13px}
.alarm dl{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:0 16px;margin:2px 0}
.alarm dl div{display:flex;gap:6px;border-bottom:1px dotted var(--line)}
.alarm dt{color:var(--muted);min-width:150px}
.alarm dd{margin:0;overflow-wrap:anywhere}
.error{color:var(--bad)}
footer{margin-top:32px;color:var(--muted);font-size:12px}
@media print{
  main{max-width:none;padding:0}
  .filters,noscript{display:none}
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  h2{break-after:avoid}
  tr,.figure,svg.chart,.alarm{break-inside:avoid}
  table.phones-head{position:static}
  .block{content-visibility:visible}
}
`;

/** The stylesheet: the base rules and one custom property per reason category. */
export const PAGE_STYLE = `${BASE}${CATEGORY_STYLES.map((style, index) => `.c${index}{--c:${style.colour}}`).join('')}\n`;
