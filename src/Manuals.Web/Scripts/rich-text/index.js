// Formatted text fields for the step editor: a text part's <textarea> is replaced, while the script runs, by a field
// that shows bold, lists, check lists, links and tables as they will print (ProseMirror). The textarea stays in the
// form, hidden, and holds the field's Markdown: it is rewritten only when the writer changes something, so a field
// left alone keeps its bytes. A text the field cannot hold without changing how it reads stays a plain textarea.
import { baseKeymap, chainCommands, toggleMark } from 'prosemirror-commands';
import { history, redo, undo } from 'prosemirror-history';
import { InputRule, inputRules, wrappingInputRule } from 'prosemirror-inputrules';
import { keymap } from 'prosemirror-keymap';
import { liftListItem, sinkListItem, splitListItem, wrapInList } from 'prosemirror-schema-list';
import { EditorState, TextSelection } from 'prosemirror-state';
import {
  addColumnAfter, addRowAfter, deleteColumn, deleteRow, goToNextCell, isInTable, tableEditing,
} from 'prosemirror-tables';
import { EditorView } from 'prosemirror-view';
import { editableDocument, schema, toMarkdown } from './markdown.js';

const { nodes, marks } = schema;
const controllers = new WeakMap();

/** The formatted field standing in for <textarea>, if it has one. */
export function richTextOf(textarea) {
  return controllers.get(textarea) ?? null;
}

/** The nearest list item around the selection, with its position, or null. */
function listItemAt(state) {
  const { $from } = state.selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    if ($from.node(depth).type === nodes.list_item) {
      return { node: $from.node(depth), pos: $from.before(depth), list: $from.node(depth - 1) };
    }
  }

  return null;
}

/** The link around the caret or selection start: its range and mark, or null. */
function linkAround(state) {
  const { $from } = state.selection;
  const parent = $from.parent;
  let index = $from.index();
  const linked = (i) => i >= 0 && i < parent.childCount && marks.link.isInSet(parent.child(i).marks);
  if (!linked(index)) {
    index -= 1;
  }

  if (!linked(index)) {
    return null;
  }

  const mark = marks.link.isInSet(parent.child(index).marks);
  let first = index;
  let last = index;
  while (first > 0 && mark.isInSet(parent.child(first - 1).marks)) {
    first -= 1;
  }

  while (last < parent.childCount - 1 && mark.isInSet(parent.child(last + 1).marks)) {
    last += 1;
  }

  let from = $from.start();
  for (let i = 0; i < first; i++) {
    from += parent.child(i).nodeSize;
  }

  let to = from;
  for (let i = first; i <= last; i++) {
    to += parent.child(i).nodeSize;
  }

  return { from, to, mark };
}

/** A list command: wraps the paragraphs in a list of <type>, or takes them out when they already are one. */
const toggleList = (type, attrs) => (state, dispatch) => {
  const item = listItemAt(state);
  if (item && item.list.type === type) {
    return liftListItem(nodes.list_item)(state, dispatch);
  }

  return wrapInList(type, attrs)(state, dispatch);
};

/** チェックリスト: list items get a box (or lose it); a paragraph becomes a list of boxes. */
function toggleChecklist(state, dispatch, view) {
  if (!listItemAt(state)) {
    if (!wrapInList(nodes.bullet_list)(state, dispatch)) {
      return false;
    }

    state = view.state;
  }

  const { from, to } = state.selection;
  const tr = state.tr;
  const checked = listItemAt(state).node.attrs.checked === null ? false : null;
  state.doc.nodesBetween(from, to, (node, pos) => {
    // An item whose first paragraph the selection touches (not the outer item of a nested one).
    if (node.type === nodes.list_item && pos + 1 + node.firstChild.nodeSize >= from) {
      tr.setNodeMarkup(pos, null, { checked });
    }
  });
  dispatch?.(tr);
  return true;
}

/** A table with the given headers and one empty row; the caret goes to the first empty cell. */
const insertTable = (headers) => (state, dispatch) => {
  if (isInTable(state)) {
    return false;
  }

  const row = (type, texts) => nodes.table_row.create(null, texts.map((text) => type.create(null, text ? schema.text(text) : null)));
  const table = nodes.table.create(null, [row(nodes.table_header, headers), row(nodes.table_cell, headers.map(() => ''))]);
  if (dispatch) {
    const tr = state.tr.replaceSelectionWith(table);
    const start = tr.mapping.map(state.selection.from, -1);
    const found = [];
    tr.doc.nodesBetween(start, tr.doc.content.size, (node, pos) => {
      if (node.type === nodes.table_cell && found.length === 0) {
        found.push(pos + 1);
      }
    });
    dispatch(tr.setSelection(TextSelection.near(tr.doc.resolve(found[0] ?? start))).scrollIntoView());
  }

  return true;
};

/** Tab in a table's last cell adds a row, as in a spreadsheet. */
function nextCellOrNewRow(state, dispatch, view) {
  if (goToNextCell(1)(state, dispatch)) {
    return true;
  }

  if (!isInTable(state) || !dispatch) {
    return false;
  }

  addRowAfter(state, dispatch);
  return goToNextCell(1)(view.state, dispatch);
}

/** Enter in a list adds an item (with a box when the item has one); Shift+Enter breaks the line. */
const splitItem = (state, dispatch) => {
  const item = listItemAt(state);
  return splitListItem(nodes.list_item, item && item.node.attrs.checked !== null ? { checked: false } : null)(state, dispatch);
};

/** Enter on an empty last item leaves the list (or goes up one level in a nested one). */
const leaveList = (state, dispatch) =>
  listItemAt(state) !== null && state.selection.empty && state.selection.$from.parent.content.size === 0
    && liftListItem(nodes.list_item)(state, dispatch);

const hardBreak = (state, dispatch) => {
  if (!state.selection.$from.parent.type.contentMatch.matchType(nodes.hard_break)) {
    return false;
  }

  dispatch?.(state.tr.replaceSelectionWith(nodes.hard_break.create()).scrollIntoView());
  return true;
};

const rules = inputRules({
  rules: [
    wrappingInputRule(/^\s*([-+*])\s$/, nodes.bullet_list, (match) => ({ bullet: match[1] === '+' ? '-' : match[1] })),
    wrappingInputRule(/^(\d+)[.)]\s$/, nodes.ordered_list, (match) => ({ order: Number(match[1]) }),
      (match, node) => node.childCount + node.attrs.order === Number(match[1])),
    // 「[ ] 」 at the start of a list item gives it a box.
    new InputRule(/^\[( |x)?\]\s$/, (state, match, start, end) => {
      const item = listItemAt(state);
      if (!item) {
        return null;
      }

      return state.tr.delete(start, end).setNodeMarkup(item.pos, null, { checked: match[1] === 'x' });
    }),
  ],
});

/** Files and step cards dragged or pasted in are not text: the step editor takes them (pictures, card moves). */
const carriesFiles = (data) => [...(data?.types ?? [])].some((type) => type === 'Files' || type === 'text/x-step-card');

/**
 * Puts a formatted field in place of <textarea> (a text part of the step editor), or returns null when its text
 * cannot be shown formatted without changing it. <strings> has linkPrompt, linkText, tableHeaders, table buttons.
 */
export function enhance(textarea, { strings, askLink }) {
  const doc = editableDocument(textarea.value);
  if (!doc) {
    return null;
  }

  const wrapper = document.createElement('div');
  wrapper.className = 'rich-text';
  wrapper.dataset.richText = '';
  const tableBar = document.createElement('div');
  tableBar.className = 'rich-text__table-bar';
  tableBar.setAttribute('role', 'toolbar');
  tableBar.setAttribute('aria-label', strings.tableTools);
  tableBar.hidden = true;
  const tableCommands = { 'row-after': addRowAfter, 'column-after': addColumnAfter, 'delete-row': deleteRow, 'delete-column': deleteColumn };
  for (const [name, label] of [['row-after', strings.tableAddRow], ['column-after', strings.tableAddColumn], ['delete-row', strings.tableDeleteRow], ['delete-column', strings.tableDeleteColumn]]) {
    const button = Object.assign(document.createElement('button'), { type: 'button', className: 'button button--small', textContent: label });
    button.dataset.tableCommand = name;
    tableBar.append(button);
  }

  // The field is named by the text part's label (which stops pointing at the hidden text area). Found in the part,
  // not by its for attribute: a duplicated card's copy has lost that, and gets an id of its own here.
  const label = textarea.closest('.content-part')?.querySelector('label')
    ?? (textarea.id ? document.querySelector(`label[for="${CSS.escape(textarea.id)}"]`) : null);
  if (label) {
    label.id = `${textarea.id || 'rich-text'}-label`;
    label.removeAttribute('for');
    label.addEventListener('click', () => view.focus());
  }

  const attributes = {
    role: 'textbox',
    'aria-multiline': 'true',
    class: 'rich-text__field markdown',
    spellcheck: 'false',
  };
  if (label) {
    attributes['aria-labelledby'] = label.id;
  }

  for (const name of ['aria-describedby', 'aria-invalid']) {
    if (textarea.hasAttribute(name)) {
      attributes[name] = textarea.getAttribute(name);
    }
  }

  const placeholder = textarea.getAttribute('placeholder') ?? '';
  const showEmpty = (state) => {
    const empty = state.doc.childCount === 1 && state.doc.firstChild.type === nodes.paragraph && state.doc.firstChild.content.size === 0;
    view.dom.classList.toggle('is-empty', empty);
  };

  const makeState = (document) => EditorState.create({
    doc: document,
    plugins: [
      rules,
      keymap({
        'Mod-z': undo,
        'Mod-y': redo,
        'Shift-Mod-z': redo,
        // ProseMirror keeps the browser's own Ctrl+B/I/Z/Y from the field, so the field's shortcuts are its own (and,
        // as all of ProseMirror's keys, never fire while an IME is composing). Ctrl+Shift+7/8 reach the page's handler.
        'Mod-b': toggleMark(marks.strong),
        'Mod-i': toggleMark(marks.em),
        'Mod-k': () => {
          run('link');
          return true;
        },
        Enter: chainCommands(splitItem, leaveList),
        'Shift-Enter': hardBreak,
        Tab: chainCommands(nextCellOrNewRow, sinkListItem(nodes.list_item)),
        'Shift-Tab': chainCommands(goToNextCell(-1), liftListItem(nodes.list_item)),
      }),
      keymap(baseKeymap),
      history(),
      tableEditing(),
    ],
  });

  // The table's buttons show while the writer is in a table of this field (or on the buttons themselves).
  const showTableBar = () => {
    tableBar.hidden = !(wrapper.contains(document.activeElement) && isInTable(view.state));
  };
  wrapper.addEventListener('focusin', () => queueMicrotask(showTableBar));
  wrapper.addEventListener('focusout', () => setTimeout(showTableBar));

  const view = new EditorView(wrapper, {
    state: makeState(doc),
    attributes: { ...attributes, 'data-placeholder': placeholder },
    handlePaste: (_, event) => carriesFiles(event.clipboardData) && (event.clipboardData.getData('text/plain') ?? '').trim() === '',
    handleDrop: (_, event) => carriesFiles(event.dataTransfer),

    dispatchTransaction(tr) {
      const state = view.state.apply(tr);
      view.updateState(state);
      showEmpty(state);
      showTableBar();
      if (tr.docChanged) {
        textarea.value = toMarkdown(state.doc);
        textarea.dispatchEvent(new Event('input', { bubbles: true }));
      }
    },
  });
  wrapper.prepend(tableBar);
  showEmpty(view.state);
  tableBar.addEventListener('mousedown', (event) => event.preventDefault());
  tableBar.addEventListener('click', (event) => {
    const command = tableCommands[event.target.closest('[data-table-command]')?.dataset.tableCommand];
    if (command) {
      command(view.state, view.dispatch);
      view.focus();
    }
  });

  const run = async (name) => {
    // A selection just extended by keyboard may not have reached the editor's state yet (the browser reports it a
    // moment later): read it now, so the command acts on what the writer sees selected.
    view.domObserver?.flush?.();
    const state = view.state;
    switch (name) {
      case 'bold':
        toggleMark(marks.strong)(state, view.dispatch);
        break;
      case 'italic':
        toggleMark(marks.em)(state, view.dispatch);
        break;
      case 'bullet':
        toggleList(nodes.bullet_list)(state, view.dispatch);
        break;
      case 'step':
        toggleList(nodes.ordered_list)(state, view.dispatch);
        break;
      case 'checklist':
        toggleChecklist(state, view.dispatch, view);
        break;
      case 'table':
        insertTable((strings.tableHeaders ?? '').split('|'))(state, view.dispatch);
        break;
      case 'link': {
        const around = linkAround(state);
        const href = await askLink(around?.mark.attrs.href ?? '');
        view.focus();
        if (href === null) {
          break;
        }

        // The selection, or with only a caret the link it is in; with neither, new link text at the caret.
        const now = view.state;
        const link = linkAround(now);
        const { from, to } = now.selection.empty && link ? link : now.selection;
        const tr = now.tr;
        if (href === '') {
          tr.removeMark(from, to, marks.link);
        } else if (from === to) {
          const text = strings.linkText || href;
          tr.insertText(text, from).addMark(from, from + text.length, marks.link.create({ href }));
          tr.setSelection(TextSelection.create(tr.doc, from, from + text.length));
        } else {
          tr.removeMark(from, to, marks.link).addMark(from, to, marks.link.create({ href }));
        }

        view.dispatch(tr);
        break;
      }
      default:
        return false;
    }

    view.focus();
    return true;
  };

  const controller = {
    element: view.dom,
    run,
    focus: () => view.focus(),
    /** Reads the textarea again (a restored draft); a text the field cannot hold turns it back into the textarea. */
    reload() {
      const next = editableDocument(textarea.value);
      if (!next) {
        controller.destroy();
        return;
      }

      view.updateState(makeState(next));
      showEmpty(view.state);
    },
    destroy() {
      view.destroy();
      wrapper.remove();
      textarea.hidden = false;
      if (label) {
        label.htmlFor = textarea.id;
      }

      controllers.delete(textarea);
    },
  };
  controllers.set(textarea, controller);
  textarea.before(wrapper);
  textarea.hidden = true;
  if (textarea.autofocus || document.activeElement === textarea) {
    view.focus();
  }

  return controller;
}

/**
 * The Markdown a formatted field writes for <markdown> once the writer changes anything in it, or null when the text
 * stays a plain text area. For tests that compare how the two read.
 */
export function rewrite(markdown) {
  const doc = editableDocument(markdown);
  return doc ? toMarkdown(doc) : null;
}
