// The toolbar above the textarea: a WAI-ARIA toolbar with one Tab stop; arrow keys, Home and End move between its
// buttons. Clicking a button leaves the caret in the textarea so the writer keeps typing where they were.

export function setUpToolbar(toolbar, run) {
  const buttons = [...toolbar.querySelectorAll('button[data-command]')];
  const focusAt = (index) => {
    const next = (index + buttons.length) % buttons.length;
    buttons.forEach((button, i) => { button.tabIndex = i === next ? 0 : -1; });
    buttons[next].focus();
  };

  buttons.forEach((button, i) => { button.tabIndex = i === 0 ? 0 : -1; });
  toolbar.addEventListener('keydown', (event) => {
    const index = buttons.indexOf(document.activeElement);
    if (index < 0) {
      return;
    }

    const moves = { ArrowRight: index + 1, ArrowDown: index + 1, ArrowLeft: index - 1, ArrowUp: index - 1, Home: 0, End: buttons.length - 1 };
    if (event.key in moves && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      focusAt(moves[event.key]);
    }
  });
  // Pressing a mouse button (or a finger) on a toolbar button would move the focus out of the textarea and close a
  // phone's keyboard; the click still happens.
  toolbar.addEventListener('mousedown', (event) => {
    if (event.target.closest('button[data-command]')) {
      event.preventDefault();
    }
  });
  toolbar.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-command]');
    if (button) {
      buttons.forEach((other) => { other.tabIndex = other === button ? 0 : -1; });
      run(button.dataset.command);
    }
  });
  toolbar.hidden = false;
}
