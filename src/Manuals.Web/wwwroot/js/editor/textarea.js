// Applying edits to the textarea so that Ctrl+Z still works. document.execCommand('insertText') is deprecated but
// remains the only way to change a textarea's text through the browser's own undo stack; where it is missing or
// refused, setRangeText changes the text without undo.

function fallback(textarea, start, end, text) {
  textarea.setRangeText(text, start, end, 'preserve');
  textarea.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: text }));
}

function execInsert(textarea, start, end, text) {
  textarea.setSelectionRange(start, end);
  if (text === '' && start === end) {
    return true;
  }

  try {
    return text === '' ? document.execCommand('delete') : document.execCommand('insertText', false, text);
  } catch {
    return false;
  }
}

/** Applies an edit from markdown-edits.js at the caret the writer is working at, and shows its selection. */
export function applyEdit(textarea, edit) {
  textarea.focus();
  if (!execInsert(textarea, edit.start, edit.end, edit.text)) {
    fallback(textarea, edit.start, edit.end, edit.text);
  }

  textarea.setSelectionRange(edit.selectionStart, edit.selectionEnd);
}

/**
 * Replaces text somewhere else in the textarea (e.g. an upload placeholder finishing) without moving the writer's
 * caret or scroll position, and without taking the focus from another field.
 */
export function replaceElsewhere(textarea, start, end, text) {
  const delta = text.length - (end - start);
  const shift = (offset) => (offset >= end ? offset + delta : offset > start ? start + text.length : offset);
  const selectionStart = shift(textarea.selectionStart);
  const selectionEnd = shift(textarea.selectionEnd);
  const direction = textarea.selectionDirection;
  const scrollTop = textarea.scrollTop;
  if (document.activeElement !== textarea || !execInsert(textarea, start, end, text)) {
    fallback(textarea, start, end, text);
  }

  if (document.activeElement === textarea) {
    textarea.setSelectionRange(selectionStart, selectionEnd, direction);
  }

  textarea.scrollTop = scrollTop;
}
