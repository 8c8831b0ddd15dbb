// Inside the hidden diagram frame (see handbook-diagrams.js): draws each mermaid source it is sent and
// posts the SVG back to the page that framed it, on the same origin only.
(function () {
  if (!window.mermaid || window.parent === window) { return; }
  window.mermaid.initialize({
    startOnLoad: false,
    securityLevel: 'strict',
    // Labels as SVG text, not HTML in foreignObject, so the drawing shows the same as an image.
    htmlLabels: false,
    flowchart: { htmlLabels: false },
  });
  var count = 0;
  window.addEventListener('message', function (event) {
    if (event.origin !== window.location.origin || event.source !== window.parent) { return; }
    var request = event.data || {};
    var id = 'diagram-' + (++count);
    window.mermaid.render(id, String(request.source || '')).then(function (result) {
      window.parent.postMessage({ id: request.id, svg: sized(result.svg), title: titleOf(result.svg) }, window.location.origin);
    }, function () {
      window.parent.postMessage({ id: request.id, error: true }, window.location.origin);
      var leftover = document.getElementById('d' + id);
      if (leftover) { leftover.remove(); }
    });
  });
  // An image needs a size of its own: mermaid's SVG says width="100%"; its viewBox knows the real one.
  function sized(svg) {
    var doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    var root = doc.documentElement;
    var box = (root.getAttribute('viewBox') || '').split(/[\s,]+/).map(Number);
    if (box.length === 4 && box[2] > 0 && box[3] > 0) {
      root.setAttribute('width', String(Math.ceil(box[2])));
      root.setAttribute('height', String(Math.ceil(box[3])));
      root.style.removeProperty('max-width');
    }
    return new XMLSerializer().serializeToString(root);
  }
  function titleOf(svg) {
    var doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    var title = doc.querySelector('title');
    return title ? title.textContent : '';
  }
  window.parent.postMessage({ ready: true }, window.location.origin);
})();
