// Where unsaved text lives: localStorage, one entry per user and manual ("manuals.draft.<user>.<manual id|new>"),
// holding the form's fields, the revision the writer started from and when it was written. sessionStorage holds a
// one-page marker while a save is under way, so the manual page that follows a successful save can drop the draft.

const PREFIX = 'manuals.draft.';
const PENDING = 'manuals.draft.pending';
const KEEP_DAYS = 60;
// The manual page must follow the save's submit promptly; an old marker is never trusted.
const PENDING_MAX_AGE_MS = 10 * 60 * 1000;

export const storageKey = (draftKey) => PREFIX + draftKey;

export function readDraft(key) {
  try {
    const draft = JSON.parse(localStorage.getItem(key) ?? 'null');
    return draft && Array.isArray(draft.fields) && typeof draft.savedAt === 'number' ? draft : null;
  } catch {
    return null;
  }
}

/** Stores the draft; false when the browser refuses (storage full, private mode). */
export function writeDraft(key, draft) {
  try {
    localStorage.setItem(key, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function removeDraft(key) {
  try {
    localStorage.removeItem(key);
  } catch {
    // Storage switched off: there is nothing to remove.
  }
}

/** Drops drafts nobody came back to, so old text does not fill the browser's storage. */
export function pruneOldDrafts(now = Date.now()) {
  try {
    for (const key of Object.keys(localStorage)) {
      if (key.startsWith(PREFIX) && key !== PENDING) {
        const draft = readDraft(key);
        if (!draft || now - draft.savedAt > KEEP_DAYS * 24 * 60 * 60 * 1000) {
          localStorage.removeItem(key);
        }
      }
    }
  } catch {
    // Storage switched off.
  }
}

/** Marks that this tab is submitting a save of `key`; the next page decides whether it succeeded. */
export function markSaveSubmitted(key, manualId, baseRevision) {
  try {
    sessionStorage.setItem(PENDING, JSON.stringify({ key, manualId, baseRevision, formPath: location.pathname, at: Date.now() }));
  } catch {
    // Without sessionStorage the draft stays and is offered again only if it differs from the saved text.
  }
}

/** The save marker of this tab, removed as it is read: only the page right after the submit may use it. */
export function takeSaveMarker() {
  try {
    const marker = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null');
    sessionStorage.removeItem(PENDING);
    return marker && Date.now() - marker.at <= PENDING_MAX_AGE_MS ? marker : null;
  } catch {
    return null;
  }
}
