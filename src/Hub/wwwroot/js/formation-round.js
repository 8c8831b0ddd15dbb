// Drag and drop on a formation round's proposal. It only helps: each person keeps a plain form (a menu and a
// Move button) that works with the keyboard and without this script. Dropping someone on a crew chooses that
// crew in their form and submits it, so the server checks the move exactly as it checks a typed one.
(function () {
  'use strict';
  var board = document.querySelector('.proposal[data-movable="true"]');
  if (!board) {
    return;
  }
  var dragged = null;
  board.querySelectorAll('.person[data-participant]').forEach(function (person) {
    person.setAttribute('draggable', 'true');
    person.addEventListener('dragstart', function (event) {
      dragged = person;
      person.classList.add('dragging');
      event.dataTransfer.effectAllowed = 'move';
      event.dataTransfer.setData('text/plain', person.getAttribute('data-participant'));
    });
    person.addEventListener('dragend', function () {
      person.classList.remove('dragging');
      dragged = null;
    });
  });
  board.querySelectorAll('.proposed-crew[data-target]').forEach(function (crew) {
    crew.addEventListener('dragover', function (event) {
      if (dragged) {
        event.preventDefault();
        crew.classList.add('drop-here');
      }
    });
    crew.addEventListener('dragleave', function () {
      crew.classList.remove('drop-here');
    });
    crew.addEventListener('drop', function (event) {
      event.preventDefault();
      crew.classList.remove('drop-here');
      if (!dragged || dragged.closest('.proposed-crew') === crew) {
        return;
      }
      var form = dragged.querySelector('form.move-form');
      var select = form && form.querySelector('select[name="Target"]');
      if (!select) {
        return;
      }
      select.value = crew.getAttribute('data-target');
      form.submit();
    });
  });
})();
