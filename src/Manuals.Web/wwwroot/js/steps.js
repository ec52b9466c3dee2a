// Step-by-step mode: keyboard and swipe navigation on top of the plain 前へ/次へ links, which work without JavaScript.
// ← / PageUp go back, → / PageDown go on, Home / End jump to the first / last step. Keys are ignored while the reader
// types (inputs, IME composition) or holds a modifier (Alt+← is the browser's Back). After moving, focus lands on the
// step heading so screen readers announce the new step.

const FOCUS_FLAG = 'manuals.steps.focusHeading';
const SWIPE_MIN_PX = 60;

const mode = document.querySelector('[data-step-mode]');
if (mode) {
  const previous = mode.querySelector('a[rel=prev]');
  const next = mode.querySelector('a[rel=next]');
  const heading = document.getElementById('step-title');

  const rememberToFocus = () => {
    try {
      sessionStorage.setItem(FOCUS_FLAG, '1');
    } catch {
      // Storage can be unavailable (private mode, policies); navigation still works, focus just stays put.
    }
  };

  const go = (url) => {
    if (!url || url === window.location.pathname) {
      return;
    }
    rememberToFocus();
    window.location.assign(url);
  };

  const isTyping = (target) =>
    target instanceof Element &&
    (target.closest('input, textarea, select, [contenteditable=""], [contenteditable=true]') !== null);

  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.isComposing || event.keyCode === 229) {
      return;
    }
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || isTyping(event.target)) {
      return;
    }
    const targets = {
      ArrowLeft: previous?.getAttribute('href'),
      PageUp: previous?.getAttribute('href'),
      ArrowRight: next?.getAttribute('href'),
      PageDown: next?.getAttribute('href'),
      Home: mode.dataset.first,
      End: mode.dataset.last,
    };
    if (!(event.key in targets)) {
      return;
    }
    const url = targets[event.key];
    if (url) {
      event.preventDefault();
      go(url);
    }
  });

  for (const link of [previous, next]) {
    // The link itself navigates; only a plain click (not "open in new tab") should move focus on the next page.
    link?.addEventListener('click', (event) => {
      if (event.button === 0 && !event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
        rememberToFocus();
      }
    });
  }

  // A horizontal swipe anywhere on the step: right-to-left goes on, left-to-right goes back. Swipes that start in
  // something that scrolls sideways (a wide table or code block) or are mostly vertical are left alone.
  let start = null;
  mode.addEventListener('touchstart', (event) => {
    const touch = event.touches[0];
    const scrolls = event.target instanceof Element && event.target.closest('pre, table, input, textarea');
    start = event.touches.length === 1 && !scrolls ? { x: touch.clientX, y: touch.clientY } : null;
  }, { passive: true });
  mode.addEventListener('touchend', (event) => {
    if (!start) {
      return;
    }
    const touch = event.changedTouches[0];
    const dx = touch.clientX - start.x;
    const dy = touch.clientY - start.y;
    start = null;
    if (Math.abs(dx) >= SWIPE_MIN_PX && Math.abs(dx) > 1.5 * Math.abs(dy)) {
      go((dx < 0 ? next : previous)?.getAttribute('href'));
    }
  }, { passive: true });
  mode.addEventListener('touchcancel', () => { start = null; }, { passive: true });

  let arrivedByStepping = false;
  try {
    arrivedByStepping = sessionStorage.getItem(FOCUS_FLAG) === '1';
    sessionStorage.removeItem(FOCUS_FLAG);
  } catch {
    // See above.
  }
  if (arrivedByStepping && heading) {
    heading.focus();
  }
}
