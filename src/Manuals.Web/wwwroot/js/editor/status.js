// One polite live region under the editor for what happened: upload progress and errors, draft restored.

export function createStatus(element) {
  return {
    show(message, kind = 'info') {
      if (!element) {
        return;
      }

      element.textContent = message;
      element.classList.toggle('is-error', kind === 'error');
    },
    clear() {
      if (element) {
        element.textContent = '';
        element.classList.remove('is-error');
      }
    },
  };
}
