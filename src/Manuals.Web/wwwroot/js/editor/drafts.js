// Autosave and the leave warning. Every change to the form is kept in this browser (draft-store.js) shortly after
// typing stops and at once when the tab is hidden or closed; when the editor opens and a kept draft differs from the
// text the server sent, a banner offers to restore or discard it. The draft is dropped only after a save really
// succeeded (saved.js, on the manual page), never when the form is submitted.
import {
  markSaveSubmitted, pruneOldDrafts, readDraft, removeDraft, storageKey, takeSaveMarker, writeDraft,
} from './draft-store.js';
import { format } from './strings.js';

// The token is per page, and the revision the writer started from is stored beside the fields.
const NOT_KEPT = new Set(['__RequestVerificationToken', 'BaseRevision']);

const kept = (element) =>
  element.name && !NOT_KEPT.has(element.name) && !element.disabled
  && !['submit', 'button', 'reset', 'file', 'image'].includes(element.type);

/** The form's fields as [name, value] pairs in form order; fields added to the form later are kept as well. */
export function readFields(form) {
  const fields = [];
  for (const element of form.elements) {
    if (!kept(element)) {
      continue;
    }

    if (element.type === 'checkbox' || element.type === 'radio') {
      if (element.checked) {
        fields.push([element.name, element.value]);
      }
    } else if (element.tagName === 'SELECT' && element.multiple) {
      for (const option of element.selectedOptions) {
        fields.push([element.name, option.value]);
      }
    } else {
      fields.push([element.name, element.value]);
    }
  }

  return fields;
}

function writeFields(form, fields) {
  const values = new Map();
  for (const [name, value] of fields) {
    values.set(name, [...(values.get(name) ?? []), value]);
  }

  const names = new Set(values.keys());
  for (const element of form.elements) {
    if (!kept(element) || !names.has(element.name)) {
      continue;
    }

    const mine = values.get(element.name);
    if (element.type === 'checkbox' || element.type === 'radio') {
      element.checked = mine.includes(element.value);
    } else if (element.tagName === 'SELECT' && element.multiple) {
      for (const option of element.options) {
        option.selected = mine.includes(option.value);
      }
    } else {
      element.value = mine.length > 1 ? mine.shift() : mine[0];
    }

    element.dispatchEvent(new Event('input', { bubbles: true }));
    element.dispatchEvent(new Event('change', { bubbles: true }));
  }
}

const pad = (n) => String(n).padStart(2, '0');

/** YYYY/MM/DD HH:mm in the browser's time zone. */
export function formatTime(milliseconds) {
  const t = new Date(milliseconds);
  return `${t.getFullYear()}/${pad(t.getMonth() + 1)}/${pad(t.getDate())} ${pad(t.getHours())}:${pad(t.getMinutes())}`;
}

export function setUpDrafts({ form, banner, strings, status, focusAfterRestore, beforeRestore, afterRestore, delay = 500 }) {
  const key = storageKey(form.dataset.draftKey);
  const baseRevision = form.elements.namedItem('BaseRevision');
  // After a preview or a refused save the form shows text the server has not saved: all of it counts as unsaved.
  const serverText = form.dataset.unsaved === 'true' ? null : JSON.stringify(readFields(form));
  let timer = 0;
  let submitting = false;
  let refusedShown = false;

  // Reaching the form again means the last save (if any) was refused or conflicted: its draft stays.
  takeSaveMarker();
  pruneOldDrafts();

  const changed = () => serverText === null || JSON.stringify(readFields(form)) !== serverText;

  function store() {
    clearTimeout(timer);
    timer = 0;
    if (!changed()) {
      // Back to the server's text: nothing to keep, unless an older draft still waits for the writer's decision.
      if (banner.hidden) {
        removeDraft(key);
      }

      return;
    }

    const ok = writeDraft(key, { savedAt: Date.now(), baseRevision: baseRevision?.value ?? '', fields: readFields(form) });
    if (!ok && !refusedShown) {
      status.show(strings.draftNotStored, 'error');
    }

    refusedShown = !ok;
  }

  const flush = () => {
    if (timer) {
      store();
    }
  };

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(store, delay);
  };

  form.addEventListener('input', schedule);
  form.addEventListener('change', schedule);
  // A closed tab, a crash of the browser or a phone switching apps: keep what was typed up to now.
  window.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') {
      flush();
    }
  });

  form.addEventListener('submit', (event) => {
    submitting = true;
    flush();
    const intent = event.submitter?.value ?? 'save';
    if (intent === 'save') {
      markSaveSubmitted(key, form.dataset.manualId, baseRevision?.value ?? '');
    }
  });
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) {
      submitting = false;
    }
  });
  window.addEventListener('beforeunload', (event) => {
    if (!submitting && changed()) {
      event.preventDefault();
      // Older browsers show the dialog only when returnValue is set.
      event.returnValue = '';
    }
  });

  const draft = readDraft(key);
  if (serverText === null) {
    // The text on the page is newer than any kept draft: keep it at once, in case the tab is closed now.
    store();
    return;
  }

  if (!draft) {
    return;
  }

  if (JSON.stringify(draft.fields) === serverText) {
    // The kept text is what the server has: it was saved, nothing to offer.
    removeDraft(key);
    return;
  }

  const text = banner.querySelector('#draft-banner-text');
  text.textContent = format(strings.draftFound, formatTime(draft.savedAt));
  banner.querySelector('.draft-banner__older').hidden = !(baseRevision && draft.baseRevision !== baseRevision.value);
  const close = (message) => {
    banner.hidden = true;
    status.show(message);
  };
  banner.querySelector('[data-draft-action=restore]').addEventListener('click', () => {
    // The step editor makes room for the kept cards first, and shows their screenshots after; a draft it cannot lay
    // out on this page it sends to the server instead, which lays it out (beforeRestore answers false).
    if (beforeRestore?.(draft.fields, draft) === false) {
      return;
    }

    writeFields(form, draft.fields);
    afterRestore?.(draft.fields);
    if (baseRevision && draft.baseRevision !== '') {
      // Saving text written on an older revision goes through the server's conflict page, which shows the differences.
      baseRevision.value = draft.baseRevision;
    }

    store();
    close(strings.draftRestored);
    focusAfterRestore();
  });
  banner.querySelector('[data-draft-action=discard]').addEventListener('click', () => {
    removeDraft(key);
    // Text typed since the page opened is a new draft of its own.
    store();
    close(strings.draftDiscarded);
    focusAfterRestore();
  });
  banner.hidden = false;
}
