// The admin page's import progress: follows the import's live stream (on whichever of the hub's servers the import
// runs) and moves the bars; when the import is done, reloads the page so its report shows. A browser without
// EventSource polls the import's state instead. Without JavaScript the page shows the state on reload.
(function () {
  var section = document.querySelector('.import-progress[data-status-url]');
  if (!section) { return; }
  var url = section.getAttribute('data-status-url');
  var events = section.getAttribute('data-events-url');
  var id = section.getAttribute('data-import-id');
  var stage = section.querySelector('.import-stage');
  var noScript = section.querySelector('.no-script-only');
  // The page's words, in the reader's language: "{0} of {1}" and "Cancelling…".
  var of = section.getAttribute('data-of') || '{0} of {1}';
  var cancelling = section.getAttribute('data-cancelling') || 'Cancelling…';
  function outOf(value, max) { return of.replace('{0}', String(value)).replace('{1}', String(max)); }
  if (noScript) { noScript.hidden = true; }
  function show(bar, count, value, max) {
    var progress = section.querySelector(bar);
    progress.max = Math.max(1, max);
    progress.value = value;
    progress.textContent = outOf(value, max);
    section.querySelector('[data-count="' + count + '"]').textContent = outOf(value, max);
  }
  // Puts the state in place; false once the import is over (the page reloads for its report).
  function apply(state) {
    if (!state.running || String(state.id) !== id) { window.location.reload(); return false; }
    stage.textContent = state.cancelRequested ? cancelling : (state.stageText || state.stage);
    show('#progress-files', 'files', state.filesRead, state.filesTotal);
    show('#progress-pages', 'pages', state.pagesRendered, state.pagesTotal);
    return true;
  }
  if (events && window.EventSource) {
    var source = new EventSource(events);
    source.addEventListener('import', function (event) {
      if (!apply(JSON.parse(event.data))) { source.close(); }
    });
    return;
  }
  function poll() {
    fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (state) {
        if (!state) { setTimeout(poll, 2000); return; }
        if (apply(state)) { setTimeout(poll, 500); }
      })
      .catch(function () { setTimeout(poll, 2000); });
  }
  poll();
})();
