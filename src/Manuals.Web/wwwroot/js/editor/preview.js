// Live preview beside the textarea, rendered by the server (POST /manuals/preview) with the same Markdown pipeline
// as the manual page, so what the writer sees is what readers get. Updates 400 ms after typing stops; a newer
// request aborts the older one; a failure leaves the last preview in place with a short message.
import { readJson } from './strings.js';

export function setUpLivePreview({ pane, textarea, url, token, strings, delay = 400, onRendered = () => {} }) {
  const body = pane.querySelector('[data-preview-body]');
  const state = pane.querySelector('[data-preview-state]');
  let timer = 0;
  let inFlight = null;
  let shown = null;

  const showState = (text, isError = false) => {
    state.textContent = text;
    state.classList.toggle('is-error', isError);
  };

  async function refresh() {
    clearTimeout(timer);
    const markdown = textarea.value;
    if (markdown === shown) {
      showState('');
      return;
    }

    inFlight?.abort();
    const request = new AbortController();
    inFlight = request;
    pane.setAttribute('aria-busy', 'true');
    showState(strings.previewUpdating);
    try {
      const form = new FormData();
      form.append('markdown', markdown);
      const response = await fetch(url, {
        method: 'POST',
        body: form,
        headers: { RequestVerificationToken: token, Accept: 'application/json' },
        credentials: 'same-origin',
        signal: request.signal,
      });
      const json = await readJson(response);
      if (!response.ok || typeof json?.html !== 'string') {
        showState(json?.error ?? strings.previewFailed, true);
        return;
      }

      if (json.html.trim() === '') {
        body.replaceChildren(Object.assign(document.createElement('p'), { className: 'muted', textContent: strings.previewEmpty }));
      } else {
        // The server's renderer escapes raw HTML and filters link and image URLs; this is its sanitised output.
        body.innerHTML = json.html;
      }

      shown = markdown;
      showState(textarea.value === markdown ? '' : strings.previewUpdating);
      onRendered();
    } catch (error) {
      if (error.name !== 'AbortError') {
        showState(strings.previewFailed, true);
      }
    } finally {
      if (inFlight === request) {
        inFlight = null;
        pane.removeAttribute('aria-busy');
      }
    }
  }

  textarea.addEventListener('input', () => {
    clearTimeout(timer);
    if (textarea.value !== shown) {
      showState(strings.previewUpdating);
    }

    timer = setTimeout(refresh, delay);
  });
  pane.hidden = false;
  refresh();
  return { refresh };
}
