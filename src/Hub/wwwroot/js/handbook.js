// Click-to-load video players: nothing is requested from the video host until the reader asks.
// Without JavaScript the link simply opens the video on its own site.
document.addEventListener('click', function (event) {
  var link = event.target.closest('.embed-video[data-embed-src] .embed-link');
  if (!link) { return; }
  event.preventDefault();
  var figure = link.closest('.embed-video');
  var frame = document.createElement('iframe');
  var player = figure.getAttribute('data-embed-src');
  frame.src = player + (player.indexOf('?') < 0 ? '?' : '&') + 'autoplay=1';
  frame.title = link.textContent;
  frame.allow = 'autoplay; fullscreen; picture-in-picture';
  frame.setAttribute('allowfullscreen', '');
  frame.className = 'embed-frame';
  link.replaceWith(frame);
  var note = figure.querySelector('.embed-note');
  if (note) { note.remove(); }
  frame.focus();
});

// Search as you type: under each search box, the first pages that match, updated as the reader types.
// Without JavaScript the box submits to /search as before; Enter still does.
(function () {
  var boxes = document.querySelectorAll('input[type="search"][name="q"]');
  Array.prototype.forEach.call(boxes, function (input) {
    var form = input.form;
    if (!form) { return; }
    var panel = document.createElement('div');
    panel.className = 'search-suggestions';
    panel.id = input.id + '-suggestions';
    var status = document.createElement('p');
    status.className = 'visually-hidden';
    status.setAttribute('role', 'status');
    var list = document.createElement('ul');
    // The pages' titles and words are the handbook's, in its language when that is not the page's.
    if (input.getAttribute('data-content-lang')) { list.setAttribute('lang', input.getAttribute('data-content-lang')); }
    panel.appendChild(status);
    panel.appendChild(list);
    form.appendChild(panel);
    input.setAttribute('aria-controls', panel.id);
    var timer = null;
    var latest = 0;
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var query = input.value.trim();
        var ticket = ++latest;
        if (query.length < 2) { list.innerHTML = ''; status.textContent = ''; return; }
        fetch('/search.json?q=' + encodeURIComponent(query), { headers: { 'Accept': 'application/json' } })
          .then(function (response) { return response.ok ? response.json() : []; })
          .then(function (hits) {
            if (ticket !== latest) { return; } // an older answer arriving late
            list.innerHTML = '';
            hits.forEach(function (hit) {
              var item = document.createElement('li');
              var link = document.createElement('a');
              link.href = hit.url;
              link.textContent = hit.title;
              var snippet = document.createElement('span');
              snippet.className = 'snippet';
              snippet.innerHTML = hit.snippet; // escaped by the hub; only <mark> is markup
              item.appendChild(link);
              item.appendChild(snippet);
              list.appendChild(item);
            });
            // The words come with the box, in the reader's language (data-none, data-one, data-other with {0}).
            var words = hits.length === 0 ? input.getAttribute('data-none') || 'No page matches yet.'
              : hits.length === 1 ? input.getAttribute('data-one') || '{0} page matches.'
              : input.getAttribute('data-other') || '{0} pages match.';
            status.textContent = words.replace('{0}', String(hits.length));
          })
          .catch(function () { /* the full search page still works */ });
      }, 150);
    });
    input.addEventListener('keydown', function (event) {
      var first = list.querySelector('a');
      if (event.key === 'ArrowDown' && first) { event.preventDefault(); first.focus(); }
    });
    list.addEventListener('keydown', function (event) {
      var links = Array.prototype.slice.call(list.querySelectorAll('a'));
      var at = links.indexOf(document.activeElement);
      if (event.key === 'ArrowDown' && at < links.length - 1) { event.preventDefault(); links[at + 1].focus(); }
      if (event.key === 'ArrowUp') { event.preventDefault(); (at > 0 ? links[at - 1] : input).focus(); }
      if (event.key === 'Escape') { list.innerHTML = ''; input.focus(); }
    });
  });
})();

// Tabs: GitBook's {% tabs %} become real tabs (the WAI-ARIA tabs pattern: one tab stop, arrow keys,
// Home and End move between tabs). Without JavaScript every tab's title and content show in order.
(function () {
  var groups = document.querySelectorAll('.prose .tabs');
  Array.prototype.forEach.call(groups, function (group, g) {
    var panels = Array.prototype.filter.call(group.children, function (child) { return child.classList.contains('tab'); });
    if (panels.length === 0) { return; }
    var list = document.createElement('div');
    list.className = 'tab-list';
    list.setAttribute('role', 'tablist');
    var buttons = panels.map(function (panel, i) {
      var title = panel.querySelector('.tab-title');
      var button = document.createElement('button');
      button.type = 'button';
      button.id = 'handbook-tabs-' + g + '-tab-' + i;
      button.setAttribute('role', 'tab');
      button.textContent = title ? title.textContent : 'Tab ' + (i + 1);
      if (!panel.id) { panel.id = 'handbook-tabs-' + g + '-panel-' + i; }
      button.setAttribute('aria-controls', panel.id);
      if (title) { title.hidden = true; }
      panel.setAttribute('role', 'tabpanel');
      panel.setAttribute('aria-labelledby', button.id);
      panel.tabIndex = 0;
      list.appendChild(button);
      return button;
    });
    function select(index, focus) {
      buttons.forEach(function (button, i) {
        var on = i === index;
        button.setAttribute('aria-selected', on ? 'true' : 'false');
        button.tabIndex = on ? 0 : -1;
        panels[i].hidden = !on;
      });
      if (focus) { buttons[index].focus(); }
    }
    list.addEventListener('click', function (event) {
      var at = buttons.indexOf(event.target.closest('[role="tab"]'));
      if (at >= 0) { select(at, true); }
    });
    list.addEventListener('keydown', function (event) {
      var at = buttons.indexOf(document.activeElement);
      if (at < 0) { return; }
      var next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: buttons.length - 1 }[event.key];
      if (next === undefined) { return; }
      event.preventDefault();
      select((next + buttons.length) % buttons.length, true);
    });
    group.insertBefore(list, group.firstChild);
    group.classList.add('tabs-enhanced');
    select(0, false);
  });
})();
