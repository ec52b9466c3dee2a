// 「リンク」 in a formatted field: a small dialog asks where the link goes. Resolves to the address, '' to take the
// link off, or null when the writer cancels (Esc, キャンセル).

let dialog = null;

function build(strings) {
  const element = document.createElement('dialog');
  element.className = 'link-dialog';
  element.setAttribute('aria-labelledby', 'link-dialog-title');
  element.innerHTML = `
    <form method="dialog">
      <h2 id="link-dialog-title"></h2>
      <div class="field">
        <label for="link-dialog-url"></label>
        <input id="link-dialog-url" name="url" type="text" inputmode="url" autocomplete="off" spellcheck="false">
        <p class="help" id="link-dialog-hint"></p>
        <p class="field-error" role="alert" data-error></p>
      </div>
      <div class="actions">
        <button type="submit" value="apply" class="button button--primary" data-apply></button>
        <button type="submit" value="remove" class="button" data-remove></button>
        <button type="submit" value="cancel" class="button" data-cancel></button>
      </div>
    </form>`;
  element.querySelector('h2').textContent = strings.linkTitle;
  element.querySelector('label').textContent = strings.linkUrl;
  element.querySelector('.help').textContent = strings.linkHint;
  element.querySelector('input').setAttribute('aria-describedby', 'link-dialog-hint');
  element.querySelector('[data-apply]').textContent = strings.linkApply;
  element.querySelector('[data-remove]').textContent = strings.linkRemove;
  element.querySelector('[data-cancel]').textContent = strings.cancel;
  // Only addresses the pages keep as links: https://…, http://…, mailto:… and this site's /….
  element.querySelector('form').addEventListener('submit', (event) => {
    const address = element.querySelector('input').value.trim();
    if (event.submitter?.value === 'apply' && address !== '' && address !== 'https://' && !/^(https?:\/\/[^\s/]|mailto:|\/(?!\/))/i.test(address)) {
      event.preventDefault();
      element.querySelector('[data-error]').textContent = strings.linkInvalid;
    }
  });
  document.body.append(element);
  return element;
}

const decodeSafely = (address) => {
  try {
    return decodeURI(address);
  } catch {
    return address;
  }
};

/** Asks for a link address, showing <current> (the link under the caret) when there is one. */
export function askLink(strings, current) {
  dialog ??= build(strings);
  const input = dialog.querySelector('input');
  input.value = current || 'https://';
  dialog.querySelector('[data-remove]').hidden = !current;
  dialog.returnValue = 'cancel';
  dialog.querySelector('[data-error]').textContent = '';
  dialog.showModal();
  input.select();
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      const address = input.value.trim();
      if (dialog.returnValue === 'remove') {
        resolve('');
      } else if (dialog.returnValue === 'apply' && address !== '' && address !== 'https://') {
        // Spaces and other characters a Markdown link cannot hold are encoded; the server keeps only http(s), mailto
        // and this site's addresses.
        resolve(encodeURI(decodeSafely(address)).replace(/[()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`));
      } else {
        resolve(null);
      }
    }, { once: true });
  });
}
