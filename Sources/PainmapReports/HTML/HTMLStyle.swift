/// The one style sheet of every painmap page, inlined so that a page is a single self-contained file.
///
/// Restrained colours: ink and greys for structure, one blue accent for the top pains, and colour only where it
/// carries meaning (status flags, growth in red, decline in green). The print rules set A4 landscape, repeat
/// table headers on every page and keep rows and cards whole.
enum HTMLStyle {
    /// Colours of chart series and channels, in order; distinguishable in print and for common colour blindness.
    static let palette = ["#2563eb", "#d97706", "#059669", "#7c3aed", "#db2777", "#0891b2", "#65a30d", "#78716c"]

    static let sheet = """
        :root{--ink:#1c2530;--muted:#5b6675;--faint:#8a94a3;--line:#dde2e8;--soft:#f4f6f9;--accent:#1d4ed8;\
        --accent-soft:#eef3ff;--up:#b42318;--down:#067647}
        *{box-sizing:border-box}
        html{-webkit-text-size-adjust:100%}
        body{margin:0;background:#fff;color:var(--ink);font:14px/1.45 "PT Sans","Segoe UI","Liberation Sans",\
        "DejaVu Sans",Arial,sans-serif}
        main{max-width:1440px;margin:0 auto;padding:28px 32px 40px}
        a{color:var(--accent)}
        header.page{border-bottom:3px solid var(--ink);padding-bottom:14px;margin-bottom:18px}
        .crumbs{font-size:12px;letter-spacing:.05em;text-transform:uppercase;color:var(--muted)}
        .crumbs a{color:var(--muted)}
        h1{font-size:30px;line-height:1.15;margin:6px 0 6px}
        .sub{margin:0;color:var(--muted)}
        h2{font-size:19px;margin:34px 0 4px}
        .lead{margin:0 0 12px;color:var(--muted);font-size:13px}
        .kpis{display:grid;grid-template-columns:repeat(4,minmax(0,1fr));gap:12px}
        .kpi{border:1px solid var(--line);border-radius:8px;padding:12px 16px;background:#fff}
        .kpi .label{font-size:12px;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
        .kpi .value{font-size:28px;font-weight:700;line-height:1.2;font-variant-numeric:tabular-nums}
        .kpi .note{font-size:12.5px;color:var(--muted)}
        .up{color:var(--up)}
        .down{color:var(--down)}
        .flat{color:var(--muted)}
        .channels{margin-top:14px}
        .channels svg{display:block;width:100%;height:18px}
        .legend{display:flex;flex-wrap:wrap;gap:4px 18px;margin:6px 0 0;padding:0;list-style:none;font-size:12.5px}
        .legend li{display:flex;align-items:center;gap:6px}
        .swatch{display:inline-block;width:10px;height:10px;border-radius:2px;flex:none}
        .top3{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:14px}
        .card{position:relative;border:1px solid var(--line);border-top:4px solid var(--accent);border-radius:8px;\
        padding:12px 16px 14px;background:var(--accent-soft)}
        .card .rank{font-size:13px;font-weight:700;color:var(--accent)}
        .card h3{font-size:17px;line-height:1.25;margin:2px 0 8px}
        .card .figures{display:flex;gap:18px;flex-wrap:wrap;font-size:12.5px;color:var(--muted)}
        .card .figures b{display:block;font-size:20px;color:var(--ink);font-variant-numeric:tabular-nums}
        .card .meta{margin-top:8px;font-size:12.5px}
        .empty{color:var(--muted);font-style:italic}
        table{border-collapse:collapse;width:100%;font-size:12.5px}
        table.pains{table-layout:fixed}
        table.pains td{overflow-wrap:break-word}
        table.pains .num,table.overview th.num{white-space:normal}
        th,td{padding:7px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
        thead th{background:var(--soft);color:var(--muted);font-size:11.5px;font-weight:600;line-height:1.25;\
        border-bottom:2px solid var(--line)}
        .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        tbody tr.top td{background:var(--accent-soft)}
        tbody tr.top td:first-child{box-shadow:inset 4px 0 0 var(--accent)}
        td.rank{font-weight:700;font-size:15px;text-align:center}
        tr.top td.rank{color:var(--accent)}
        tr.section td{background:#fff;border-bottom:2px solid var(--line);padding-top:16px;font-weight:700;\
        color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}
        tr.vanished td{color:var(--muted);background:#fbfbfc}
        .title{font-weight:700;font-size:13.5px;line-height:1.3}
        .kw{display:block;color:var(--faint);font-size:11.5px;margin-top:2px}
        .small{display:block;font-size:11.5px;color:var(--muted)}
        .count{font-size:15px;font-weight:700}
        .badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:11px;font-weight:700;\
        white-space:nowrap;margin:3px 0 0 4px}
        .st-new{background:#fdecc8;color:#8a3c00}
        .st-recurring{background:#e6e9ee;color:#344054}
        .st-vanished{background:#d7f5e3;color:#05603a}
        .signal{background:#fff;color:#6b21a8;border:1px dashed #9333ea}
        .score{font-size:16px;font-weight:700;font-variant-numeric:tabular-nums}
        .components{margin:3px 0 0;padding:0;list-style:none;font-size:11px;line-height:1.35;color:var(--muted)}
        .components b{color:var(--ink);font-weight:600;font-variant-numeric:tabular-nums}
        blockquote{margin:0 0 7px;padding:0 0 0 8px;border-left:2px solid var(--line);font-size:12px}
        blockquote .src{display:block;font-size:10.5px;color:var(--faint);margin-top:1px}
        table.pains tbody tr td.solution{background:#fff \
        repeating-linear-gradient(transparent 0 22px,var(--line) 22px 23px)}
        .grid2{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:28px;align-items:start}
        figure{margin:0}
        figure svg{display:block;width:100%;height:auto}
        figcaption{font-size:12px;color:var(--muted);margin-top:4px}
        .chart text{font-family:inherit;fill:var(--muted);font-size:11px}
        .chart .label{fill:var(--ink);font-size:12px}
        .chart .value{fill:var(--ink);font-weight:700}
        .chart .axis{stroke:var(--line)}
        table.compact{margin-top:10px}
        .method{display:grid;grid-template-columns:220px minmax(0,1fr);gap:6px 18px;font-size:13px;margin:0}
        .method dt{color:var(--muted)}
        .method dd{margin:0}
        code{font-family:"DejaVu Sans Mono",Consolas,monospace;font-size:12px;background:var(--soft);padding:1px 4px;\
        border-radius:3px}
        .links{display:flex;flex-wrap:wrap;gap:6px 18px;margin-top:10px;font-size:13px}
        .situations{display:grid;grid-template-columns:repeat(auto-fill,minmax(400px,1fr));gap:14px}
        .situation{border:1px solid var(--line);border-radius:8px;padding:12px 16px}
        .situation h3{margin:0 0 2px;font-size:17px}
        .situation ol{margin:8px 0 0;padding-left:20px}
        .situation li{margin-bottom:4px}
        .formats{font-size:12px;color:var(--muted)}
        footer{margin-top:36px;padding-top:10px;border-top:1px solid var(--line);font-size:11.5px;color:var(--faint)}
        @media screen and (max-width:900px){.kpis,.top3,.grid2{grid-template-columns:1fr}}
        @media print{
        @page{size:A4 landscape;margin:10mm}
        body{font-size:10.5px}
        main{max-width:none;padding:0}
        h1{font-size:22px}
        h2{font-size:15px;margin-top:18px;break-after:avoid}
        thead{display:table-header-group}
        tr,.card,.kpi,figure,.situation,.grid2 section,.methodology{break-inside:avoid}
        section.pain-section{break-before:page}
        thead th{overflow-wrap:anywhere}
        table{font-size:9.5px}
        a{color:inherit;text-decoration:none}
        *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
        }

        """
}
