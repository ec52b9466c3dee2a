// On a manual page: when this tab has just saved the manual from the editor (a save marker, the editor as the
// previous page, and a revision newer than the one the editor started from), the autosaved draft is no longer
// needed. A refused save never reaches this page (the form comes back instead), so the draft is only dropped here.
import { removeDraft, takeSaveMarker } from './draft-store.js';

const page = document.querySelector('script[data-manual-revision]');
const marker = takeSaveMarker();
if (page && marker) {
  const manualId = page.dataset.manualId;
  const revision = Number(page.dataset.manualRevision);
  const cameFrom = document.referrer ? new URL(document.referrer).pathname : marker.formPath;
  const saved = marker.manualId === 'new' ? revision === 1 : marker.manualId === manualId && revision > Number(marker.baseRevision);
  if (saved && cameFrom === marker.formPath) {
    removeDraft(marker.key);
  }
}
