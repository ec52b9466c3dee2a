// 「書き込み」 on a screenshot in the step editor: boxes, arrows, numbered markers (①②③) and short labels drawn over
// the picture in a few strong colours, moved, resized, deleted and undone, then kept as data in the picture's address
// (#ann=…, read by Manuals.Core/Images/ImageAnnotations.cs, which draws the same marks on the page). The pixels are not
// touched. Keys in the dialog: 中央に置く puts the chosen tool's mark in the middle, arrow keys move the selected mark
// (Ctrl+arrows size a box or an arrow, Shift for bigger steps), Space on the picture selects the next mark, Delete removes
// the selected mark, Ctrl+Z undoes.

const SVG = 'http://www.w3.org/2000/svg';
const COLORS = { red: '#d62828', orange: '#f77f00', blue: '#1d4ed8', green: '#15803d' };
const KINDS = { box: 'box', arrow: 'arrow', num: 'number', text: 'label' };
const NAMES = Object.fromEntries(Object.entries(KINDS).map(([name, kind]) => [kind, name]));
const IMAGE = /^(!\[[^\]]*\]\()(\/images\/[0-9a-f]{64})(?:#ann=([^\s()]*))?(\))$/;
// As ImageAnnotations.MaxItems: the page draws no mark of a picture with more.
const MAX_MARKS = 60;

/** Marks from a fragment value ("1600x900;box:red:…"), or none when it does not read (as the server reads it). */
export function parseMarks(value) {
  const [size, ...parts] = (value ?? '').split(';');
  const [width, height] = (size ?? '').split('x').map(Number);
  if (!(width > 0 && height > 0) || parts.length > MAX_MARKS) {
    return [];
  }

  const marks = parts.map((part) => {
    const [name, color, x, y, w, last] = part.split(':');
    const kind = Object.hasOwn(KINDS, name) ? KINDS[name] : null;
    if (!kind || !Object.hasOwn(COLORS, color)) {
      return null;
    }

    let text = '';
    try {
      text = kind === 'label' ? decodeURIComponent(last ?? '') : kind === 'number' ? String(last) : '';
    } catch {
      return null;
    }

    return { kind, color, x: Number(x), y: Number(y), w: kind === 'box' || kind === 'arrow' ? Number(w) : 0, h: kind === 'box' || kind === 'arrow' ? Number(last) : 0, text };
  });
  return marks.every((mark) => mark && [mark.x, mark.y, mark.w, mark.h].every(Number.isFinite)) ? marks : [];
}

/** A label in the address: every character but letters, digits and -_.~ escaped, so ( ) cannot end the Markdown link. */
const escapeLabel = (text) => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The fragment value for <marks> on a <width> × <height> picture. */
export function writeMarks(marks, width, height) {
  const parts = marks.map((m) => {
    const last = m.kind === 'number' ? `0:${m.text}` : m.kind === 'label' ? `0:${escapeLabel(m.text)}` : `${Math.round(m.w)}:${Math.round(m.h)}`;
    return `${NAMES[m.kind]}:${m.color}:${Math.round(m.x)}:${Math.round(m.y)}:${last}`;
  });
  return [`${width}x${height}`, ...parts].join(';');
}

const element = (name, attributes) => {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) {
    node.setAttribute(key, String(value));
  }

  return node;
};

/** Draws <marks> into <svg> (viewBox in picture pixels), as the server's ImageAnnotations.ToSvg does. */
export function drawMarks(svg, marks, width, height, selected = -1) {
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.replaceChildren();
  const unit = Math.max(width, height) / 400;
  const stroke = Math.max(2, unit * 1.6);
  marks.forEach((m, index) => {
    const color = COLORS[m.color];
    const group = element('g', { 'data-mark': index });
    if (m.kind === 'box') {
      group.append(element('rect', { x: m.x, y: m.y, width: Math.max(0, m.w), height: Math.max(0, m.h), rx: unit, fill: 'none', stroke: color, 'stroke-width': stroke }));
    } else if (m.kind === 'arrow') {
      const length = Math.max(1, Math.hypot(m.w, m.h));
      const [dx, dy] = [m.w / length, m.h / length];
      const head = unit * 10;
      const [x2, y2] = [m.x + m.w, m.y + m.h];
      const [bx, by] = [x2 - dx * head, y2 - dy * head];
      const [px, py] = [-dy * head * 0.55, dx * head * 0.55];
      group.append(
        element('line', { x1: m.x, y1: m.y, x2: bx, y2: by, stroke: color, 'stroke-width': stroke, 'stroke-linecap': 'round' }),
        element('polygon', { points: `${x2},${y2} ${bx + px},${by + py} ${bx - px},${by - py}`, fill: color }),
      );
    } else if (m.kind === 'number') {
      group.append(element('circle', { cx: m.x, cy: m.y, r: unit * 7, fill: color, stroke: '#fff', 'stroke-width': unit }));
      const text = element('text', { x: m.x, y: m.y, fill: '#fff', 'font-size': unit * 9, 'font-weight': 700, 'text-anchor': 'middle', 'dominant-baseline': 'central' });
      text.textContent = m.text;
      group.append(text);
    } else {
      const text = element('text', { x: m.x, y: m.y, fill: color, 'font-size': unit * 8, 'font-weight': 700, stroke: '#fff', 'stroke-width': unit * 1.5, 'paint-order': 'stroke' });
      text.textContent = m.text;
      group.append(text);
    }

    svg.append(group);
    if (index === selected) {
      // The selection: a dashed frame, and a handle to resize a box or move an arrow's point.
      const box = group.getBBox();
      svg.append(element('rect', { x: box.x - unit * 2, y: box.y - unit * 2, width: box.width + unit * 4, height: box.height + unit * 4, fill: 'none', stroke: '#f0b429', 'stroke-width': unit, 'stroke-dasharray': `${unit * 3} ${unit * 2}`, 'pointer-events': 'none' }));
      if (m.kind === 'box' || m.kind === 'arrow') {
        svg.append(element('circle', { cx: m.x + m.w, cy: m.y + m.h, r: unit * 5, fill: '#fff', stroke: '#1f2933', 'stroke-width': unit, 'data-handle': index }));
      }
    }
  });
}

let dialog = null;
let opening = false;

function build(strings) {
  const node = document.createElement('dialog');
  node.className = 'annotate-dialog';
  node.setAttribute('aria-labelledby', 'annotate-title');
  const tool = (value, label, checked = false) =>
    `<label class="check"><input type="radio" name="annotate-tool" value="${value}"${checked ? ' checked' : ''}> <span>${label}</span></label>`;
  const color = (value, label, checked = false) =>
    `<label class="check annotate-dialog__color annotate-dialog__color--${value}"><input type="radio" name="annotate-color" value="${value}"${checked ? ' checked' : ''}> <span>${label}</span></label>`;
  const escape = (text) => String(text ?? '').replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  node.innerHTML = `
    <div class="annotate-dialog__bar">
      <h2 id="annotate-title">${escape(strings.annotateTitle)}</h2>
      <fieldset><legend class="visually-hidden">${escape(strings.annotateTool)}</legend>
        ${tool('select', escape(strings.annotateSelect))}${tool('box', escape(strings.annotateBox), true)}${tool('arrow', escape(strings.annotateArrow))}${tool('number', escape(strings.annotateNumber))}${tool('label', escape(strings.annotateLabel))}
      </fieldset>
      <fieldset><legend class="visually-hidden">${escape(strings.annotateColor)}</legend>
        ${color('red', escape(strings.colorRed), true)}${color('orange', escape(strings.colorOrange))}${color('blue', escape(strings.colorBlue))}${color('green', escape(strings.colorGreen))}
      </fieldset>
      <label class="annotate-dialog__text">${escape(strings.annotateText)} <input type="text" maxlength="40" data-label-text></label>
    </div>
    <div class="annotate-dialog__bar">
      <p class="help" data-help>${escape(strings.annotateHelp)}</p>
      <button type="button" class="button" data-add>${escape(strings.annotateAdd)}</button>
      <button type="button" class="button" data-delete>${escape(strings.annotateDelete)}</button>
      <button type="button" class="button" data-undo>${escape(strings.annotateUndo)}</button>
      <button type="button" class="button button--primary" data-done>${escape(strings.annotateDone)}</button>
      <button type="button" class="button" data-cancel>${escape(strings.cancel)}</button>
    </div>
    <div class="annotate-dialog__stage"><div class="annotate-dialog__picture" tabindex="0" role="group" aria-label="${escape(strings.annotatePicture)}"><img alt=""><svg class="annotated-image__marks" aria-hidden="true"></svg></div></div>`;
  document.body.append(node);
  return node;
}

/** Opens the 書き込み dialog for the screenshot part <part>; on 完了 the part's Markdown and picture take the marks. */
export async function annotate(part, options) {
  // One dialog at a time: a second click while the picture loads does nothing.
  if (opening || dialog?.open) {
    return;
  }

  opening = true;
  try {
    await edit(part, options);
  } finally {
    opening = false;
  }
}

async function edit(part, { strings }) {
  const field = part.querySelector('[data-part-field=Value]');
  const match = IMAGE.exec(field.value.trim());
  if (!match) {
    return;
  }

  dialog ??= build(strings);
  const picture = dialog.querySelector('.annotate-dialog__picture');
  const image = picture.querySelector('img');
  const svg = picture.querySelector('svg');
  const labelText = dialog.querySelector('[data-label-text]');
  image.src = match[2];
  image.alt = part.querySelector('img')?.alt ?? '';
  await image.decode().catch(() => {});
  const width = image.naturalWidth;
  const height = image.naturalHeight;
  if (!(width > 0 && height > 0)) {
    return;
  }

  let marks = parseMarks(match[3]);
  let selected = -1;
  const history = [];
  const redraw = () => {
    drawMarks(svg, marks, width, height, selected);
    dialog.querySelector('[data-delete]').disabled = selected < 0;
    dialog.querySelector('[data-undo]').disabled = history.length === 0;
  };
  const remember = () => history.push(JSON.stringify(marks));
  const undo = () => {
    if (history.length > 0) {
      marks = JSON.parse(history.pop());
      selected = -1;
      redraw();
    }
  };
  const remove = () => {
    if (selected >= 0) {
      remember();
      marks.splice(selected, 1);
      selected = -1;
      redraw();
    }
  };
  const toolNow = () => dialog.querySelector('input[name=annotate-tool]:checked').value;
  const colorNow = () => dialog.querySelector('input[name=annotate-color]:checked').value;
  const pointAt = (event) => {
    const rect = svg.getBoundingClientRect();
    return {
      x: Math.min(width, Math.max(0, ((event.clientX - rect.left) / rect.width) * width)),
      y: Math.min(height, Math.max(0, ((event.clientY - rect.top) / rect.height) * height)),
    };
  };

  // The mark at <index> (or none, -1) is selected; the colour and label fields show its own.
  const select = (index) => {
    selected = index;
    const mark = marks[index];
    if (mark) {
      labelText.value = mark.kind === 'label' ? mark.text : labelText.value;
      dialog.querySelector(`input[name=annotate-color][value=${mark.color}]`).checked = true;
    }
  };
  // A new mark of <tool> at <point> (a box or an arrow starts with no size); its index, or -1 when none can be added.
  const place = (tool, point, size = { w: 0, h: 0 }) => {
    const text = tool === 'number'
      ? String(Math.min(99, Math.max(0, ...marks.filter((m) => m.kind === 'number').map((m) => Number(m.text))) + 1))
      : tool === 'label' ? labelText.value.trim() : '';
    if (marks.length >= MAX_MARKS) {
      return -1;
    }

    if (tool === 'label' && !text) {
      labelText.focus();
      return -1;
    }

    remember();
    marks.push({ kind: tool, color: colorNow(), x: point.x, y: point.y, ...size, text });
    return marks.length - 1;
  };
  // 中央に置く: the chosen tool's mark in the middle of the picture, selected, with the focus on the picture so the
  // arrow keys move it and Ctrl+arrows size it.
  const addInMiddle = () => {
    const tool = toolNow() === 'select' ? 'box' : toolNow();
    const sized = tool === 'box' || tool === 'arrow';
    const size = sized ? { w: Math.round(width / 4), h: Math.round(height / 5) } : { w: 0, h: 0 };
    const index = place(tool, { x: Math.round((width - size.w) / 2), y: Math.round((height - size.h) / 2) }, size);
    if (index >= 0) {
      selected = index;
      redraw();
      picture.focus();
    }
  };

  let gesture = null;
  const down = (event) => {
    if (event.button !== 0 && event.pointerType === 'mouse') {
      return;
    }

    event.preventDefault();
    svg.setPointerCapture(event.pointerId);
    const point = pointAt(event);
    const handle = event.target.closest('[data-handle]');
    const hit = event.target.closest('[data-mark]');
    const tool = toolNow();
    if (handle) {
      remember();
      gesture = { type: 'resize', index: Number(handle.dataset.handle) };
    } else if (tool === 'select' || (hit && tool !== 'number' && tool !== 'label')) {
      select(hit ? Number(hit.dataset.mark) : -1);
      if (selected >= 0) {
        remember();
        gesture = { type: 'move', from: point, start: { ...marks[selected] } };
      }
    } else if (tool === 'number' || tool === 'label') {
      // Drawing tools leave nothing selected: the colour chosen next is for the next mark (選択・移動 recolours one).
      if (place(tool, point) >= 0) {
        selected = -1;
      }
    } else if (place(tool, point) >= 0) {
      selected = marks.length - 1;
      gesture = { type: 'resize', index: selected, created: true };
    }

    redraw();
  };
  const move = (event) => {
    if (!gesture) {
      return;
    }

    const point = pointAt(event);
    if (gesture.type === 'resize') {
      const mark = marks[gesture.index];
      mark.w = point.x - mark.x;
      mark.h = point.y - mark.y;
      if (mark.kind === 'box') {
        mark.w = Math.max(0, mark.w);
        mark.h = Math.max(0, mark.h);
      }
    } else {
      const mark = marks[selected];
      mark.x = Math.min(width, Math.max(0, gesture.start.x + point.x - gesture.from.x));
      mark.y = Math.min(height, Math.max(0, gesture.start.y + point.y - gesture.from.y));
    }

    redraw();
  };
  const up = () => {
    if (gesture?.created) {
      // A click without a drag is not a box or an arrow.
      const mark = marks[gesture.index];
      if (Math.hypot(mark.w, mark.h) < Math.max(width, height) / 100) {
        history.pop();
        marks.splice(gesture.index, 1);
      }

      selected = -1;
    }

    gesture = null;
    redraw();
  };
  const keys = (event) => {
    if (event.target === labelText) {
      return;
    }

    const steps = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    if ((event.key === 'Delete' || event.key === 'Backspace') && selected >= 0) {
      event.preventDefault();
      remove();
    } else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z') {
      event.preventDefault();
      undo();
    } else if (event.key in steps && selected >= 0 && !event.target.matches('input[type=radio]')) {
      event.preventDefault();
      remember();
      const step = (event.shiftKey ? 10 : 1) * Math.max(1, Math.round(width / 200));
      const mark = marks[selected];
      const [dx, dy] = steps[event.key];
      if ((event.ctrlKey || event.metaKey) && (mark.kind === 'box' || mark.kind === 'arrow')) {
        mark.w = mark.kind === 'box' ? Math.max(step, mark.w + dx * step) : mark.w + dx * step;
        mark.h = mark.kind === 'box' ? Math.max(step, mark.h + dy * step) : mark.h + dy * step;
      } else {
        mark.x = Math.min(width, Math.max(0, mark.x + dx * step));
        mark.y = Math.min(height, Math.max(0, mark.y + dy * step));
      }

      redraw();
    } else if (event.key === ' ' && event.target === picture && marks.length > 0) {
      event.preventDefault();
      select((selected + 1) % marks.length);
      redraw();
    }
  };
  const relabel = () => {
    if (selected >= 0 && marks[selected].kind === 'label' && labelText.value.trim()) {
      marks[selected].text = labelText.value.trim();
      redraw();
    }
  };
  const recolor = () => {
    if (selected >= 0) {
      remember();
      marks[selected].color = colorNow();
      redraw();
    }
  };
  let finished = false;
  const done = () => {
    finished = true;
    dialog.close();
  };
  const cancel = () => dialog.close();
  const listeners = [
    [svg, 'pointerdown', down], [svg, 'pointermove', move], [svg, 'pointerup', up], [svg, 'pointercancel', up],
    [dialog, 'keydown', keys], [labelText, 'input', relabel], [dialog.querySelector('[data-delete]'), 'click', remove],
    [dialog.querySelector('[data-add]'), 'click', addInMiddle],
    [dialog.querySelector('[data-undo]'), 'click', undo], [dialog.querySelector('[data-done]'), 'click', done],
    [dialog.querySelector('[data-cancel]'), 'click', cancel],
    ...[...dialog.querySelectorAll('input[name=annotate-color]')].map((input) => [input, 'change', recolor]),
  ];
  listeners.forEach(([target, type, listener]) => target.addEventListener(type, listener));

  dialog.showModal();
  redraw();
  dialog.querySelector('input[name=annotate-tool]:checked').focus();
  await new Promise((resolve) => dialog.addEventListener('close', resolve, { once: true }));
  listeners.forEach(([target, type, listener]) => target.removeEventListener(type, listener));
  if (!finished) {
    return;
  }

  const kept = marks.filter((m) => m.kind !== 'label' || m.text);
  field.value = `${match[1]}${match[2]}${kept.length > 0 ? `#ann=${writeMarks(kept, width, height)}` : ''}${match[4]}`;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  showMarks(part, kept, width, height);
}

/** The marks over the part's picture in the card, drawn the same way as on the page. */
function showMarks(part, marks, width, height) {
  const shown = part.querySelector('img');
  let frame = shown.closest('.annotated-image');
  if (!frame) {
    frame = document.createElement('span');
    frame.className = 'annotated-image';
    shown.replaceWith(frame);
    frame.append(shown);
  }

  let svg = frame.querySelector('svg');
  if (!svg) {
    svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('class', 'annotated-image__marks');
    svg.setAttribute('aria-hidden', 'true');
    frame.append(svg);
  }

  drawMarks(svg, marks, width, height);
}
