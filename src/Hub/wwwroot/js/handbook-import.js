// The admin page's import progress: polls the import's state and moves the bars; when the import is
// done, reloads the page so its report shows. Without JavaScript the page shows the state on reload.
(function () {
  var section = document.querySelector('.import-progress[data-status-url]');
  if (!section) { return; }
  var url = section.getAttribute('data-status-url');
  var id = section.getAttribute('data-import-id');
  var stage = section.querySelector('.import-stage');
  var noScript = section.querySelector('.no-script-only');
  if (noScript) { noScript.hidden = true; }
  function show(bar, count, value, max) {
    var progress = section.querySelector(bar);
    progress.max = Math.max(1, max);
    progress.value = value;
    progress.textContent = value + ' of ' + max;
    section.querySelector('[data-count="' + count + '"]').textContent = value + ' of ' + max;
  }
  function poll() {
    fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (state) {
        if (!state) { setTimeout(poll, 2000); return; }
        if (!state.running || String(state.id) !== id) { window.location.reload(); return; }
        stage.textContent = state.cancelRequested ? 'Cancelling…' : state.stage;
        show('#progress-files', 'files', state.filesRead, state.filesTotal);
        show('#progress-pages', 'pages', state.pagesRendered, state.pagesTotal);
        setTimeout(poll, 500);
      })
      .catch(function () { setTimeout(poll, 2000); });
  }
  poll();
})();
