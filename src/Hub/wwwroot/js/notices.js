// The header's count of unread notices follows the person's live stream: a notice that arrives, on any of the hub's
// servers, shows in the count within a second, and notices read in another window lower it. Without this script
// the count is the one the page was rendered with, as before.
// The stream stays open only while the page is in view: a browser allows few open connections to one site over
// HTTP/1.1, and tabs in the background would use them up. A page coming back into view opens it again and is sent
// the count at once.
(function () {
  'use strict';
  var link = document.querySelector('[data-unread-events]');
  if (!link || !window.EventSource) {
    return;
  }
  var hosts = document.querySelectorAll('[data-unread-label]');
  var source = null;

  function show(count) {
    hosts.forEach(function (host) {
      var badge = host.querySelector(':scope > .count');
      if (count <= 0) {
        if (badge) {
          badge.remove();
        }
        return;
      }
      if (!badge) {
        badge = document.createElement('span');
        badge.className = 'count';
        var label = document.createElement('span');
        label.className = 'visually-hidden';
        label.textContent = ' ' + host.getAttribute('data-unread-label');
        badge.append(document.createTextNode(''), label);
        host.append(badge);
      }
      badge.firstChild.nodeValue = String(count);
    });
  }

  function open() {
    if (source) {
      return;
    }
    source = new EventSource(link.getAttribute('data-unread-events'));
    source.addEventListener('unread', function (event) {
      var count = parseInt(event.data, 10);
      if (!isNaN(count)) {
        show(count);
      }
    });
  }

  function close() {
    if (source) {
      source.close();
      source = null;
    }
  }

  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'visible') {
      open();
    } else {
      close();
    }
  });
  if (document.visibilityState === 'visible') {
    open();
  }
})();
