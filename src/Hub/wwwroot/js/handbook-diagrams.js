// Diagrams: mermaid fences are drawn by mermaid (wwwroot/lib/mermaid), loaded only on pages that have
// one. Mermaid styles its drawing with inline style attributes and <style> elements, which the page's
// strict content security policy refuses; so it runs in a hidden frame of its own
// (/handbook-diagram-frame, whose policy allows inline style and nothing else), and the drawing comes
// back as an SVG image. The page itself never applies an inline style. Without JavaScript, or when a
// diagram cannot be drawn, the reader sees its source.
(function () {
  var figures = Array.prototype.slice.call(document.querySelectorAll('.prose figure.diagram[data-diagram="mermaid"]'));
  if (figures.length === 0) { return; }
  var frame = document.createElement('iframe');
  frame.className = 'diagram-renderer';
  frame.title = 'Diagram renderer';
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.src = '/handbook-diagram-frame';
  var pending = {};
  window.addEventListener('message', function (event) {
    if (event.origin !== window.location.origin || event.source !== frame.contentWindow) { return; }
    var answer = event.data || {};
    if (answer.ready) {
      figures.forEach(function (figure, i) {
        var code = figure.querySelector('pre.diagram-source code');
        if (!code) { return; }
        pending[i] = figure;
        frame.contentWindow.postMessage({ id: i, source: code.textContent }, window.location.origin);
      });
      return;
    }
    var figure = pending[answer.id];
    if (!figure) { return; }
    delete pending[answer.id];
    if (answer.svg) { show(figure, answer.svg, answer.title); }
    if (Object.keys(pending).length === 0) { frame.remove(); }
  });
  document.body.appendChild(frame);

  function show(figure, svg, title) {
    var image = document.createElement('img');
    image.className = 'diagram-image';
    image.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg);
    image.alt = title ? 'Diagram: ' + title + '. Its source follows.' : 'Diagram drawn from the mermaid source that follows.';
    var pre = figure.querySelector('pre.diagram-source');
    var details = document.createElement('details');
    details.className = 'diagram-source-details';
    var summary = document.createElement('summary');
    summary.textContent = 'Diagram source';
    details.appendChild(summary);
    figure.insertBefore(image, figure.firstChild);
    figure.insertBefore(details, pre);
    details.appendChild(pre);
    var caption = figure.querySelector('.diagram-caption');
    if (caption) { caption.remove(); }
    figure.classList.add('diagram-drawn');
  }
})();
