// The Markdown a formatted text field reads and writes: paragraphs, bold, italic, links, inline code, bullet,
// numbered and check lists, headings, quotes, code blocks and pipe tables — what the app's renderer shows, written
// back as conventional Markdown (prosemirror-markdown over markdown-it). A text this schema cannot hold without
// changing how it reads is not opened here at all: editableDocument() returns null and the field stays plain text.
import MarkdownIt from 'markdown-it';
import { Schema } from 'prosemirror-model';
import { MarkdownParser, MarkdownSerializer, defaultMarkdownSerializer, schema as commonMark } from 'prosemirror-markdown';
import { tableNodes } from 'prosemirror-tables';

const baseNodes = commonMark.spec.nodes;
const alignment = {
  default: null,
  getFromDOM: (dom) => dom.style.textAlign || null,
  setDOMAttr: (value, attrs) => {
    if (value) {
      attrs.style = `text-align: ${value}`;
    }
  },
};

export const schema = new Schema({
  nodes: baseNodes
    .update('bullet_list', {
      ...baseNodes.get('bullet_list'),
      attrs: { tight: { default: true }, bullet: { default: '-' } },
    })
    .update('ordered_list', {
      ...baseNodes.get('ordered_list'),
      attrs: { order: { default: 1 }, tight: { default: true } },
    })
    .update('list_item', {
      ...baseNodes.get('list_item'),
      attrs: { checked: { default: null } },
      parseDOM: [{ tag: 'li', getAttrs: (dom) => ({ checked: dom.hasAttribute('data-checked') ? dom.dataset.checked === 'true' : null }) }],
      toDOM: (node) => ['li', node.attrs.checked === null ? {} : { class: 'is-task', 'data-checked': String(node.attrs.checked) }, 0],
    })
    // A Markdown table cell is one line of text: no line breaks or pictures in it.
    .append(tableNodes({ tableGroup: 'block', cellContent: 'text*', cellAttributes: { align: alignment } })),
  marks: commonMark.spec.marks,
});

/** 「- [ ] 」 and 「- [x] 」 list items (as the app's renderer reads them) become items with a checked state. */
function taskLists(md) {
  md.core.ruler.push('task_lists', (state) => {
    const tokens = state.tokens;
    for (let i = 2; i < tokens.length; i++) {
      const inline = tokens[i];
      if (inline.type !== 'inline' || tokens[i - 1].type !== 'paragraph_open' || tokens[i - 2].type !== 'list_item_open') {
        continue;
      }

      const first = inline.children?.[0];
      const box = first?.type === 'text' ? /^\[([ xX])\](?:[ \t]+|$)/.exec(first.content) : null;
      if (box) {
        tokens[i - 2].attrSet('data-checked', box[1] === ' ' ? 'false' : 'true');
        first.content = first.content.slice(box[0].length);
      }
    }
  });
}

const listIsTight = (tokens, i) => {
  while (++i < tokens.length) {
    if (tokens[i].type !== 'list_item_open') {
      return tokens[i].hidden;
    }
  }

  return false;
};

const cellAttrs = (token) => ({ align: /text-align:\s*(left|center|right)/.exec(token.attrGet('style') ?? '')?.[1] ?? null });

const tokenizer = MarkdownIt('commonmark', { html: false }).enable('table').use(taskLists);
const parser = new MarkdownParser(schema, tokenizer, {
  blockquote: { block: 'blockquote' },
  paragraph: { block: 'paragraph' },
  list_item: { block: 'list_item', getAttrs: (token) => ({ checked: token.attrGet('data-checked') === null ? null : token.attrGet('data-checked') === 'true' }) },
  bullet_list: { block: 'bullet_list', getAttrs: (token, tokens, i) => ({ tight: listIsTight(tokens, i), bullet: token.markup || '-' }) },
  ordered_list: { block: 'ordered_list', getAttrs: (token, tokens, i) => ({ order: Number(token.attrGet('start')) || 1, tight: listIsTight(tokens, i) }) },
  heading: { block: 'heading', getAttrs: (token) => ({ level: Number(token.tag.slice(1)) }) },
  code_block: { block: 'code_block', noCloseToken: true },
  fence: { block: 'code_block', getAttrs: (token) => ({ params: token.info || '' }), noCloseToken: true },
  hr: { node: 'horizontal_rule' },
  image: {
    node: 'image',
    getAttrs: (token) => ({ src: token.attrGet('src'), title: token.attrGet('title') || null, alt: token.children?.[0]?.content || null }),
  },
  hardbreak: { node: 'hard_break' },
  table: { block: 'table' },
  thead: { ignore: true },
  tbody: { ignore: true },
  tr: { block: 'table_row' },
  th: { block: 'table_header', getAttrs: cellAttrs },
  td: { block: 'table_cell', getAttrs: cellAttrs },
  em: { mark: 'em' },
  strong: { mark: 'strong' },
  link: { mark: 'link', getAttrs: (token) => ({ href: token.attrGet('href'), title: token.attrGet('title') || null }) },
  code_inline: { mark: 'code', noCloseToken: true },
});
// prosemirror-markdown reads a line break inside a paragraph as a space; here it stays a newline of the text, so a
// line the writer does not touch keeps its bytes.
parser.tokenHandlers.softbreak = (state) => state.addText('\n');

const DELIMITERS = { left: ':---', center: ':---:', right: '---:' };

// What would make a line something else if it started it: a heading, quote, list item, rule or fence.
const LINE_START = /^([ \t]*)(#{1,6}(?=[ \t]|$)|>|[-+*](?=[ \t]|$)|={3,}|-{3,}|_{3,}|`{3,}|~{3,})/;
const NUMBER_START = /^([ \t]*\d{1,9})([.)])(?=[ \t]|$)/;
const escapeLineStart = (line) => line.replace(NUMBER_START, '$1\\$2').replace(LINE_START, '$1\\$2');

// Where the text being written begins a line of the document (also just after a list marker or a quote's >).
const atLineStart = (state) => /(^|\n)[ \t]*(?:(?:[-+*]|\d{1,9}[.)]|>)[ \t]+)*(?:\[[ x]\] )?$/.test(state.out);

const serializer = new MarkdownSerializer({
  ...defaultMarkdownSerializer.nodes,
  // Text typed at the start of any line stays text: 「1) 」「- 」「# 」 after a line break are escaped too (the library
  // escapes only the start of a paragraph, and not 「1)」).
  text(state, node) {
    if (state.inAutolink) {
      state.text(node.text, false);
      return;
    }

    const lines = node.text.split('\n').map((line, i) => {
      const escaped = state.esc(line, false);
      return i > 0 || atLineStart(state) ? escapeLineStart(escaped) : escaped;
    });
    state.text(lines.join('\n'), false);
  },
  bullet_list(state, node) {
    state.renderList(node, '  ', () => `${node.attrs.bullet} `);
  },
  ordered_list(state, node) {
    const start = node.attrs.order ?? 1;
    const indent = ' '.repeat(String(start + node.childCount - 1).length + 2);
    state.renderList(node, indent, (i) => `${start + i}. `);
  },
  list_item(state, node) {
    if (node.attrs.checked !== null) {
      state.write(node.attrs.checked ? '[x] ' : '[ ] ');
    }

    state.renderContent(node);
  },
  table(state, node) {
    const rows = [];
    node.forEach((row) => {
      const cells = [];
      row.forEach((cell) => cells.push(cellText(cell)));
      rows.push(cells);
    });
    const width = Math.max(...rows.map((cells) => cells.length));
    const line = (cells) => `| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`;
    const aligns = [];
    node.firstChild.forEach((cell) => aligns.push(DELIMITERS[cell.attrs.align] ?? '---'));
    [rows[0], aligns, ...rows.slice(1)].forEach((cells, i) => {
      if (i > 0) {
        state.ensureNewLine();
      }

      state.write(i === 1 ? line(cells.map((delimiter) => delimiter ?? '---')) : line(cells));
    });
    state.closeBlock(node);
  },
}, defaultMarkdownSerializer.marks);

/** A cell's text as Markdown on one line, its pipes escaped. */
function cellText(cell) {
  const paragraph = schema.node('paragraph', null, cell.content);
  return serializer.serialize(schema.node('doc', null, [paragraph])).replace(/\n/g, ' ').replace(/\|/g, '\\|');
}

/** The field's Markdown, as conventional as the schema writes it. */
export function toMarkdown(doc) {
  return serializer.serialize(doc, { tightLists: true });
}

// Renders what the app's renderer would show (tables and strikethrough included), to tell whether a text reads the
// same after this editor wrote it back.
const reader = MarkdownIt('commonmark', { html: false }).enable(['table', 'strikethrough']);

// The app's renderer (Markdig) also reads ~sub~, ^sup^, ++inserted++, ==marked== and ::: boxes, which this field
// does not: a text with any of them stays plain text rather than be escaped once edited.
const MARKDIG_ONLY = /[~^]|\+\+|==|^\s*:::/m;

/**
 * The document for <markdown>, or null when writing it back would change how it reads (something the schema
 * cannot hold, such as a picture in a table cell or ~~struck~~ text): such a field stays plain text.
 */
export function editableDocument(markdown) {
  if (MARKDIG_ONLY.test(markdown)) {
    return null;
  }

  let doc;
  try {
    doc = parser.parse(markdown);
  } catch {
    return null;
  }

  const written = toMarkdown(doc);
  return written === markdown.trim() || reader.render(written) === reader.render(markdown) ? doc : null;
}
