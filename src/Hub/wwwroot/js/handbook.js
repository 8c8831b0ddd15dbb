// Click-to-load video players: nothing is requested from the video host until the reader asks.
// Without JavaScript the link simply opens the video on its own site.
document.addEventListener('click', function (event) {
  var link = event.target.closest('.embed-video[data-embed-src] .embed-link');
  if (!link) { return; }
  event.preventDefault();
  var figure = link.closest('.embed-video');
  var frame = document.createElement('iframe');
  frame.src = figure.getAttribute('data-embed-src') + '?autoplay=1';
  frame.title = link.textContent;
  frame.allow = 'autoplay; fullscreen; picture-in-picture';
  frame.setAttribute('allowfullscreen', '');
  frame.className = 'embed-frame';
  link.replaceWith(frame);
  var note = figure.querySelector('.embed-note');
  if (note) { note.remove(); }
  frame.focus();
});
