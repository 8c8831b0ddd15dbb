// The week of hours (Platform/Web/Shared/_WeekGrid and _WeekHeat). Without this script the grid is plain
// checkboxes that post the same fields, and the boxes open at midnight; with it:
// - each box opens at the waking hours (or at the first hour ticked or counted before them);
// - pressing on an hour and dragging ticks (or, from a ticked hour, clears) the block between, with a mouse,
//   a finger or a pen, through pointer events;
// - the grid is one stop for Tab: arrow keys move, Space or Enter ticks, Shift with an arrow stretches the
//   block from the last hour ticked or cleared, and a status line says what the block now is.
// The columns run as the reader's week does (Sunday first in English, Monday in German). Each box's value is its hour
// of the week, Monday 00:00 being 0, whatever column it stands in; so moving and painting go by columns, read from the
// day names' data-day, and what the form sends is the same in every order.
(function () {
  'use strict';
  var WAKING_HOUR = 7;

  function openAtWakingHours(box) {
    var rows = box.querySelectorAll('tbody tr');
    if (rows.length !== 24) { return; }
    var first = WAKING_HOUR;
    for (var hour = 0; hour < WAKING_HOUR; hour++) {
      if (rows[hour].querySelector('input:checked, td[class^="heat-"]:not(.heat-0)')) { first = hour; break; }
    }
    // Just below the day names, where they will stick to the top of the box, and the gap between rows.
    var days = box.querySelector('thead th');
    var gap = parseFloat(getComputedStyle(box.querySelector('table')).borderSpacing) || 0;
    var top = box.getBoundingClientRect().top + box.clientTop + (days ? days.offsetHeight + gap : 0);
    box.scrollTop += rows[first].getBoundingClientRect().top - top;
  }

  function enhance(grid) {
    var table = grid.querySelector('table');
    var cells = [];
    Array.prototype.forEach.call(table.querySelectorAll('input[type="checkbox"]'), function (input) {
      cells[Number(input.value)] = input;
    });
    if (cells.length !== 168) { return; }
    var dayAt = []; // column -> day (Monday 0)
    var columnOf = []; // day -> column
    Array.prototype.forEach.call(table.querySelectorAll('thead th[data-day]'), function (th, column) {
      var d = Number(th.getAttribute('data-day'));
      dayAt[column] = d;
      columnOf[d] = column;
    });
    if (dayAt.length !== 7 || columnOf.length !== 7) { return; }
    var keys = grid.querySelector('.week-grid-keys');
    if (keys) {
      keys.hidden = false;
      table.setAttribute('aria-describedby', keys.id);
    }
    var status = document.createElement('p');
    // A live region, not role="status": the page's own notice keeps being the one status on the page.
    status.setAttribute('aria-live', 'polite');
    status.className = 'visually-hidden week-grid-said';
    grid.appendChild(status);
    grid.classList.add('is-painting');

    var words = function (name, english) { return grid.getAttribute(name) || english; };
    var day = function (index) { return Math.floor(index / 24); };
    var hour = function (index) { return index % 24; };
    var column = function (index) { return columnOf[day(index)]; };
    var indexOf = function (element) {
      var cell = element && element.closest ? element.closest('input[type="checkbox"]') : null;
      return cell && cells[Number(cell.value)] === cell ? Number(cell.value) : -1;
    };

    // One hour takes Tab: the first ticked hour from the waking hours on, column by column, else the first
    // column's waking hour.
    var active = dayAt[0] * 24 + WAKING_HOUR;
    first: for (var c = 0; c < 7; c++) {
      for (var h = WAKING_HOUR; h < 24; h++) {
        if (cells[dayAt[c] * 24 + h].checked) { active = dayAt[c] * 24 + h; break first; }
      }
    }
    cells.forEach(function (cell, index) { cell.tabIndex = index === active ? 0 : -1; });
    function moveTo(index, scroll) {
      cells[active].tabIndex = -1;
      active = index;
      cells[active].tabIndex = 0;
      cells[active].focus({ preventScroll: !scroll });
    }

    // Whichever hour gets focus (a click, a test, a screen reader's cursor) becomes the one Tab returns to.
    table.addEventListener('focusin', function (event) {
      var index = indexOf(event.target);
      if (index >= 0 && index !== active) {
        cells[active].tabIndex = -1;
        active = index;
        cells[active].tabIndex = 0;
      }
    });

    // A block: where it started, whether it ticks or clears, and how every hour was before, so that
    // shrinking the block gives back what was there.
    var block = null;
    function startBlock(anchor, tick) {
      block = { anchor: anchor, tick: tick, before: cells.map(function (cell) { return cell.checked; }) };
    }
    function paintTo(end) {
      // The block is what the reader sees between the two hours: columns, not day numbers.
      var columns = [Math.min(column(block.anchor), column(end)), Math.max(column(block.anchor), column(end))];
      var hours = [Math.min(hour(block.anchor), hour(end)), Math.max(hour(block.anchor), hour(end))];
      cells.forEach(function (cell, index) {
        var inside = column(index) >= columns[0] && column(index) <= columns[1] && hour(index) >= hours[0] && hour(index) <= hours[1];
        cell.checked = inside ? block.tick : block.before[index];
      });
    }
    function announce(end) {
      // The words come from the grid's data- attributes, in the page's language; {0} and {1} are the hours.
      var from = cells[block.anchor].getAttribute('aria-label');
      var hours = end === block.anchor ? from : words('data-said-to', '{0} to {1}').replace('{0}', from).replace('{1}', cells[end].getAttribute('aria-label'));
      status.textContent = words(block.tick ? 'data-said-free' : 'data-said-cleared', block.tick ? '{0}: free' : '{0}: cleared').replace('{0}', hours);
    }

    var dragging = null;
    table.addEventListener('pointerdown', function (event) {
      var index = indexOf(event.target);
      if (index < 0 || event.button !== 0) { return; }
      // The script ticks the hour itself (and keeps text from being selected while dragging).
      event.preventDefault();
      if (event.target.hasPointerCapture && event.target.hasPointerCapture(event.pointerId)) {
        event.target.releasePointerCapture(event.pointerId); // a finger's moves then reach the hours it crosses
      }
      dragging = event.pointerId;
      startBlock(index, !cells[index].checked);
      paintTo(index);
      moveTo(index, false);
    });
    table.addEventListener('pointermove', function (event) {
      if (dragging !== event.pointerId) { return; }
      if (event.buttons === 0) { dragging = null; return; } // released outside the window
      var index = indexOf(document.elementFromPoint(event.clientX, event.clientY));
      if (index >= 0) { paintTo(index); }
    });
    var stop = function (event) { if (dragging === event.pointerId) { dragging = null; } };
    document.addEventListener('pointerup', stop);
    document.addEventListener('pointercancel', stop);
    // The press already ticked the hour: the click that follows must not tick it back. A click from the
    // keyboard or an assistive technology (detail 0) keeps its usual meaning.
    table.addEventListener('click', function (event) {
      if (indexOf(event.target) >= 0 && event.detail > 0) { event.preventDefault(); }
    });
    // Space ticks natively; every native tick or clear starts a block that Shift and an arrow can stretch.
    table.addEventListener('change', function (event) {
      var index = indexOf(event.target);
      if (index >= 0) { startBlock(index, cells[index].checked); }
    });

    var steps = { ArrowUp: [0, -1], ArrowDown: [0, 1], ArrowLeft: [-1, 0], ArrowRight: [1, 0] };
    table.addEventListener('keydown', function (event) {
      var index = indexOf(event.target);
      if (index < 0 || event.altKey || event.ctrlKey || event.metaKey) { return; }
      if (event.key === 'Enter') {
        event.preventDefault(); // ticks, as Space does, instead of sending the form
        cells[index].click();
        return;
      }
      var step = steps[event.key];
      if (!step) { return; }
      event.preventDefault();
      var nextColumn = column(index) + step[0];
      var nextHour = hour(index) + step[1];
      if (nextColumn < 0 || nextColumn > 6 || nextHour < 0 || nextHour > 23) { return; }
      var next = dayAt[nextColumn] * 24 + nextHour;
      if (event.shiftKey) {
        if (!block || block.anchor !== index && !block.stretching) {
          startBlock(index, !cells[index].checked);
        }
        block.stretching = true;
        paintTo(next);
        announce(next);
      } else {
        block = null;
      }
      moveTo(next, true);
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-week-box]:not([data-opened])'), function (box) {
      box.setAttribute('data-opened', '');
      openAtWakingHours(box);
    });
    Array.prototype.forEach.call(document.querySelectorAll('[data-week-grid]:not([data-painting])'), function (grid) {
      grid.setAttribute('data-painting', '');
      enhance(grid);
    });
  }
  // Each grid's partial names this script; whichever copy runs first does the work once.
  start();
})();
