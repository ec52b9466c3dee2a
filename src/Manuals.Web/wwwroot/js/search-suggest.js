// Suggestions under the header search box (ARIA 1.2 combobox with a listbox popup).
// Without JavaScript the box is a plain GET form to /search; with it, typing asks /search/suggest (debounced) and
// offers manual titles and business tasks. ↑/↓ move, Enter opens the chosen suggestion (or searches when none is
// chosen), Escape closes the list. Nothing happens while an IME is composing (Japanese input): the keys belong to
// the IME until the text is committed.

const DEBOUNCE_MS = 200;

const form = document.querySelector('form.site-search[data-suggest]');
if (form) {
  setUp(form);
}

function setUp(form) {
  const input = form.querySelector('input[name="q"]');
  const list = form.querySelector('[role="listbox"]');
  const status = form.querySelector('.site-search__status');
  if (!input || !list) {
    return;
  }

  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', list.id);
  input.setAttribute('autocomplete', 'off');

  let items = [];
  let active = -1;
  let timer = 0;
  let request = 0;
  let controller = null;
  let composing = false;
  let lastAsked = null;

  const isOpen = () => !list.hidden;

  function close() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function setActive(index) {
    const options = list.querySelectorAll('[role="option"]');
    options.forEach((option, i) => option.setAttribute('aria-selected', i === index ? 'true' : 'false'));
    active = index;
    if (index >= 0 && options[index]) {
      input.setAttribute('aria-activedescendant', options[index].id);
      options[index].scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function render(suggestions) {
    items = suggestions;
    list.replaceChildren();
    suggestions.forEach((item, i) => {
      const option = document.createElement('li');
      option.id = `site-search-option-${i}`;
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', 'false');
      option.className = 'site-search__option';
      const kind = document.createElement('span');
      kind.className = `site-search__kind site-search__kind--${item.kind}`;
      kind.textContent = item.kind === 'task' ? form.dataset.kindTask : form.dataset.kindManual;
      const text = document.createElement('span');
      text.className = 'site-search__text';
      text.textContent = item.text;
      option.append(kind, text);
      option.addEventListener('click', () => go(item));
      list.append(option);
    });
    active = -1;
    input.removeAttribute('aria-activedescendant');
    if (suggestions.length > 0) {
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    } else {
      close();
    }
    if (status) {
      status.textContent = suggestions.length > 0
        ? form.dataset.count.replace('{0}', String(suggestions.length))
        : form.dataset.none;
    }
  }

  function go(item) {
    close();
    window.location.assign(item.url);
  }

  async function ask() {
    const text = input.value.trim();
    if (text === lastAsked) {
      if (items.length > 0 && !isOpen()) {
        render(items);
      }
      return;
    }
    lastAsked = text;
    if (text === '') {
      items = [];
      close();
      return;
    }
    const mine = ++request;
    controller?.abort();
    controller = new AbortController();
    try {
      const response = await fetch(`${form.dataset.suggest}?q=${encodeURIComponent(text)}`, {
        headers: { Accept: 'application/json' },
        credentials: 'same-origin',
        signal: controller.signal,
      });
      if (!response.ok || mine !== request) {
        return;
      }
      const suggestions = await response.json();
      if (mine === request && document.activeElement === input) {
        render(Array.isArray(suggestions) ? suggestions : []);
      }
    } catch (error) {
      if (error.name !== 'AbortError') {
        close();
      }
    }
  }

  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(ask, DEBOUNCE_MS);
  }

  input.addEventListener('compositionstart', () => {
    composing = true;
  });
  input.addEventListener('compositionend', () => {
    composing = false;
    schedule();
  });
  input.addEventListener('input', (event) => {
    if (event.isComposing || composing) {
      return;
    }
    schedule();
  });

  input.addEventListener('keydown', (event) => {
    // During IME composition Enter commits the conversion and arrows choose a candidate: never act on them.
    if (event.isComposing || composing || event.keyCode === 229) {
      return;
    }
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!isOpen()) {
          lastAsked = null;
          ask();
        } else if (items.length > 0) {
          setActive((active + 1) % items.length);
        }
        break;
      case 'ArrowUp':
        if (isOpen() && items.length > 0) {
          event.preventDefault();
          setActive(active <= 0 ? items.length - 1 : active - 1);
        }
        break;
      case 'Enter':
        if (isOpen() && active >= 0) {
          event.preventDefault();
          go(items[active]);
        }
        break;
      case 'Escape':
        if (isOpen()) {
          event.preventDefault();
          close();
        }
        break;
      default:
        break;
    }
  });

  // Keep the focus in the box when an option is pressed, so the click lands before the blur closes the list.
  list.addEventListener('mousedown', (event) => event.preventDefault());
  input.addEventListener('blur', close);
  form.addEventListener('submit', () => {
    window.clearTimeout(timer);
    close();
  });
}
