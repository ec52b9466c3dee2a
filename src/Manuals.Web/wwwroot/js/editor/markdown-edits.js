// Pure text edits behind the toolbar and the shortcuts. Each function takes the Markdown and the selection and
// returns one replacement { start, end, text } plus the selection to show afterwards (offsets in the new text),
// so textarea.js can apply it as a single, undoable step. Nothing here touches the page.

const lineStartOf = (value, index) => value.lastIndexOf('\n', index - 1) + 1;

const lineEndOf = (value, index) => {
  const end = value.indexOf('\n', index);
  return end < 0 ? value.length : end;
};

const NUMBERED = /^(\d{1,9})([.)])(?=[ \t]|$)/;
const LIST_ITEM = /^[ \t]*(\d{1,9}[.)]|[-*+])([ \t]|$)/;
const HEADING = /^ {0,3}#{1,6}([ \t]|$)/;
const FENCE = /^ {0,3}(```|~~~|:::)/;

/** A line after which a list or block may start without a blank line: blank, heading, list item or fence. */
const endsParagraph = (line) =>
  line.trim() === '' || HEADING.test(line) || LIST_ITEM.test(line) || FENCE.test(line) || /^[ \t]/.test(line);

function replacement(start, end, text, selectFrom = text.length, selectTo = selectFrom) {
  return { start, end, text, selectionStart: start + selectFrom, selectionEnd: start + selectTo };
}

/** Puts a block (callout, table) on lines of its own, with a blank line before and after it. */
function blockAt(value, start, end, block, selectFrom, selectTo) {
  const before = value.slice(0, start);
  const after = value.slice(end);
  const lead = before === '' || before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
  const tail = after === '' ? '\n' : after.startsWith('\n\n') ? '' : after.startsWith('\n') ? '\n' : '\n\n';
  return replacement(start, end, lead + block + tail, lead.length + selectFrom, lead.length + selectTo);
}

/** Where a new block goes when nothing is selected: an empty line is used as it is, otherwise after the line. */
function blockRange(value, start, end) {
  if (start !== end) {
    const from = lineStartOf(value, start);
    const to = lineEndOf(value, end > from && value[end - 1] === '\n' ? end - 1 : end);
    return { from, to, selected: value.slice(from, to) };
  }

  const from = lineStartOf(value, start);
  const to = lineEndOf(value, start);
  return value.slice(from, to).trim() === '' ? { from, to, selected: '' } : { from: to, to, selected: '' };
}

/** 見出し: "## " at the start of the line; on a heading it cycles ## → ### → plain text. */
export function heading(value, start, end, placeholder) {
  const lineStart = lineStartOf(value, start);
  const line = value.slice(lineStart, lineEndOf(value, start));
  const current = /^(#{1,6})[ \t]+/.exec(line);
  const marker = !current ? '## ' : current[1] === '##' ? '### ' : current[1] === '###' ? '' : '## ';
  const removed = current ? current[0].length : 0;
  if (!current && line.trim() === '') {
    return replacement(lineStart, lineStart + line.length, marker + placeholder, marker.length, marker.length + placeholder.length);
  }

  const shift = (offset) => Math.max(lineStart + marker.length, offset - removed + marker.length);
  return {
    start: lineStart,
    end: lineStart + removed,
    text: marker,
    selectionStart: shift(start),
    selectionEnd: shift(end),
  };
}

/**
 * The number the next step gets: one more than the last numbered line ("3. ") above the caret in the same
 * section (up to the heading above), or 1 when the section has none yet.
 */
export function nextStepNumber(value, index) {
  for (let lineStart = lineStartOf(value, index); ; lineStart = lineStartOf(value, lineStart - 1)) {
    const line = value.slice(lineStart, lineEndOf(value, lineStart));
    const numbered = NUMBERED.exec(line);
    if (numbered) {
      return Number(numbered[1]) + 1;
    }

    if (HEADING.test(line) || lineStart === 0) {
      return 1;
    }
  }
}

/** The end of the list item the caret is in: its own line plus indented continuation lines (text, images). */
function itemEnd(value, index) {
  let end = lineEndOf(value, index);
  for (let next = end + 1; next <= value.length && end < value.length; ) {
    const nextEnd = lineEndOf(value, next);
    const line = value.slice(next, nextEnd);
    if (line.trim() === '') {
      // A blank line belongs to the item only when an indented line follows it.
      const after = value.slice(nextEnd + 1, lineEndOf(value, nextEnd + 1));
      if (nextEnd < value.length && /^[ \t]+\S/.test(after)) {
        next = nextEnd + 1;
        continue;
      }

      break;
    }

    if (!/^[ \t]/.test(line)) {
      break;
    }

    end = nextEnd;
    next = nextEnd + 1;
  }

  return end;
}

/**
 * Renumbers the numbered lines after the line ending at `from` that continue the list (3, 4 … become 4, 5 …), up
 * to the next heading. Returns the text that replaces value[from, end).
 */
function renumberAfter(value, from, firstNumber) {
  let expected = firstNumber;
  let text = '';
  let copied = from;
  for (let position = from + 1; position < value.length; ) {
    const lineEnd = lineEndOf(value, position);
    const line = value.slice(position, lineEnd);
    const numbered = NUMBERED.exec(line);
    if (HEADING.test(line) || (numbered && Number(numbered[1]) >= expected)) {
      break;
    }

    if (numbered) {
      text += value.slice(copied, position) + expected + numbered[2];
      copied = position + numbered[1].length + numbered[2].length;
      expected += 1;
    }

    position = lineEnd + 1;
  }

  return { text, end: copied };
}

/** Adds a list item after the caret's item, or turns the selected lines into items. */
function listItem(value, start, end, markerFor, renumber) {
  if (start !== end && value.slice(start, end).includes('\n')) {
    const from = lineStartOf(value, start);
    const to = lineEndOf(value, value[end - 1] === '\n' ? end - 1 : end);
    let n = 0;
    const text = value
      .slice(from, to)
      .split('\n')
      .map((line) => (line.trim() === '' ? line : markerFor(n++) + line.replace(LIST_ITEM, '').trimStart()))
      .join('\n');
    return replacement(from, to, text, 0, text.length);
  }

  const lineStart = lineStartOf(value, start);
  const lineEnd = lineEndOf(value, start);
  const line = value.slice(lineStart, lineEnd);
  const marker = markerFor(0);
  if (line.trim() === '') {
    // An empty line takes the item, unless the line above is a paragraph the item would merge into.
    const previous = lineStart > 0 ? value.slice(lineStartOf(value, lineStart - 1), lineStart - 1) : '';
    const lead = endsParagraph(previous) ? '' : '\n';
    const rest = renumber ? renumber(value, lineEnd) : { text: '', end: lineEnd };
    return replacement(lineStart, rest.end, lead + marker + rest.text, lead.length + marker.length);
  }

  // Inside a list item, the new item goes after the item's indented continuation (its screenshot, its notes).
  const inItem = LIST_ITEM.test(line) || /^[ \t]/.test(line);
  const from = inItem ? itemEnd(value, start) : lineEnd;
  const lead = endsParagraph(line) ? '\n' : '\n\n';
  const rest = renumber ? renumber(value, from) : { text: '', end: from };
  return replacement(from, rest.end, lead + marker + rest.text, lead.length + marker.length);
}

/** 手順を追加: the next numbered step of the section ("4. "); later steps of the same list move up by one. */
export function step(value, start, end) {
  const first = nextStepNumber(value, start);
  return listItem(value, start, end, (n) => `${first + n}. `, (text, from) => renumberAfter(text, from, first + 1));
}

/** 箇条書き: "- " as a new item, or on each selected line. */
export function bullet(value, start, end) {
  return listItem(value, start, end, () => '- ', null);
}

/** チェックリスト: "- [ ] " as a new item, or on each selected line. */
export function checklist(value, start, end) {
  return listItem(value, start, end, () => '- [ ] ', null);
}

/** 注意・ポイント・NG: wraps the selected lines, or inserts a box with a sample sentence selected. */
export function callout(value, start, end, kind, placeholder, prefix = '') {
  const { from, to, selected } = blockRange(value, start, end);
  const inner = selected || placeholder;
  const open = `:::${kind}\n${prefix}`;
  return blockAt(value, from, to, `${open}${inner}\n:::`, open.length, open.length + inner.length);
}

/** 表: a three-column table with the caret in the first body cell. */
export function table(value, start, end, headers) {
  const { from, to } = blockRange(value, end, end);
  const cells = headers.length === 3 ? headers : ['', '', ''];
  const head = `| ${cells.join(' | ')} |\n| --- | --- | --- |\n`;
  return blockAt(value, from, to, `${head}|  |  |  |`, head.length + 2, head.length + 2);
}

/** リンク: [selection](https://) with the URL selected; a selected URL becomes the target instead. */
export function link(value, start, end, placeholder) {
  const selected = value.slice(start, end);
  if (/^(https?:\/\/|mailto:)\S+$/.test(selected.trim())) {
    const text = `[${placeholder}](${selected.trim()})`;
    return replacement(start, end, text, 1, 1 + placeholder.length);
  }

  const label = selected.replace(/\n/g, ' ') || placeholder;
  const text = `[${label}](https://)`;
  return replacement(start, end, text, label.length + 3, label.length + 3 + 'https://'.length);
}

/** 太字: **selection**, or unwraps a selection that is already bold. */
export function bold(value, start, end, placeholder) {
  const selected = value.slice(start, end);
  if (value.slice(start - 2, start) === '**' && value.slice(end, end + 2) === '**') {
    return replacement(start - 2, end + 2, selected, 0, selected.length);
  }

  if (selected.length >= 4 && selected.startsWith('**') && selected.endsWith('**')) {
    const inner = selected.slice(2, -2);
    return replacement(start, end, inner, 0, inner.length);
  }

  const inner = selected || placeholder;
  return replacement(start, end, `**${inner}**`, 2, 2 + inner.length);
}

/** Text at the caret (e.g. image placeholders), replacing the selection, with the caret after it. */
export function insert(value, start, end, text) {
  return replacement(start, end, text);
}
