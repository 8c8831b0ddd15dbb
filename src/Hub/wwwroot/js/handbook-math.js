// Math: the TeX that GitBook writes between $$ is typeset by KaTeX (wwwroot/lib/katex), loaded only on
// pages that have math. KaTeX builds its output with DOM calls (no inline style attributes), so the
// strict content security policy holds. The TeX stays in the page for readers without JavaScript, and
// in KaTeX's MathML annotation for screen readers and copying.
(function () {
  if (!window.katex) { return; }
  var strip = /^\s*(\\\(|\\\[)([\s\S]*?)(\\\)|\\\])\s*$/;
  Array.prototype.forEach.call(document.querySelectorAll('.prose .math'), function (element) {
    var source = element.textContent;
    var match = strip.exec(source);
    var tex = match ? match[2] : source;
    var display = element.tagName === 'DIV';
    var target = document.createElement(display ? 'div' : 'span');
    try {
      window.katex.render(tex.trim(), target, { displayMode: display, throwOnError: false, output: 'htmlAndMathml' });
    } catch (error) {
      return; // the readable TeX stays
    }
    element.textContent = '';
    element.appendChild(target);
    element.classList.add('math-typeset');
    element.setAttribute('data-tex', tex.trim());
  });
})();
