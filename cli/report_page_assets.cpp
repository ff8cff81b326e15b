// The report page's inline style sheet (screen, narrow screens, print) and its script (filters,
// sorting, the view kept in the URL fragment, CSV of the shown rows). Nothing is fetched.
#include "cli/report_page_assets.hpp"

namespace dealgate::cli {

const char* const kReportStyle = R"css(
:root { --pass: #2e7d32; --fail: #c62828; --unknown: #ef8f00; --ink: #1d2733; --muted: #5b6878;
  --line: #dde3ea; --bg: #f5f7fa; --card: #ffffff; --accent: #1f5fa8; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--ink); background: var(--bg); }
header { background: #14304f; color: #fff; padding: 22px 32px 18px; }
header h1 { margin: 0 0 4px; font-size: 24px; font-weight: 650; }
header .meta { margin: 0; color: #c9d6e5; font-size: 13px; }
main { max-width: 1240px; margin: 0 auto; padding: 20px 32px 40px; }
section { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 18px 22px;
  margin: 0 0 20px; }
h2 { margin: 0 0 4px; font-size: 18px; }
h3 { margin: 14px 0 6px; font-size: 14px; color: var(--muted); font-weight: 600; text-transform: uppercase;
  letter-spacing: .04em; }
.lead { margin: 0 0 12px; color: var(--muted); }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(180px, 1fr)); gap: 14px;
  background: none; border: 0; padding: 0; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 14px 18px; }
.card .value { font-size: 30px; font-weight: 700; }
.card .label { color: var(--muted); font-size: 13px; }
.card.alert .value { color: var(--fail); }
.gate-row { display: grid; grid-template-columns: 280px 1fr; gap: 16px; align-items: center;
  padding: 8px 0; border-top: 1px solid var(--line); }
.gate-row:first-of-type { border-top: 0; }
.gate-name strong { display: block; font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
  font-size: 13px; }
.gate-name span { color: var(--muted); font-size: 13px; }
svg { display: block; max-width: 100%; height: auto; }
svg.stacked { width: 100%; }
td.id { white-space: nowrap; font-variant-numeric: tabular-nums; }
svg text { font: 12px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
.seg-label { fill: #fff; font-weight: 600; }
.legend { display: flex; gap: 18px; color: var(--muted); font-size: 13px; margin-top: 8px; flex-wrap: wrap; }
.legend i { display: inline-block; width: 11px; height: 11px; border-radius: 2px; margin-right: 6px;
  vertical-align: -1px; }
.two-col { display: grid; grid-template-columns: 1fr 1fr; gap: 24px; }
.two-col > div { min-width: 0; overflow-x: auto; }
.hbar { display: flex; height: 14px; background: #eef2f7; border-radius: 3px; margin: 3px 0; }
.hbar .failed { background: var(--fail); } .hbar .unknown { background: var(--unknown); }
#deals { overflow-x: auto; }
@media (max-width: 900px) { .two-col, .gate-row { grid-template-columns: 1fr; } }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; padding: 7px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: #eef2f7; font-weight: 600; white-space: nowrap; }
#deal-table th { cursor: pointer; user-select: none; }
#deal-table th[aria-sort="ascending"]::after { content: " \25B2"; font-size: 10px; }
#deal-table th[aria-sort="descending"]::after { content: " \25BC"; font-size: 10px; }
td.todo { min-width: 340px; max-width: 520px; }
th.gate { white-space: normal; }
td.todo li, .facts, .cid { overflow-wrap: anywhere; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.pill { display: inline-block; padding: 1px 9px; border-radius: 10px; font-size: 12px; font-weight: 600;
  color: #fff; white-space: nowrap; }
.pill.pass { background: var(--pass); } .pill.fail { background: var(--fail); }
.pill.unknown { background: var(--unknown); } .pill.ahead { background: var(--fail); }
.pill.ok { background: var(--pass); } .pill.muted { background: #8b97a6; }
.controls { display: flex; gap: 12px; align-items: center; margin: 8px 0 12px; flex-wrap: wrap; }
.controls input, .controls select { font: inherit; padding: 6px 10px; border: 1px solid #b9c4d0;
  border-radius: 6px; }
.controls input { min-width: 0; width: 300px; max-width: 100%; }
#shown { color: var(--muted); font-size: 13px; }
details summary { cursor: pointer; color: var(--accent); }
details ul { margin: 4px 0 8px; padding-left: 18px; }
details h4 { margin: 8px 0 2px; font-size: 13px; }
details .milestone { color: var(--muted); font-size: 12px; margin-top: 4px; }
.facts { color: var(--muted); font-size: 12px; font-family: ui-monospace, Menlo, Consolas, monospace; }
.cid { color: var(--muted); font-size: 12px; font-family: ui-monospace, Menlo, Consolas, monospace; }
.note { color: var(--muted); font-size: 13px; }
.empty { color: var(--muted); font-style: italic; }
footer { text-align: center; color: var(--muted); font-size: 12px; padding: 0 0 24px; }
.wrap { overflow-x: auto; max-width: 100%; }
section, .two-col > div, .gate-row > div { min-width: 0; }
header, .lead, .note, .legend { overflow-wrap: anywhere; }
td.shown { white-space: nowrap; }
td.money, th.money { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.money-line { color: var(--muted); font-size: 13px; margin: 2px 0 0; }
.card .money-line { overflow-wrap: anywhere; }
.held { margin: 0; padding: 0; list-style: none; }
.held li { padding: 6px 0; border-top: 1px solid var(--line); }
.held li:first-child { border-top: 0; }
.held .count { font-weight: 600; }
@media (max-width: 600px) {
  header { padding: 16px 14px; }
  main { padding: 12px 10px 30px; }
  section { padding: 12px 12px; }
  .gate-row { grid-template-columns: minmax(0, 1fr); }
  .controls input, .controls select { width: 100%; }
  td.todo { min-width: 220px; }
}
@media print {
  @page { size: auto; margin: 14mm; }
  body { background: #fff; font-size: 11pt; }
  header { background: none; color: #000; padding: 0 0 8px; border-bottom: 2px solid #000; }
  header .meta { color: #333; }
  main { max-width: none; padding: 0; }
  section { border: 0; border-radius: 0; padding: 8px 0; break-inside: auto; }
  .card, .gate-row, tr { break-inside: avoid; }
  .controls, #csv { display: none; }
  .wrap, #deals { overflow: visible; }
  th { background: none; border-bottom: 2px solid #000; }
  td.todo { min-width: 0; }
  .pill { color: #000; border: 1px solid #000; background: none !important; }
  /* An A4 or Letter page is about 690 px wide inside its margins: the deal table wraps its cells
     and the two-column layouts stack, so nothing is cut off at the right edge. */
  table { font-size: 8pt; width: 100%; }
  th, td, .pill { white-space: normal; overflow-wrap: anywhere; padding: 3px 4px; }
  .two-col, .gate-row { grid-template-columns: minmax(0, 1fr); }
}
)css";

// The page works without the script; when it ran to the end, <html data-ready="ok"> tells a test
// (or a curious reader) that it had no error.
const char* const kReportScript = R"js(
(function () {
  var root = document.documentElement;
  var table = document.getElementById('deal-table');
  if (table) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var filter = document.getElementById('filter');
    var show = document.getElementById('show');
    var shown = document.getElementById('shown');
    var selects = Array.prototype.slice.call(document.querySelectorAll('select[data-field]'));
    rows.forEach(function (row) {
      var text = [];
      Array.prototype.forEach.call(row.cells, function (cell) {
        if (!cell.classList.contains('todo')) text.push(cell.textContent);
      });
      row.setAttribute('data-search', text.join(' ').toLowerCase());
    });
    // Each select lists the values its field takes in the rows, sorted.
    selects.forEach(function (select) {
      var field = select.getAttribute('data-field');
      var seen = {};
      rows.forEach(function (row) {
        var v = row.getAttribute('data-' + field);
        if (v) seen[v] = true;
      });
      Object.keys(seen).sort(function (x, y) {
        return x.localeCompare(y, undefined, { numeric: true });
      }).forEach(function (v) {
        var option = document.createElement('option');
        option.value = v;
        option.textContent = v;
        select.appendChild(option);
      });
    });
    var total = Number(table.getAttribute('data-total-deals')) || rows.length;
    var headers = table.tHead.rows[0].cells;
    var sortColumn = -1, ascending = true;
    var key = function (row, column) {
      var cell = row.cells[column];
      var value = cell.getAttribute('data-sort');
      return value === null ? cell.textContent.trim() : value;
    };
    var sortRows = function () {
      Array.prototype.forEach.call(headers, function (h) { h.removeAttribute('aria-sort'); });
      if (sortColumn < 0 || sortColumn >= headers.length) return;
      headers[sortColumn].setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      rows.sort(function (a, b) {
        var x = key(a, sortColumn), y = key(b, sortColumn);
        var nx = Number(x), ny = Number(y);
        var order = (x !== '' && y !== '' && !isNaN(nx) && !isNaN(ny)) ? nx - ny
          : x.localeCompare(y, undefined, { numeric: true, sensitivity: 'base' });
        return ascending ? order : -order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    };
    // The view lives in the URL fragment (#owner=Ann&phase=Design&q=acme&sort=3-desc), so a link
    // opens the same view.
    var writeHash = function () {
      var parts = [];
      if (filter.value.trim()) parts.push('q=' + encodeURIComponent(filter.value.trim()));
      if (show.value !== 'all') parts.push('show=' + encodeURIComponent(show.value));
      selects.forEach(function (s) {
        if (s.value) parts.push(s.getAttribute('data-field') + '=' + encodeURIComponent(s.value));
      });
      if (sortColumn >= 0) parts.push('sort=' + sortColumn + (ascending ? '' : '-desc'));
      var hash = parts.join('&');
      if (hash !== location.hash.replace(/^#/, '')) history.replaceState(null, '', hash ? '#' + hash : location.pathname + location.search);
    };
    var readHash = function () {
      var state = {};
      location.hash.replace(/^#/, '').split('&').forEach(function (part) {
        var at = part.indexOf('=');
        if (at > 0) state[part.slice(0, at)] = decodeURIComponent(part.slice(at + 1));
      });
      filter.value = state.q || '';
      show.value = state.show || 'all';
      if (show.selectedIndex < 0) show.value = 'all';
      selects.forEach(function (s) {
        s.value = state[s.getAttribute('data-field')] || '';
        if (s.selectedIndex < 0) s.value = '';
      });
      var sort = /^(\d+)(-desc)?$/.exec(state.sort || '');
      sortColumn = sort ? Number(sort[1]) : -1;
      ascending = !(sort && sort[2]);
    };
    var apply = function () {
      var query = filter.value.trim().toLowerCase();
      var mode = show.value;
      var count = 0;
      rows.forEach(function (row) {
        var visible = (!query || row.getAttribute('data-search').indexOf(query) >= 0) &&
          (mode === 'all' || row.getAttribute('data-' + mode) === '1') &&
          selects.every(function (s) {
            return !s.value || row.getAttribute('data-' + s.getAttribute('data-field')) === s.value;
          });
        row.hidden = !visible;
        if (visible) count++;
      });
      table.setAttribute('data-visible-rows', String(count));
      shown.textContent = count + ' of ' + rows.length + ' deals shown' +
        (total > rows.length ? ' (the table keeps ' + rows.length + ' of ' + total + ')' : '');
    };
    var changed = function () { apply(); writeHash(); };
    filter.addEventListener('input', changed);
    show.addEventListener('change', changed);
    selects.forEach(function (s) { s.addEventListener('change', changed); });
    window.addEventListener('hashchange', function () { readHash(); sortRows(); apply(); });
    Array.prototype.forEach.call(headers, function (th, column) {
      if (th.classList.contains('todo')) return;
      th.addEventListener('click', function () {
        ascending = sortColumn === column ? !ascending : true;
        sortColumn = column;
        sortRows();
        writeHash();
      });
    });
    // The rows shown, as CSV made here in the page: nothing is fetched.
    var csv = document.getElementById('csv');
    if (csv) {
      csv.addEventListener('click', function () {
        var quote = function (t) { return '"' + t.replace(/"/g, '""') + '"'; };
        var lines = [];
        var head = [];
        Array.prototype.forEach.call(headers, function (h) {
          if (!h.classList.contains('todo')) head.push(quote(h.textContent.trim()));
        });
        lines.push(head.join(','));
        rows.forEach(function (row) {
          if (row.hidden) return;
          var cells = [];
          Array.prototype.forEach.call(row.cells, function (c) {
            if (!c.classList.contains('todo')) cells.push(quote(c.textContent.trim()));
          });
          lines.push(cells.join(','));
        });
        var link = document.createElement('a');
        link.href = URL.createObjectURL(new Blob([lines.join('\r\n') + '\r\n'], { type: 'text/csv' }));
        link.download = 'deals.csv';
        document.body.appendChild(link);
        link.click();
        document.body.removeChild(link);
      });
    }
    readHash();
    sortRows();
    apply();
  }
  // For a test (or a curious reader): whether the page is wider than the window.
  root.setAttribute('data-overflow', root.scrollWidth > window.innerWidth ? 'yes' : 'no');
  root.setAttribute('data-ready', 'ok');
})();
)js";

}  // namespace dealgate::cli
