// The meeting room follows the live stream: when anyone moves the room on, on any of the hub's servers, every open
// page shows the new step, its prompt, the timer (paused or running) and the speaking order within a second, without reloading. Without
// this script the page looks again by itself every few seconds (a <noscript> refresh) and the same forms still work.
(function () {
  'use strict';
  var live = document.getElementById('room-live');
  if (!live || !window.EventSource) {
    return;
  }
  var $ = function (id) { return document.getElementById(id); };
  var timer = $('room-timer');
  var endsAt = null;
  var pausedLeft = null; // while the timer is paused: the milliseconds that were left, which stay as they are
  var offset = 0; // the server's clock minus this device's, so everyone counts down the same minutes

  function show(id, visible) {
    var element = $(id);
    if (element) {
      element.hidden = !visible;
    }
  }

  function tick() {
    if (endsAt === null) {
      timer.textContent = '';
      return;
    }
    var left = Math.round((pausedLeft !== null ? pausedLeft : endsAt - (Date.now() + offset)) / 1000);
    var over = left < 0;
    var seconds = Math.abs(left);
    var text = Math.floor(seconds / 60) + ':' + String(seconds % 60).padStart(2, '0');
    // The words come from the page, in its language: "{0} left", "{0} over".
    timer.textContent = (live.getAttribute(over ? 'data-time-over' : 'data-time-left') || '{0}').replace('{0}', text);
    timer.classList.toggle('over', over);
  }

  function apply(state) {
    live.setAttribute('data-version', String(state.version));
    $('room-label').textContent = state.label;
    $('room-title').textContent = state.title;
    $('room-summary').textContent = state.summary;
    $('room-prompt').textContent = state.prompt;
    show('room-prompt', state.prompt !== '');
    var order = $('room-order');
    order.replaceChildren.apply(order, state.order.map(function (name) {
      var item = document.createElement('li');
      item.textContent = name;
      return item;
    }));
    var running = state.step >= 0 && state.step < state.steps;
    show('room-order-box', running);
    show('room-timer-line', running);
    show('room-last-commitments', state.slug === 'check-in');
    show('room-case', state.slug === 'case-clinic');
    show('room-board', state.slug === 'board-review');
    var over = state.step >= state.steps;
    show('room-moves', state.mayMove && !over);
    show('room-who-moves', !over);
    $('room-version').value = String(state.version);
    $('room-next').value = String(state.step + 1);
    $('room-next').textContent = state.next;
    $('room-back').value = String(state.step - 1);
    show('room-back', state.step >= 0);
    document.querySelectorAll('#room-plan li').forEach(function (item, index) {
      if (index === state.step) {
        item.setAttribute('aria-current', 'step');
      } else {
        item.removeAttribute('aria-current');
      }
    });
    show('room-pause', running && !state.paused);
    show('room-resume', running && state.paused);
    $('room-paused').textContent = running && state.paused ? live.getAttribute('data-paused-word') : '';
    offset = state.now - Date.now();
    endsAt = state.endsAt;
    pausedLeft = state.paused ? state.left : null;
    $('room-ends').textContent = '';
    tick();
  }

  var source = new EventSource(live.getAttribute('data-events'));
  source.addEventListener('state', function (event) {
    apply(JSON.parse(event.data));
  });
  if (timer.getAttribute('data-ends-at')) {
    endsAt = Number(timer.getAttribute('data-ends-at'));
    offset = Number(timer.getAttribute('data-now')) - Date.now();
    if (timer.getAttribute('data-left')) {
      pausedLeft = Number(timer.getAttribute('data-left'));
    }
  }
  tick();
  setInterval(tick, 1000);
})();
