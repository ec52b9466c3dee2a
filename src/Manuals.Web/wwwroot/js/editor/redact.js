// 「隠す」 on a screenshot in the step editor: the writer drags boxes over what must not be seen (氏名, 口座番号 …),
// chooses モザイク or ぼかし and applies. The server changes the pixels and stores only the result
// (POST /images/<sha256>/redact); the picture in the card then shows the hidden version, and the unredacted upload is
// deleted when nothing else uses it. Boxes are drawn with the mouse, a pen or a finger, or from the keyboard: 範囲を追加
// puts one in the middle, arrow keys move the last box and Ctrl+arrows size it (Shift for bigger steps); Delete removes it.
import { readJson } from './strings.js';

// The screenshot's Markdown; its marks (#ann=…) stay as they are, they are not pixels.
const IMAGE = /^(!\[[^\]]*\]\()\/images\/([0-9a-f]{64})((?:#ann=[^\s()]*)?\))$/;

let dialog = null;
let opening = false;

function build(strings) {
  const element = document.createElement('dialog');
  element.className = 'redact-dialog';
  element.setAttribute('aria-labelledby', 'redact-title');
  element.innerHTML = `
    <div class="redact-dialog__bar">
      <h2 id="redact-title"></h2>
      <fieldset class="redact-dialog__styles">
        <legend class="visually-hidden"></legend>
        <label class="check"><input type="radio" name="redact-style" value="pixelate" checked> <span data-pixelate></span></label>
        <label class="check"><input type="radio" name="redact-style" value="blur"> <span data-blur></span></label>
        <label class="check"><input type="radio" name="redact-style" value="fill"> <span data-fill></span></label>
      </fieldset>
      <button type="button" class="button" data-add></button>
      <button type="button" class="button" data-undo></button>
      <button type="button" class="button button--primary" data-apply></button>
      <button type="button" class="button" data-cancel></button>
    </div>
    <p class="help" data-help></p>
    <p class="field-error" role="alert" data-error></p>
    <div class="redact-dialog__stage"><div class="redact-dialog__picture" tabindex="0" role="group"><img alt=""></div></div>`;
  element.querySelector('h2').textContent = strings.redactTitle;
  element.querySelector('legend').textContent = strings.redactStyle;
  element.querySelector('[data-pixelate]').textContent = strings.redactPixelate;
  element.querySelector('[data-blur]').textContent = strings.redactBlur;
  element.querySelector('[data-fill]').textContent = strings.redactFill;
  element.querySelector('[data-add]').textContent = strings.redactAdd;
  element.querySelector('.redact-dialog__picture').setAttribute('aria-label', strings.redactPicture);
  element.querySelector('[data-undo]').textContent = strings.redactUndo;
  element.querySelector('[data-apply]').textContent = strings.redactApply;
  element.querySelector('[data-cancel]').textContent = strings.cancel;
  element.querySelector('[data-help]').textContent = strings.redactHelp;
  document.body.append(element);
  return element;
}

/**
 * Opens the 隠す dialog for the screenshot part <part> (a .content-part--image); resolves when it closes. On 適用 the
 * part's Markdown and picture become the redacted one.
 */
export async function redact(part, options) {
  // One dialog at a time: a second click while the picture loads does nothing.
  if (opening || dialog?.open) {
    return;
  }

  opening = true;
  try {
    await hide(part, options);
  } finally {
    opening = false;
  }
}

async function hide(part, { strings, token, status }) {
  const field = part.querySelector('[data-part-field=Value]');
  const match = IMAGE.exec(field.value.trim());
  if (!match) {
    return;
  }

  dialog ??= build(strings);
  const picture = dialog.querySelector('.redact-dialog__picture');
  const image = picture.querySelector('img');
  const error = dialog.querySelector('[data-error]');
  const apply = dialog.querySelector('[data-apply]');
  picture.querySelectorAll('.redact-dialog__box').forEach((box) => box.remove());
  error.textContent = '';
  image.src = `/images/${match[2]}`;
  image.alt = part.querySelector('img')?.alt ?? '';
  await image.decode().catch(() => {});
  const boxes = [];
  const refresh = () => {
    apply.disabled = boxes.length === 0;
    dialog.querySelector('[data-undo]').disabled = boxes.length === 0;
  };
  refresh();

  // Boxes are kept in the picture's own pixels, drawn in percent so they follow the picture's displayed size.
  const scale = () => image.naturalWidth / image.getBoundingClientRect().width;
  const place = (box) => {
    box.element.style.left = `${(box.x / image.naturalWidth) * 100}%`;
    box.element.style.top = `${(box.y / image.naturalHeight) * 100}%`;
    box.element.style.width = `${(box.width / image.naturalWidth) * 100}%`;
    box.element.style.height = `${(box.height / image.naturalHeight) * 100}%`;
  };
  const pointAt = (event) => {
    const rect = image.getBoundingClientRect();
    const s = scale();
    return {
      x: Math.min(image.naturalWidth, Math.max(0, (event.clientX - rect.left) * s)),
      y: Math.min(image.naturalHeight, Math.max(0, (event.clientY - rect.top) * s)),
    };
  };

  const newBox = (x, y) => {
    const element = document.createElement('div');
    element.className = 'redact-dialog__box';
    picture.append(element);
    return { x, y, width: 0, height: 0, element };
  };
  // 範囲を追加: a box in the middle, for the arrow keys; the focus goes to the picture, where they work.
  const addInMiddle = () => {
    const box = newBox(0, 0);
    Object.assign(box, { width: Math.round(image.naturalWidth / 4), height: Math.round(image.naturalHeight / 8) });
    box.x = Math.round((image.naturalWidth - box.width) / 2);
    box.y = Math.round((image.naturalHeight - box.height) / 2);
    place(box);
    boxes.push(box);
    refresh();
    picture.focus();
  };

  let drawing = null;
  const down = (event) => {
    if (event.button !== 0 && event.pointerType === 'mouse') {
      return;
    }

    event.preventDefault();
    picture.setPointerCapture(event.pointerId);
    const start = pointAt(event);
    drawing = { start, box: newBox(start.x, start.y) };
    place(drawing.box);
  };
  const move = (event) => {
    if (!drawing) {
      return;
    }

    const point = pointAt(event);
    Object.assign(drawing.box, {
      x: Math.min(point.x, drawing.start.x),
      y: Math.min(point.y, drawing.start.y),
      width: Math.abs(point.x - drawing.start.x),
      height: Math.abs(point.y - drawing.start.y),
    });
    place(drawing.box);
  };
  const up = () => {
    if (!drawing) {
      return;
    }

    const { box } = drawing;
    drawing = null;
    // A click without a drag is not a box.
    if (box.width < 4 || box.height < 4) {
      box.element.remove();
      return;
    }

    boxes.push(box);
    refresh();
  };
  const undo = () => {
    boxes.pop()?.element.remove();
    refresh();
  };
  const steps = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
  const keys = (event) => {
    const box = boxes.at(-1);
    if ((event.key === 'Delete' || event.key === 'Backspace') && !event.target.closest('input, button')) {
      event.preventDefault();
      undo();
    } else if (event.key in steps && box && !event.target.closest('input')) {
      event.preventDefault();
      const step = (event.shiftKey ? 10 : 1) * Math.max(1, Math.round(image.naturalWidth / 200));
      const [dx, dy] = steps[event.key];
      if (event.ctrlKey || event.metaKey) {
        box.width = Math.min(image.naturalWidth - box.x, Math.max(step, box.width + dx * step));
        box.height = Math.min(image.naturalHeight - box.y, Math.max(step, box.height + dy * step));
      } else {
        box.x = Math.min(image.naturalWidth - box.width, Math.max(0, box.x + dx * step));
        box.y = Math.min(image.naturalHeight - box.height, Math.max(0, box.y + dy * step));
      }

      place(box);
    }
  };

  picture.addEventListener('pointerdown', down);
  picture.addEventListener('pointermove', move);
  picture.addEventListener('pointerup', up);
  picture.addEventListener('pointercancel', up);
  dialog.addEventListener('keydown', keys);
  const undoButton = dialog.querySelector('[data-undo]');
  undoButton.addEventListener('click', undo);
  const addButton = dialog.querySelector('[data-add]');
  addButton.addEventListener('click', addInMiddle);
  const cancel = () => dialog.close();
  dialog.querySelector('[data-cancel]').addEventListener('click', cancel);

  // While the server works the dialog stays open (Esc and キャンセル wait), so its answer lands in this picture.
  let posting = false;
  const holdOpen = (event) => {
    if (posting) {
      event.preventDefault();
    }
  };
  dialog.addEventListener('cancel', holdOpen);
  const submit = async () => {
    posting = true;
    apply.disabled = true;
    dialog.querySelector('[data-cancel]').disabled = true;
    error.textContent = '';
    // The unredacted picture may go at once only when no other field of the page uses it.
    const uses = [...document.querySelectorAll('[data-part-field=Value]')].filter((other) => other.value.includes(`/images/${match[2]}`));
    const style = dialog.querySelector('input[name=redact-style]:checked').value;
    const areas = boxes.map((box) => ({
      x: Math.floor(box.x), y: Math.floor(box.y), width: Math.ceil(box.width), height: Math.ceil(box.height),
    }));
    try {
      const response = await fetch(`/images/${match[2]}/redact`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', RequestVerificationToken: token },
        body: JSON.stringify({ style, areas, forget: uses.length === 1 }),
      });
      const body = await readJson(response);
      if (!response.ok || !body?.url) {
        error.textContent = body?.error ?? strings.serverError;
        return;
      }

      field.value = `${match[1]}${body.url}${match[3]}`;
      field.dispatchEvent(new Event('input', { bubbles: true }));
      const shown = part.querySelector('img');
      shown.src = body.url;
      shown.removeAttribute('srcset');
      status.show(strings.redactDone);
      dialog.close();
    } catch {
      error.textContent = strings.networkError;
    } finally {
      posting = false;
      apply.disabled = boxes.length === 0;
      dialog.querySelector('[data-cancel]').disabled = false;
    }
  };
  apply.addEventListener('click', submit);

  dialog.showModal();
  dialog.querySelector('input[name=redact-style]:checked').focus();
  await new Promise((resolve) => dialog.addEventListener('close', resolve, { once: true }));
  picture.removeEventListener('pointerdown', down);
  picture.removeEventListener('pointermove', move);
  picture.removeEventListener('pointerup', up);
  picture.removeEventListener('pointercancel', up);
  dialog.removeEventListener('keydown', keys);
  dialog.removeEventListener('cancel', holdOpen);
  undoButton.removeEventListener('click', undo);
  addButton.removeEventListener('click', addInMiddle);
  dialog.querySelector('[data-cancel]').removeEventListener('click', cancel);
  apply.removeEventListener('click', submit);
}
