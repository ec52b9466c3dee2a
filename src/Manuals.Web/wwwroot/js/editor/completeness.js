// Keeps the 記入状況 checklist above the editor in step with the text and the chosen template: after each live
// preview, and when another template is chosen, the server (POST /templates/completeness) renders the checklist again.
export function setUpCompleteness({ form, textarea, select, url, token }) {
  let inFlight = null;

  async function refresh() {
    inFlight?.abort();
    const request = new AbortController();
    inFlight = request;
    const data = new FormData();
    data.append('template', select?.value ?? '');
    data.append('body', textarea.value);
    try {
      const response = await fetch(url, {
        method: 'POST',
        body: data,
        headers: { RequestVerificationToken: token },
        credentials: 'same-origin',
        signal: request.signal,
      });
      if (!response.ok) {
        return; // The last checklist stays; the server checks again when the manual is saved.
      }

      // Our own server's Razor output (escaped), not user HTML.
      const holder = document.createElement('template');
      holder.innerHTML = (await response.text()).trim();
      const next = holder.content.querySelector('.completeness');
      const current = document.querySelector('.completeness');
      if (current && next) {
        current.replaceWith(next);
      } else if (current) {
        current.remove();
      } else if (next) {
        form.before(next);
      }
    } catch {
      // Aborted by a newer check, or offline: the last checklist stays until the next one.
    } finally {
      if (inFlight === request) {
        inFlight = null;
      }
    }
  }

  select?.addEventListener('change', refresh);
  return { refresh };
}
