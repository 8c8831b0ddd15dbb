// Drag a card onto another column of its board. Every move is already a form with a button (keyboard
// and no-script alike); dropping a card submits the same form, so the server decides as it always does.
(function () {
  document.querySelectorAll('[data-board]').forEach(function (board) {
    var dragged = null;
    board.querySelectorAll('.board-card[draggable]').forEach(function (card) {
      card.addEventListener('dragstart', function (e) {
        dragged = card;
        card.classList.add('dragging');
        e.dataTransfer.effectAllowed = 'move';
        e.dataTransfer.setData('text/plain', card.dataset.card);
      });
      card.addEventListener('dragend', function () {
        card.classList.remove('dragging');
        dragged = null;
        board.querySelectorAll('.drop-here').forEach(function (c) { c.classList.remove('drop-here'); });
      });
    });
    board.querySelectorAll('[data-column]').forEach(function (column) {
      function formFor() {
        return dragged && dragged.querySelector('form[data-move-to="' + column.dataset.column + '"]');
      }
      column.addEventListener('dragover', function (e) {
        if (formFor()) {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'move';
          column.classList.add('drop-here');
        }
      });
      column.addEventListener('dragleave', function (e) {
        if (!column.contains(e.relatedTarget)) { column.classList.remove('drop-here'); }
      });
      column.addEventListener('drop', function (e) {
        var form = formFor();
        column.classList.remove('drop-here');
        if (!form) { return; }
        e.preventDefault();
        column.setAttribute('aria-busy', 'true');
        if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
      });
    });
  });
})();
