// One polite live region under the editor for what happened: upload progress and errors, draft restored, a step
// moved or deleted (with a button to undo it).

export function createStatus(element) {
  return {
    show(message, kind = 'info', action = null) {
      if (!element) {
        return;
      }

      element.textContent = message;
      element.classList.toggle('is-error', kind === 'error');
      if (action) {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'button editor-status__action';
        button.textContent = action.label;
        button.addEventListener('click', () => action.run(), { once: true });
        element.append(' ', button);
      }
    },
    clear() {
      if (element) {
        element.textContent = '';
        element.classList.remove('is-error');
      }
    },
  };
}
