// The page's one script: sorting, filtering, and a phone's alarms under its
// row. The page reads fully without it. Phone data reaches the document
// only through textContent and DOM nodes, never as markup; it comes from
// the JSON element `unreg-data` (see PageData.details for its shape).
// Kept as plain ES2020 text: it runs in the reader's browser, not in node.
export const PAGE_SCRIPT = `(function () {
  'use strict';
  document.documentElement.classList.add('js');
  var collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  var dataElement = document.getElementById('unreg-data');
  var data = dataElement ? JSON.parse(dataElement.textContent) : { s: [], p: [], c: [] };
  var phones = document.getElementById('phone-table');

  function text(index) { return index < 0 ? '' : data.s[index]; }
  function element(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (content !== undefined) node.textContent = content;
    return node;
  }

  function sortBy(table, column, header) {
    var body = table.tBodies[0];
    if (table === phones) closeAll();
    var numeric = header.classList.contains('n');
    var descending = header.getAttribute('aria-sort') === 'ascending';
    Array.prototype.forEach.call(header.parentNode.cells, function (cell) { cell.removeAttribute('aria-sort'); });
    header.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
    var keyed = Array.prototype.map.call(body.rows, function (row) {
      var value = row.cells[column].textContent;
      return { row: row, key: numeric ? (value === '' ? -Infinity : parseFloat(value)) : value };
    });
    keyed.sort(function (a, b) {
      var order = numeric ? a.key - b.key : (a.key === '') - (b.key === '') || collator.compare(a.key, b.key);
      return descending ? -order : order;
    });
    var fragment = document.createDocumentFragment();
    keyed.forEach(function (item) { fragment.appendChild(item.row); });
    body.appendChild(fragment);
  }

  Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header, column) {
      header.tabIndex = 0;
      var sort = function () { sortBy(table, column, header); };
      header.addEventListener('click', sort);
      header.addEventListener('keydown', function (event) { if (event.key === 'Enter') sort(); });
    });
  });

  if (!phones) return;
  var rows = Array.prototype.slice.call(phones.tBodies[0].rows);
  var indexOf = new Map();
  rows.forEach(function (row, index) { indexOf.set(row, index); });

  function alarmBlock(alarm) {
    var block = element('div', 'alarm');
    var time = text(alarm[1]);
    var heading = (time ? time.slice(0, 10) + ' ' + time.slice(11, 19) + ' UTC' : 'no time') +
      ' \\u00b7 ' + (alarm[0] === 0 ? 'sent to CUCM' : 'not yet sent') + ' \\u00b7 ' + text(alarm[2]) +
      ' (' + data.c[alarm[3]] + ')' + (alarm[5] >= 0 ? ' \\u00b7 ' + text(alarm[5]) : '');
    block.appendChild(element('h4', '', heading));
    if (alarm[4] >= 0) block.appendChild(element('p', 'note', text(alarm[4])));
    var list = element('dl');
    for (var i = 0; i < alarm[6].length; i += 2) {
      var pair = element('div');
      pair.appendChild(element('dt', '', text(alarm[6][i])));
      pair.appendChild(element('dd', '', text(alarm[6][i + 1])));
      list.appendChild(pair);
    }
    block.appendChild(list);
    return block;
  }

  function detailRow(index) {
    var detail = data.p[index];
    var cell = element('td');
    cell.colSpan = rows[index].cells.length;
    if (detail[0] >= 0) cell.appendChild(element('p', 'error', text(detail[0])));
    detail[1].forEach(function (warning) { cell.appendChild(element('p', 'note', 'Warning: ' + text(warning))); });
    detail[2].forEach(function (alarm) { cell.appendChild(alarmBlock(alarm)); });
    if (detail[0] < 0 && detail[2].length === 0) cell.appendChild(element('p', 'note', 'No alarm: the phone holds no LastOutOfServiceInformation.'));
    var row = element('tr', 'more');
    row.appendChild(cell);
    return row;
  }

  function toggle(row) {
    var next = row.nextElementSibling;
    if (next && next.classList.contains('more')) {
      next.remove();
      row.classList.remove('open');
      return;
    }
    row.classList.add('open');
    row.after(detailRow(indexOf.get(row)));
  }
  function closeAll() {
    Array.prototype.forEach.call(phones.querySelectorAll('tr.more'), function (row) { row.remove(); });
    Array.prototype.forEach.call(phones.querySelectorAll('tr.open'), function (row) { row.classList.remove('open'); });
  }

  phones.tBodies[0].addEventListener('click', function (event) {
    var row = event.target.closest('tr');
    if (row && !row.classList.contains('more') && indexOf.has(row)) toggle(row);
  });

  var filters = document.querySelector('.filters');
  var box = document.getElementById('phone-filter');
  var status = document.getElementById('status-filter');
  var count = document.getElementById('phone-count');
  var haystacks = null;
  function applyFilter() {
    closeAll();
    if (haystacks === null) haystacks = rows.map(function (row) { return row.textContent.toLowerCase(); });
    var words = box.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var wanted = status.value;
    var shown = 0;
    rows.forEach(function (row, index) {
      var failed = row.classList.contains('f');
      var alarms = row.cells[7].textContent !== '0';
      var fits = (wanted === '' || (wanted === 'failed' && failed) || (wanted === 'alarms' && alarms) ||
        (wanted === 'ok' && !failed && !alarms)) &&
        words.every(function (word) { return haystacks[index].indexOf(word) !== -1; });
      row.hidden = !fits;
      if (fits) shown += 1;
    });
    count.textContent = shown === rows.length ? rows.length + ' phones' : shown + ' of ' + rows.length + ' phones';
  }
  var pending = 0;
  box.addEventListener('input', function () { clearTimeout(pending); pending = setTimeout(applyFilter, 120); });
  status.addEventListener('change', applyFilter);
  filters.hidden = false;
})();
`;
