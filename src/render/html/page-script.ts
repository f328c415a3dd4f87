import { ROWS_PER_BLOCK } from './phones-table.js';

// The page's one script: sorting, filtering, and a phone's alarms under its
// row. The page reads fully without it. Phone data reaches the document
// only through textContent and DOM nodes, never as markup; it comes from
// the JSON element `unreg-data` (PageData.details says its shape).
// Kept as plain ES2020 text: it runs in the reader's browser, not in node.
export const PAGE_SCRIPT = `(function () {
  'use strict';
  document.documentElement.classList.add('js');
  var BLOCK = ${ROWS_PER_BLOCK};
  var collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  // Read when a phone is first opened: parsing megabytes of a large fleet's
  // alarms is no part of opening the page.
  var data = null;
  function alarmData() {
    if (data === null) data = JSON.parse(document.getElementById('unreg-data').textContent);
    return data;
  }
  var each = function (list, action) { Array.prototype.forEach.call(list, action); };

  function text(index) { return index < 0 ? '' : data.s[index]; }
  function element(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (content !== undefined) node.textContent = content;
    return node;
  }

  /** Rows in order of a column: numbers as numbers, empty cells last; ascending unless it already was. */
  function sortRows(rows, column, header) {
    var numeric = header.classList.contains('n');
    var descending = header.getAttribute('aria-sort') === 'ascending';
    each(header.parentNode.cells, function (cell) { cell.removeAttribute('aria-sort'); });
    header.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
    var keyed = rows.map(function (row) {
      var value = row.cells[column].textContent;
      return { row: row, key: numeric ? (value === '' ? -Infinity : parseFloat(value)) : value };
    });
    keyed.sort(function (a, b) {
      var order = numeric ? a.key - b.key : (a.key === '') - (b.key === '') || collator.compare(a.key, b.key);
      return descending ? -order : order;
    });
    return keyed.map(function (item) { return item.row; });
  }

  function sortable(headerRow, sort) {
    each(headerRow.cells, function (header, column) {
      header.tabIndex = 0;
      var run = function () { sort(column, header); };
      header.addEventListener('click', run);
      header.addEventListener('keydown', function (event) { if (event.key === 'Enter') run(); });
    });
  }

  each(document.querySelectorAll('table.sortable'), function (table) {
    sortable(table.tHead.rows[0], function (column, header) {
      var body = table.tBodies[0];
      var fragment = document.createDocumentFragment();
      sortRows(Array.prototype.slice.call(body.rows), column, header).forEach(function (row) { fragment.appendChild(row); });
      body.appendChild(fragment);
    });
  });

  var list = document.getElementById('phone-table');
  if (!list) return;
  var blocks = Array.prototype.slice.call(list.querySelectorAll('.block tbody'));
  var order = [];
  each(blocks, function (body) { each(body.rows, function (row) { order.push(row); }); });
  var indexOf = new Map();
  order.forEach(function (row, index) { indexOf.set(row, index); });

  /** Puts the rows back into the blocks in this order, the shown ones first; a block with none shown is hidden. */
  function layout() {
    closeAll();
    var shown = order.filter(function (row) { return !row.hidden; });
    var rows = shown.concat(order.filter(function (row) { return row.hidden; }));
    blocks.forEach(function (body, number) {
      var fragment = document.createDocumentFragment();
      rows.slice(number * BLOCK, (number + 1) * BLOCK).forEach(function (row) { fragment.appendChild(row); });
      body.appendChild(fragment);
      body.parentNode.parentNode.hidden = number * BLOCK >= shown.length;
    });
  }

  sortable(list.querySelector('thead tr'), function (column, header) {
    order = sortRows(order, column, header);
    layout();
  });

  function alarmBlock(alarm) {
    var block = element('div', 'alarm');
    var time = alarm[1] === null ? 'no time' : new Date(alarm[1]).toISOString().slice(0, 19).replace('T', ' ') + ' UTC';
    var heading = time + ' \\u00b7 ' + (alarm[0] === 0 ? 'sent to CUCM' : 'not yet sent') + ' \\u00b7 ' +
      text(alarm[2]) + ' (' + data.c[alarm[3]] + ')' + (alarm[5] >= 0 ? ' \\u00b7 ' + text(alarm[5]) : '');
    block.appendChild(element('h4', '', heading));
    if (alarm[4] >= 0) block.appendChild(element('p', 'note', text(alarm[4])));
    var names = data.k[alarm[6]];
    var pairs = element('dl');
    alarm[7].forEach(function (value, position) {
      var pair = element('div');
      pair.appendChild(element('dt', '', text(names[position])));
      pair.appendChild(element('dd', '', text(value)));
      pairs.appendChild(pair);
    });
    block.appendChild(pairs);
    return block;
  }

  function detailRow(row) {
    var detail = alarmData().p[indexOf.get(row)];
    var cell = element('td');
    cell.colSpan = row.cells.length;
    if (detail[0] >= 0) cell.appendChild(element('p', 'error', text(detail[0])));
    detail[1].forEach(function (warning) { cell.appendChild(element('p', 'note', 'Warning: ' + text(warning))); });
    detail[2].forEach(function (alarm) { cell.appendChild(alarmBlock(alarm)); });
    if (detail[0] < 0 && detail[2].length === 0) cell.appendChild(element('p', 'note', 'No alarm: the phone holds no LastOutOfServiceInformation.'));
    var more = element('tr', 'more');
    more.appendChild(cell);
    return more;
  }

  function toggle(row) {
    var next = row.nextElementSibling;
    if (next && next.classList.contains('more')) {
      next.remove();
      row.classList.remove('open');
      return;
    }
    row.classList.add('open');
    row.after(detailRow(row));
  }
  function closeAll() {
    each(list.querySelectorAll('tr.more'), function (row) { row.remove(); });
    each(list.querySelectorAll('tr.open'), function (row) { row.classList.remove('open'); });
  }

  list.addEventListener('click', function (event) {
    var row = event.target.closest('tbody tr');
    if (row && indexOf.has(row)) toggle(row);
  });

  var box = document.getElementById('phone-filter');
  var status = document.getElementById('status-filter');
  var count = document.getElementById('phone-count');
  var haystacks = null;
  function applyFilter() {
    if (haystacks === null) {
      haystacks = [];
      order.forEach(function (row) { haystacks[indexOf.get(row)] = row.textContent.toLowerCase(); });
    }
    var words = box.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var wanted = status.value;
    var shown = 0;
    order.forEach(function (row) {
      var failed = row.classList.contains('f');
      var alarms = row.cells[7].textContent !== '0';
      var haystack = haystacks[indexOf.get(row)];
      var fits = (wanted === '' || (wanted === 'failed' && failed) || (wanted === 'alarms' && alarms) ||
        (wanted === 'ok' && !failed && !alarms)) &&
        words.every(function (word) { return haystack.indexOf(word) !== -1; });
      row.hidden = !fits;
      if (fits) shown += 1;
    });
    layout();
    count.textContent = shown === order.length ? order.length + ' phones' : shown + ' of ' + order.length + ' phones';
  }
  var pending = 0;
  box.addEventListener('input', function () { clearTimeout(pending); pending = setTimeout(applyFilter, 150); });
  status.addEventListener('change', applyFilter);
  document.querySelector('.filters').hidden = false;
})();
`;
