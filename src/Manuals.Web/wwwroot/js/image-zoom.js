// Screenshots in a manual and in step mode open full screen when clicked, tapped or activated with Enter: the
// picture at its full size, zoomed with the wheel, a pinch, double-click/double-tap or + / − / 0, moved by dragging
// or the arrow keys, closed with Esc, the 閉じる button or the browser's Back. Without this script a screenshot is a
// plain picture, as before. The words come from the server in the page's language (Shared/_ImageZoom.cshtml).

const container = document.querySelector('[data-image-zoom]');
if (container) {
  const words = document.querySelector('[data-zoom-words]')?.dataset ?? {};
  const MIN = 1;
  const MAX = 8;
  let dialog = null;
  let picture = null;
  let opener = null;
  let view = { scale: 1, x: 0, y: 0 };
  const pointers = new Map();
  let pinch = null;
  let drag = null;

  const apply = () => {
    picture.parentElement.style.transform = `translate(${view.x}px, ${view.y}px) scale(${view.scale})`;
    dialog.querySelector('[data-zoom-level]').textContent = `${Math.round(view.scale * 100)}%`;
  };

  /** Zooms to <scale> keeping the point (px, py) of the stage where it is. */
  const zoomTo = (scale, px, py) => {
    const next = Math.min(MAX, Math.max(MIN, scale));
    const stage = dialog.querySelector('.image-zoom__stage').getBoundingClientRect();
    const cx = (px ?? stage.left + stage.width / 2) - stage.left - stage.width / 2;
    const cy = (py ?? stage.top + stage.height / 2) - stage.top - stage.height / 2;
    view = next === MIN
      ? { scale: MIN, x: 0, y: 0 }
      : { scale: next, x: cx - ((cx - view.x) * next) / view.scale, y: cy - ((cy - view.y) * next) / view.scale };
    apply();
  };

  const build = () => {
    const element = document.createElement('dialog');
    element.className = 'image-zoom';
    element.setAttribute('aria-label', words.zoomTitle);
    element.innerHTML = `
      <div class="image-zoom__bar">
        <span class="image-zoom__hint"></span>
        <span class="image-zoom__level" data-zoom-level aria-live="polite"></span>
        <button type="button" class="button" data-zoom-out>−</button>
        <button type="button" class="button" data-zoom-in>＋</button>
        <button type="button" class="button button--primary" data-zoom-close></button>
      </div>
      <div class="image-zoom__stage"><span class="image-zoom__frame annotated-image"><img alt="" draggable="false"></span></div>`;
    element.querySelector('.image-zoom__hint').textContent = words.zoomHint;
    element.querySelector('[data-zoom-out]').setAttribute('aria-label', words.zoomOut);
    element.querySelector('[data-zoom-in]').setAttribute('aria-label', words.zoomIn);
    element.querySelector('[data-zoom-close]').textContent = words.zoomClose;
    picture = element.querySelector('img');
    const stage = element.querySelector('.image-zoom__stage');

    element.querySelector('[data-zoom-close]').addEventListener('click', () => element.close());
    element.querySelector('[data-zoom-in]').addEventListener('click', () => zoomTo(view.scale * 1.5));
    element.querySelector('[data-zoom-out]').addEventListener('click', () => zoomTo(view.scale / 1.5));
    element.addEventListener('close', closed);
    // Keys inside the viewer belong to it: step mode's ←/→ must not turn the page behind.
    element.addEventListener('keydown', (event) => {
      event.stopPropagation();
      const moves = { ArrowLeft: [60, 0], ArrowRight: [-60, 0], ArrowUp: [0, 60], ArrowDown: [0, -60] };
      if (event.key === '+' || event.key === '=') {
        zoomTo(view.scale * 1.5);
      } else if (event.key === '-') {
        zoomTo(view.scale / 1.5);
      } else if (event.key === '0') {
        zoomTo(MIN);
      } else if (event.key in moves && view.scale > MIN) {
        view.x += moves[event.key][0];
        view.y += moves[event.key][1];
        apply();
      } else {
        return;
      }

      event.preventDefault();
    });
    stage.addEventListener('wheel', (event) => {
      event.preventDefault();
      zoomTo(view.scale * (event.deltaY < 0 ? 1.25 : 0.8), event.clientX, event.clientY);
    }, { passive: false });
    stage.addEventListener('dblclick', (event) => zoomTo(view.scale > MIN ? MIN : 2.5, event.clientX, event.clientY));
    stage.addEventListener('pointerdown', (event) => {
      stage.setPointerCapture(event.pointerId);
      pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
      if (pointers.size === 2) {
        const [a, b] = [...pointers.values()];
        pinch = { distance: Math.hypot(a.x - b.x, a.y - b.y), scale: view.scale };
        drag = null;
      } else {
        drag = { x: event.clientX - view.x, y: event.clientY - view.y };
      }
    });
    stage.addEventListener('pointermove', (event) => {
      if (!pointers.has(event.pointerId)) {
        return;
      }

      pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
      if (pinch && pointers.size === 2) {
        const [a, b] = [...pointers.values()];
        zoomTo((pinch.scale * Math.hypot(a.x - b.x, a.y - b.y)) / pinch.distance, (a.x + b.x) / 2, (a.y + b.y) / 2);
      } else if (drag && view.scale > MIN) {
        view.x = event.clientX - drag.x;
        view.y = event.clientY - drag.y;
        apply();
      }
    });
    const release = (event) => {
      pointers.delete(event.pointerId);
      if (pointers.size < 2) {
        pinch = null;
      }

      if (pointers.size === 0) {
        drag = null;
      }
    };
    stage.addEventListener('pointerup', release);
    stage.addEventListener('pointercancel', release);
    document.body.append(element);
    return element;
  };

  function closed() {
    pointers.clear();
    document.documentElement.classList.remove('is-zoomed');
    // Closed by Esc or 閉じる: the entry Back would have removed goes too.
    if (history.state?.imageZoom) {
      history.back();
    }

    opener?.focus();
  }

  const open = (image) => {
    dialog ??= build();
    opener = image.closest('button') ?? image;
    // The full picture, not the width the page chose for its column, with its marks when it has some.
    picture.src = image.getAttribute('src');
    picture.alt = image.alt;
    const marks = image.closest('.annotated-image')?.querySelector('.annotated-image__marks');
    const frame = dialog.querySelector('.image-zoom__frame');
    frame.querySelector('.annotated-image__marks')?.remove();
    if (marks) {
      frame.append(marks.cloneNode(true));
    }

    view = { scale: 1, x: 0, y: 0 };
    apply();
    dialog.showModal();
    document.documentElement.classList.add('is-zoomed');
    history.pushState({ imageZoom: true }, '');
    dialog.querySelector('[data-zoom-close]').focus();
  };

  window.addEventListener('popstate', () => {
    if (dialog?.open) {
      dialog.close();
    }
  });

  // A picture that is itself a link keeps working as the link.
  for (const image of [...container.querySelectorAll('img[src^="/images/"]')].filter((img) => !img.closest('a'))) {
    // A button around the picture (with its marks): reachable with Tab, activated with Enter or Space, named after it.
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'image-zoom__open';
    button.setAttribute('aria-label', (words.zoomOpen ?? '').replace('{0}', image.alt || ''));
    const shown = image.closest('.annotated-image') ?? image;
    shown.replaceWith(button);
    button.append(shown);
    button.addEventListener('click', () => open(image));
  }
}
