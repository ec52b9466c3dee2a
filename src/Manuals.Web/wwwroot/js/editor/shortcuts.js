// Keyboard shortcuts (listed under the editor). They never fire while an IME is composing: in Japanese input, keys
// pressed during composition (Enter to confirm a conversion, Ctrl+… in some IMEs) belong to the IME.
import { isComposing } from './composition.js';
import { isMac } from './strings.js';

/** The letter of a key press, even when a kana layout reports a kana as event.key. */
function letterOf(event) {
  if (/^[a-z]$/i.test(event.key)) {
    return event.key.toLowerCase();
  }

  return event.code?.startsWith('Key') ? event.code.slice(3).toLowerCase() : '';
}

/**
 * `save` works anywhere on the page; `commands` (bold, link, step, checklist, heading) only in the textarea —
 * `textarea` is the element, or a test for the step editor's many fields; `run` gets the command and the field.
 * Digits are read from event.code: Shift+7 is "&" on a US keyboard and "'" on a Japanese one.
 */
export function setUpShortcuts({ form, textarea, save, run }) {
  const inField = typeof textarea === 'function' ? textarea : (target) => target === textarea;
  // Enter that confirms a conversion in a one-line field must not submit the form. Browsers normally swallow it
  // (keyCode 229), but some IMEs deliver a plain Enter while still composing.
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && event.target instanceof HTMLInputElement && isComposing(event)) {
      event.preventDefault();
    }
  }, true);

  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || isComposing(event)) {
      return;
    }

    const mod = isMac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
    if (!mod) {
      return;
    }

    const { shiftKey: shift, altKey: alt } = event;
    const letter = letterOf(event);
    let action = null;
    if (!shift && !alt && letter === 's') {
      action = save;
    } else if (inField(event.target)) {
      const field = event.target;
      if (!shift && !alt && letter === 'b') {
        action = () => run('bold', field);
      } else if (!shift && !alt && letter === 'k') {
        action = () => run('link', field);
      } else if (shift && !alt && event.code === 'Digit7') {
        action = () => run('step', field);
      } else if (shift && !alt && event.code === 'Digit8') {
        action = () => run('checklist', field);
      } else if (alt && !shift && event.code === 'Digit2') {
        action = () => run('heading', field);
      }
    }

    if (action) {
      event.preventDefault();
      action();
    }
  });
}
