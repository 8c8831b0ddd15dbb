// Shows the people a person field can pick as buttons with their photos (where they allow it) while
// one types a name, asking /people/pick (fellow members only). Without this script the field's
// datalist offers the same people; an email address can always be typed for anyone outside the hub.
(function () {
  function enhance(input) {
    input.removeAttribute('list'); // one list at a time: these buttons, not the browser's datalist too
    var asked = 0;
    var box = document.createElement('div');
    box.className = 'person-suggestions';
    var status = document.createElement('p');
    status.className = 'visually-hidden';
    status.setAttribute('aria-live', 'polite');
    var found = document.createElement('ul');
    box.appendChild(status);
    box.appendChild(found);
    input.insertAdjacentElement('afterend', box);

    function ask() {
      var words = input.value.trim();
      var mine = ++asked;
      if (words === '' || words.indexOf('@') >= 0 || / \(#[^)]*\)$/.test(words)) {
        found.replaceChildren();
        status.textContent = '';
        return;
      }
      fetch('/people/pick?q=' + encodeURIComponent(words), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (people) {
          if (mine === asked) {
            show(people.slice(0, 6));
          }
        })
        .catch(function () { /* the field still takes a name or an address as typed */ });
    }

    function show(matches) {
      found.replaceChildren();
      status.textContent = matches.length === 0 ? 'No one in your congregations by that name; you can type an email address.'
        : matches.length + (matches.length === 1 ? ' person' : ' people') + ' found.';
      matches.forEach(function (p) {
        var item = document.createElement('li');
        var pick = document.createElement('button');
        pick.type = 'button';
        pick.className = 'person-pick';
        if (p.photo) {
          var img = document.createElement('img');
          img.src = p.photo;
          img.alt = '';
          img.width = 32;
          img.height = 32;
          pick.appendChild(img);
        } else {
          var initial = document.createElement('span');
          initial.className = 'person-initial';
          initial.setAttribute('aria-hidden', 'true');
          initial.textContent = p.name.charAt(0).toUpperCase();
          pick.appendChild(initial);
        }
        var label = document.createElement('span');
        label.textContent = p.name;
        pick.appendChild(label);
        if (p.congregations) {
          var where = document.createElement('span');
          where.className = 'muted';
          where.textContent = ' · ' + p.congregations;
          label.appendChild(where);
        }
        pick.addEventListener('click', function () {
          var many = document.getElementById(input.getAttribute('data-person-append') || '');
          found.replaceChildren();
          if (many) {
            many.value = (many.value.trim() === '' ? '' : many.value.replace(/\s*$/, '') + '\n') + p.value;
            input.value = '';
            status.textContent = p.name + ' added to the list.';
          } else {
            input.value = p.value;
            status.textContent = p.name + ' chosen.';
          }
          input.focus();
        });
        item.appendChild(pick);
        found.appendChild(item);
      });
    }
    var timer;
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(ask, 150);
    });
  }
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('input[data-person-field]').forEach(enhance);
  });
})();
