// Screenshots into the Markdown: paste an image, drop image files on the editor or choose them with 画像 (the step
// editor's cards use uploadImages for the same work and show the result as pictures). Each file
// gets a placeholder at the caret at once; it is scaled to at most 1920 px in the browser (PNG stays PNG for crisp
// screenshots, JPEG and WebP are re-encoded at quality 0.9), uploaded to POST /images and the placeholder becomes
// ![alt](/images/…). Animated GIFs and WebPs are sent untouched, or refused here when larger than 1920 px.
import { afterComposition } from './composition.js';
import { insert } from './markdown-edits.js';
import { format, readJson } from './strings.js';
import { applyEdit, replaceElsewhere } from './textarea.js';

const MAX_SIDE = 1920;
const PARALLEL_UPLOADS = 3;
// The server refuses larger files; a photo-like PNG that still exceeds it after scaling is sent as JPEG instead.
const MAX_BYTES = 10 * 1024 * 1024;
const TYPES = new Map([['png', 'image/png'], ['jpg', 'image/jpeg'], ['jpeg', 'image/jpeg'], ['gif', 'image/gif'], ['webp', 'image/webp']]);
const ALLOWED = new Set(TYPES.values());
const EXTENSION = new Map([['image/png', 'png'], ['image/jpeg', 'jpg'], ['image/gif', 'gif'], ['image/webp', 'webp']]);

class Refused extends Error {}

const extensionOf = (name) => (/\.([^.]+)$/.exec(name ?? '')?.[1] ?? '').toLowerCase();
const typeOf = (file) => (ALLOWED.has(file.type) ? file.type : file.type === '' ? TYPES.get(extensionOf(file.name)) : undefined);
const baseName = (name) => (name ?? '').replace(/\.[^.]*$/, '');
/** Alt text may not close the brackets it sits in or span lines. */
const altText = (text) => text.replace(/[[\]\\\r\n]+/g, ' ').trim();

/** The EXIF orientation of a JPEG (1 = upright), read from its first APP1 segment. */
async function jpegOrientation(file) {
  const view = new DataView(await file.slice(0, 256 * 1024).arrayBuffer());
  if (view.byteLength < 4 || view.getUint16(0) !== 0xffd8) {
    return 1;
  }

  for (let offset = 2; offset + 4 <= view.byteLength; ) {
    const marker = view.getUint16(offset);
    if ((marker & 0xff00) !== 0xff00 || marker === 0xffda) {
      return 1;
    }

    if (marker === 0xffe1 && offset + 18 <= view.byteLength && view.getUint32(offset + 4) === 0x45786966) {
      const tiff = offset + 10;
      const little = view.getUint16(tiff) === 0x4949;
      const directory = tiff + view.getUint32(tiff + 4, little);
      if (directory + 2 > view.byteLength) {
        return 1;
      }

      const count = view.getUint16(directory, little);
      for (let i = 0; i < count; i += 1) {
        const entry = directory + 2 + i * 12;
        if (entry + 12 > view.byteLength) {
          return 1;
        }

        if (view.getUint16(entry, little) === 0x0112) {
          return view.getUint16(entry + 8, little);
        }
      }

      return 1;
    }

    offset += 2 + view.getUint16(offset + 2);
  }

  return 1;
}

/** Whether a WebP file is an animation: its extended header (VP8X) sets the animation flag. */
async function isAnimatedWebp(file) {
  const bytes = new Uint8Array(await file.slice(0, 21).arrayBuffer());
  return bytes.length === 21 && String.fromCharCode(...bytes.subarray(12, 16)) === 'VP8X' && (bytes[20] & 0x02) !== 0;
}

const toBlob = (canvas, type, quality) =>
  new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('toBlob'))), type, quality));

/**
 * The bytes to upload: the file itself when it is small enough and upright, else a canvas copy at most 1920 px on
 * its longer side. A rotated phone photo (EXIF orientation) is redrawn upright, because the server removes EXIF.
 */
async function prepare(file, type, strings) {
  let bitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new Refused(format(strings.imageUnreadable, file.name));
  }

  try {
    const { width, height } = bitmap;
    const tooLarge = width > MAX_SIDE || height > MAX_SIDE;
    // An animation is sent as it is: a canvas copy would keep its first frame only.
    if (type === 'image/gif' || (type === 'image/webp' && (await isAnimatedWebp(file)))) {
      if (tooLarge) {
        throw new Refused(format(strings.imageGifTooLarge, file.name));
      }

      return { blob: file, name: file.name };
    }

    const rotated = type === 'image/jpeg' && (await jpegOrientation(file)) > 1;
    if (!tooLarge && !rotated && file.size <= MAX_BYTES) {
      return { blob: file, name: file.name };
    }

    const scale = Math.min(1, MAX_SIDE / Math.max(width, height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(width * scale));
    canvas.height = Math.max(1, Math.round(height * scale));
    const context = canvas.getContext('2d');
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    let blob = await toBlob(canvas, type, 0.9);
    if (blob.size > MAX_BYTES && blob.type !== 'image/jpeg') {
      blob = await toBlob(canvas, 'image/jpeg', 0.9);
    }

    // A browser without a WebP encoder answers PNG; the name follows what was actually encoded.
    return { blob, name: `${baseName(file.name) || 'image'}.${EXTENSION.get(blob.type) ?? 'png'}` };
  } finally {
    bitmap.close();
  }
}

async function upload({ blob, name }, file, url, token, strings) {
  const body = new FormData();
  body.append('file', blob, name);
  let response;
  try {
    response = await fetch(url, {
      method: 'POST',
      body,
      headers: { RequestVerificationToken: token, Accept: 'application/json' },
      credentials: 'same-origin',
    });
  } catch {
    throw new Refused(format(strings.imageFailed, file.name, strings.networkError));
  }

  const json = await readJson(response);
  // Only a path on this site becomes Markdown; the renderer would drop anything else anyway.
  if (response.ok && typeof json?.url === 'string' && /^\/(?!\/)[^\s()<>\\]*$/.test(json.url)) {
    return json;
  }

  const reason = typeof json?.error === 'string' ? json.error : format(strings.serverError, response.status);
  throw new Refused(format(strings.imageFailed, file.name, reason));
}

let counter = 0;

/**
 * Uploads image files a few at a time and reports each one's Markdown (<code>![alt](/images/…)</code>) or null when it
 * was refused: <code>begin(jobs)</code> gets every accepted file at once (each with a unique placeholder and its alt
 * text) so the page can show where they will go; <code>settle(job, markdown)</code> follows for each, in any order.
 * Problems are told through <code>status</code>.
 */
export async function uploadImages(files, { pasted, url, token, strings, status, begin, settle }) {
  const problems = [];
  const jobs = [];
  for (const file of files) {
    const type = typeOf(file);
    if (type) {
      // Unique per upload, so several images finishing in any order each find their own place.
      counter += 1;
      const placeholder = `![${strings.imageUploading}](#upload-${Date.now().toString(36)}-${counter})`;
      jobs.push({ file, type, placeholder, alt: altText(pasted ? strings.imagePasted : baseName(file.name)) || strings.imagePasted });
    } else {
      problems.push(format(strings.imageTypeRefused, file.name || '?'));
    }
  }

  if (jobs.length > 0) {
    begin(jobs);
    status.show(strings.imageBusy);
    const queue = [...jobs];
    const next = async () => {
      for (let job = queue.shift(); job; job = queue.shift()) {
        try {
          const image = await upload(await prepare(job.file, job.type, strings), job.file, url, token, strings);
          await settle(job, `![${job.alt}](${image.url})`);
        } catch (error) {
          await settle(job, null);
          problems.push(error instanceof Refused ? error.message : format(strings.imageUnreadable, job.file.name));
        }
      }
    };
    // A few at a time: decoding many large photos at once would hold all their pixels in memory together.
    await Promise.all(Array.from({ length: Math.min(PARALLEL_UPLOADS, jobs.length) }, next));
  }

  if (problems.length > 0) {
    status.show(problems.join(' '), 'error');
  } else if (jobs.length > 0) {
    status.show(strings.imageDone);
  }
}

/** The image files a paste carries, or none when it also carries text (cells copied from Excel come as both). */
function pastedImages(event) {
  const data = event.clipboardData;
  const files = [...(data?.items ?? [])].filter((item) => item.kind === 'file').map((item) => item.getAsFile()).filter(Boolean);
  return files.length === 0 || (data.getData('text/plain') ?? '').trim() !== '' ? [] : files;
}

/** Whether a drag carries files (not text or a step card being moved). */
const carriesFiles = (event) => [...(event.dataTransfer?.types ?? [])].includes('Files');

let guarded = false;

/** A file dropped just beside the editor would otherwise open in the tab and leave the form. */
function keepDroppedFilesInThePage() {
  if (guarded) {
    return;
  }

  guarded = true;
  for (const type of ['dragover', 'drop']) {
    window.addEventListener(type, (event) => {
      if (carriesFiles(event) && !event.defaultPrevented) {
        event.preventDefault();
        event.dataTransfer.dropEffect = 'none';
      }
    });
  }
}

/**
 * Image files pasted into <pasteTarget> or dropped on <dropZone> go to <take(files, pasted)>; <marked> shows that a
 * drop is possible while files are dragged over the zone.
 */
export function receiveImages({ pasteTarget, dropZone, marked, take }) {
  pasteTarget.addEventListener('paste', (event) => {
    const files = pastedImages(event);
    if (files.length > 0) {
      event.preventDefault();
      take(files, true);
    }
  });
  dropZone.addEventListener('dragover', (event) => {
    if (carriesFiles(event)) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      marked.classList.add('is-dropping');
    }
  });
  dropZone.addEventListener('dragleave', () => marked.classList.remove('is-dropping'));
  dropZone.addEventListener('drop', (event) => {
    marked.classList.remove('is-dropping');
    if (carriesFiles(event)) {
      event.preventDefault();
      take([...event.dataTransfer.files], false);
    }
  });
  keepDroppedFilesInThePage();
}

export function setUpImages({ textarea, dropZone, fileInput, url, token, strings, status }) {
  /** Swaps a placeholder for its final text (or removes it with its line), wherever the writer's caret is now. */
  async function settle(placeholder, text) {
    await afterComposition();
    const start = textarea.value.indexOf(placeholder);
    if (start < 0) {
      // The writer deleted the placeholder while the image was uploading: they no longer want it there.
      return;
    }

    let end = start + placeholder.length;
    if (text === '' && (start === 0 || textarea.value[start - 1] === '\n') && textarea.value[end] === '\n') {
      end += 1;
    }

    replaceElsewhere(textarea, start, end, text);
  }

  const insertImages = (files, { pasted }) => uploadImages(files, {
    pasted,
    url,
    token,
    strings,
    status,
    begin(jobs) {
      applyEdit(textarea, insert(textarea.value, textarea.selectionStart, textarea.selectionEnd, jobs.map((j) => j.placeholder).join('\n')));
    },
    settle: (job, markdown) => settle(job.placeholder, markdown ?? ''),
  });

  receiveImages({
    pasteTarget: textarea,
    dropZone,
    marked: textarea,
    take: (files, pasted) => {
      if (!pasted) {
        textarea.focus();
      }

      insertImages(files, { pasted });
    },
  });

  fileInput.addEventListener('change', () => {
    const files = [...fileInput.files];
    fileInput.value = '';
    if (files.length > 0) {
      textarea.focus();
      insertImages(files, { pasted: false });
    }
  });

  return {
    choose() {
      fileInput.click();
    },
  };
}
