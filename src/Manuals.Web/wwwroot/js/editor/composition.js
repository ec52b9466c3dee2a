// Japanese is typed through an IME: while a word is being composed, keys such as Enter, Space and even Ctrl+S
// belong to the IME. Shortcuts and text replacements wait until composition has ended. Browsers disagree on the
// order of events (Safari ends composition before the committing keydown), so three signals are combined.

let composing = false;

document.addEventListener('compositionstart', () => { composing = true; }, true);
document.addEventListener('compositionend', () => { composing = false; }, true);
// A composition abandoned by switching windows must not leave the shortcuts switched off.
window.addEventListener('blur', () => { composing = false; });

/** True while the IME owns the keyboard, for this key event. */
export function isComposing(event) {
  return composing || event?.isComposing === true || event?.keyCode === 229;
}

/** Resolves once no composition is in progress (at once when none is). */
export function afterComposition() {
  if (!composing) {
    return Promise.resolve();
  }

  return new Promise((resolve) => {
    // The IME's last input event comes with compositionend; let it land before changing the text.
    document.addEventListener('compositionend', () => setTimeout(resolve, 0), { once: true, capture: true });
  });
}
