// Tells the hub which time zone this device is in, so times are shown in it before anyone sets one
// (a cookie the server reads; nothing else is stored), and makes zone fields quicker to fill:
// a field marked data-zone-fill starts with this zone, and every zone field offers it with one click.
// Without this script, the person picks their zone from the field's list.
(function () {
  var zone;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (e) {
    return;
  }
  if (!zone || !/^[A-Za-z0-9_+\-\/]+$/.test(zone)) {
    return;
  }
  var name = 'hub-browser-zone=';
  var current = document.cookie.split('; ').filter(function (c) { return c.indexOf(name) === 0; })[0];
  if (!current || current.slice(name.length) !== zone) {
    document.cookie = name + zone + '; path=/; max-age=31536000; samesite=lax' + (location.protocol === 'https:' ? '; secure' : '');
  }
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('input[data-zone-field]').forEach(function (input) {
      if (input.value === '' && input.getAttribute('data-zone-fill') === 'browser') {
        input.value = zone;
      }
      if (input.value === zone) {
        return;
      }
      var use = document.createElement('button');
      use.type = 'button';
      use.className = 'link-button zone-use';
      // The words come from the page, in its language; "{0}" is where the zone goes.
      use.textContent = (input.getAttribute('data-zone-use') || 'Use this device’s zone, {0}').replace('{0}', zone);
      use.addEventListener('click', function () {
        input.value = zone;
        input.focus();
        use.remove();
      });
      var hint = document.getElementById(input.id + '-hint');
      (hint || input).insertAdjacentElement('afterend', use);
    });
  });
})();
