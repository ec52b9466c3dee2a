// Manual page printing: shows the 印刷 button (hidden without JavaScript, where the browser's own Print works) and
// puts the server-rendered print footer (title, revision, print date) into the CSS page-margin box, so it repeats at
// the foot of every printed page. CSP forbids inline styles; a custom property set through the CSSOM is allowed.

const footer = document.querySelector('[data-print-footer]');
const button = document.querySelector('[data-print-button]');

// The page chose each screenshot's width for the screen (srcset); paper gets the full picture. The 印刷 button and
// ?print=1 load it and wait until it is ready; the browser's own Print (Ctrl+P) cannot wait and prints what is shown.
const atFullSize = (img) =>
  new Promise((resolve) => {
    // Sized as the picture itself (its width attribute), the browser takes the picture: srcset's widest candidate. Removing
    // srcset instead would keep Chromium's density for the old candidate and print the picture small.
    img.sizes = `${img.getAttribute('width') ?? 1920}px`;
    const ready = () => img.decode().catch(() => {}).then(resolve);
    if (img.complete && img.currentSrc === img.src) {
      ready();
    } else {
      img.addEventListener('load', ready, { once: true });
      img.addEventListener('error', resolve, { once: true });
    }
  });

const printAtFullSize = async () => {
  await Promise.all([...document.querySelectorAll('img[srcset]')].map(atFullSize));
  window.print();
};

if (button) {
  button.hidden = false;
  button.addEventListener('click', printAtFullSize);
}

// Today's year, month and day in the site's time zone (Asia/Tokyo by default), whatever the browser's own zone.
const today = (timeZone) =>
  Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
      .formatToParts(new Date())
      .map((part) => [part.type, part.value]),
  );

const cssString = (text) => `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\r\n\f]/g, ' ')}"`;

const updateFooter = () => {
  const date = footer.querySelector('[data-print-date]');
  if (date && footer.dataset.timeZone) {
    try {
      // The page may have been open since yesterday; print with the day it is printed.
      const { year, month, day } = today(footer.dataset.timeZone);
      date.textContent = `${year}/${month}/${day}`;
      date.setAttribute('datetime', `${year}-${month}-${day}`);
    } catch {
      // Unknown zone in this browser: keep the server's date.
    }
  }
  const text = footer.textContent.replace(/\s+/g, ' ').trim();
  document.documentElement.style.setProperty('--print-footer', cssString(text));
};

if (footer) {
  updateFooter();
  window.addEventListener('beforeprint', updateFooter);
  // Browsers without page-margin boxes (no CSSMarginRule) keep printing the footer block once, after the manual.
  if ('CSSMarginRule' in window) {
    document.documentElement.classList.add('has-print-footer');
  }
}

// /manuals/{id}?print=1 opens the print dialog once the page (and its images) has loaded, e.g. from a 印刷 link elsewhere.
if (new URLSearchParams(window.location.search).get('print') === '1') {
  if (document.readyState === 'complete') {
    printAtFullSize();
  } else {
    window.addEventListener('load', printAtFullSize, { once: true });
  }
}
