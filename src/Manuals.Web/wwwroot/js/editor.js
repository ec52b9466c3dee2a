// The manual editor: toolbar, live preview, keyboard shortcuts, autosave with restore, a warning before leaving
// with unsaved changes, and screenshots by paste, drop or file choice. All of it is an enhancement: without this
// script the form, its server-rendered プレビュー button and saving work as before.
import { readFields, setUpDrafts } from './editor/drafts.js';
import { askLink } from './editor/link-dialog.js';
import { setUpImages, uploadImages } from './editor/images.js';
import * as edits from './editor/markdown-edits.js';
import { setUpCompleteness } from './editor/completeness.js';
import { setUpLivePreview } from './editor/preview.js';
import { setUpShortcuts } from './editor/shortcuts.js';
import { setUpParts } from './editor/content-parts.js';
import { redact } from './editor/redact.js';
import { annotate } from './editor/annotate.js';
import { setUpStepCards } from './editor/step-cards.js';
import { createStatus } from './editor/status.js';
import { isMac, readStrings, shortcutLabel } from './editor/strings.js';
import { applyEdit } from './editor/textarea.js';
import { setUpToolbar } from './editor/toolbar.js';

const form = document.querySelector('form[data-editor]');
const textarea = form?.querySelector('textarea[name=Body]');
const stepEditor = form?.querySelector('[data-step-editor]');
if (form && stepEditor) {
  setUpStepEditor(form, stepEditor);
}

if (form && textarea) {
  const strings = readStrings();
  const token = form.querySelector('input[name=__RequestVerificationToken]')?.value ?? '';
  const status = createStatus(form.querySelector('[data-editor-status]'));
  const field = textarea.closest('.editor-field');
  form.classList.add('is-enhanced');

  const images = setUpImages({
    textarea,
    dropZone: field,
    fileInput: field.querySelector('.editor-file'),
    url: form.dataset.imagesUrl,
    token,
    strings,
    status,
  });

  const tableHeaders = (strings.tableHeaders ?? '').split('|');
  const commands = {
    heading: (v, s, e) => edits.heading(v, s, e, strings.headingText),
    step: (v, s, e) => edits.step(v, s, e),
    warning: (v, s, e) => edits.callout(v, s, e, 'warning', strings.warningText),
    tip: (v, s, e) => edits.callout(v, s, e, 'tip', strings.tipText),
    // The renderer knows note, warning and tip; an NG box is a warning that says NG first.
    ng: (v, s, e) => edits.callout(v, s, e, 'warning', strings.ngText, `**${strings.ngPrefix}** `),
    checklist: (v, s, e) => edits.checklist(v, s, e),
    table: (v, s, e) => edits.table(v, s, e, tableHeaders),
    link: (v, s, e) => edits.link(v, s, e, strings.linkText),
    bold: (v, s, e) => edits.bold(v, s, e, strings.boldText),
  };
  const run = (name) => {
    if (name === 'image') {
      images.choose();
      return;
    }

    const command = commands[name];
    if (command) {
      applyEdit(textarea, command(textarea.value, textarea.selectionStart, textarea.selectionEnd));
    }
  };

  const saveButton = form.querySelector('button[type=submit][name=intent][value=save]');
  setUpToolbar(field.querySelector('.editor-toolbar'), run);
  setUpShortcuts({ form, textarea, run, save: () => form.requestSubmit(saveButton) });
  const completeness = setUpCompleteness({
    form,
    textarea,
    select: form.querySelector('select[name=Template]'),
    url: form.dataset.completenessUrl,
    token,
  });
  setUpLivePreview({
    pane: field.querySelector('.editor-preview'),
    textarea,
    url: form.dataset.previewUrl,
    token,
    strings,
    onRendered: completeness.refresh,
  });
  setUpDrafts({
    form,
    banner: document.getElementById('draft-banner'),
    strings,
    status,
    focusAfterRestore: () => textarea.focus(),
    // A draft kept in the step editor has no Body: the server makes it from the draft's fields.
    beforeRestore: (fields, draft) => {
      if (fields.some(([name]) => name === 'Editor.Source')) {
        resubmit(form, fields, draft.baseRevision, 'markdown');
        return false;
      }

      return true;
    },
  });

  for (const help of form.querySelectorAll('.editor-shortcuts')) {
    help.hidden = false;
  }

  if (isMac) {
    for (const element of form.querySelectorAll('[data-shortcut], .editor-toolbar [title]')) {
      if (element.hasAttribute('data-shortcut')) {
        element.textContent = shortcutLabel(element.textContent);
      } else {
        element.title = shortcutLabel(element.title);
        if (element.hasAttribute('aria-keyshortcuts')) {
          element.setAttribute('aria-keyshortcuts', element.getAttribute('aria-keyshortcuts').replace(/Control\+/g, 'Meta+'));
        }
      }
    }
  }
}

/**
 * The step editor: cards that move without a round trip, callout boxes and screenshots as parts of a section or card,
 * fields that grow with their text and show how formatted text will look, each block's 記入済み/未記入 mark kept up
 * to date, a toolbar, Ctrl+S, Ctrl+B, Ctrl+K … (never during IME composition), autosave with restore and the leave
 * warning (the same as the Markdown editor's).
 */
function setUpStepEditor(form, editor) {
  const strings = readStrings();
  const token = form.querySelector('input[name=__RequestVerificationToken]')?.value ?? '';
  const status = createStatus(editor.querySelector('[data-editor-status]'));
  const template = editor.querySelector('template[data-card-template]');
  const upload = (files, { pasted, begin, settle }) =>
    uploadImages(files, { pasted, url: form.dataset.imagesUrl, token, strings, status, begin, settle });
  const lists = [...editor.querySelectorAll('[data-step-cards]')].map((list) => setUpStepCards({ list, template, strings, status, upload }));
  const sections = new Map();
  for (const container of editor.querySelectorAll('[data-block] > [data-parts]')) {
    sections.set(container, setUpParts({ container, template, zone: container.closest('[data-block]'), upload, strings }));
  }

  setUpImageTools(editor, {
    '[data-annotate]': (part) => annotate(part, { strings }),
    '[data-redact]': (part) => redact(part, { strings, token, status }),
  });
  const partsFor = (field) => sections.get(field?.closest?.('[data-parts]')) ?? lists.map((list) => list.partsFor(field)).find(Boolean);
  form.classList.add('is-enhanced');

  const grow = (field) => {
    field.style.height = 'auto';
    field.style.height = `${field.scrollHeight + 2}px`;
  };

  const refreshMarks = () => {
    for (const block of editor.querySelectorAll('[data-block]')) {
      const mark = block.querySelector('[data-block-state]');
      if (!mark) {
        continue;
      }

      const fields = block.querySelectorAll('textarea, input[data-card-field=Title], input[data-part-field=Value]');
      const written = [...fields].some((field) => field.value.trim() !== '');
      mark.textContent = written ? mark.dataset.filledText : mark.dataset.emptyText;
      mark.classList.toggle('editor-block__state--filled', written);
      mark.classList.toggle('editor-block__state--empty', !written);
    }
  };
  // How a text field's formatting will look, under the field once the text has any.
  const previews = new WeakSet();
  const MARKUP = /\*\*|:::|^\s*[-*+] |^\s*\d{1,9}[.)] |^\s*#|\||!\[|\]\(|`/m;
  const preview = (textarea) => {
    if (textarea.hidden || previews.has(textarea) || !MARKUP.test(textarea.value) || textarea.closest('.content-part--callout')) {
      return;
    }

    previews.add(textarea);
    const pane = document.createElement('section');
    pane.className = 'field-preview';
    pane.setAttribute('aria-label', strings.fieldPreview);
    pane.innerHTML = '<div class="field-preview__head"><span></span><span class="field-preview__state" data-preview-state></span></div><div class="field-preview__body markdown" data-preview-body></div>';
    pane.querySelector('.field-preview__head span').textContent = strings.fieldPreview;
    textarea.after(pane);
    setUpLivePreview({ pane, textarea, url: form.dataset.previewUrl, token, strings });
  };
  editor.querySelectorAll('textarea').forEach(preview);
  editor.addEventListener('input', (event) => {
    if (event.target instanceof HTMLTextAreaElement) {
      grow(event.target);
      preview(event.target);
    }

    refreshMarks();
  });
  // Text areas are as tall as their text; those added later grow from their first keystroke.
  editor.querySelectorAll('textarea').forEach(grow);

  // Text parts become formatted fields once their library has loaded (the text areas work until then, and without it).
  const formatted = setUpFormattedFields(editor, strings, () => {
    editor.querySelectorAll('.field-preview').forEach((pane) => {
      if (pane.previousElementSibling?.hidden) {
        pane.remove();
      }
    });
  });

  // The toolbar acts on the text field last written in: a box or picture goes into its section or card, formatting
  // into its text.
  let field = editor.querySelector('textarea');
  editor.addEventListener('focusin', (event) => {
    field = formatted.textareaOf(event.target) ?? field;
  });
  const tableHeaders = (strings.tableHeaders ?? '').split('|');
  const commands = {
    bold: (v, s, e) => edits.bold(v, s, e, strings.boldText),
    bullet: (v, s, e) => edits.bullet(v, s, e),
    step: (v, s, e) => edits.step(v, s, e),
    checklist: (v, s, e) => edits.checklist(v, s, e),
    link: (v, s, e) => edits.link(v, s, e, strings.linkText),
    table: (v, s, e) => edits.table(v, s, e, tableHeaders),
  };
  const boxes = { warning: ['warning', ''], tip: ['tip', ''], ng: ['warning', `${strings.ngPrefix} `] };
  const run = (name, element = field) => {
    const target = formatted.textareaOf(element);
    if (!target) {
      return;
    }

    const parts = partsFor(target);
    const rich = formatted.of(target);
    if (parts && name === 'image') {
      parts.chooseImage(target);
    } else if (parts && boxes[name]) {
      parts.addCallout(...boxes[name], target);
    } else if (rich && commands[name]) {
      rich.run(name);
    } else if (commands[name]) {
      target.focus();
      applyEdit(target, commands[name](target.value, target.selectionStart, target.selectionEnd));
    }
  };
  setUpToolbar(editor.querySelector('.step-editor__toolbar'), (name) => run(name));

  const saveButton = form.querySelector('.actions button[name=intent][value=save]');
  setUpShortcuts({
    form,
    textarea: (target) => editor.contains(formatted.textareaOf(target)),
    run,
    save: () => form.requestSubmit(saveButton),
  });

  const names = () => readFields(form).map(([name]) => name).join('\n');
  setUpDrafts({
    form,
    banner: document.getElementById('draft-banner'),
    strings,
    status,
    focusAfterRestore: () => editor.querySelector('[data-rich-text] [contenteditable], textarea:not([hidden]), input:not([type=hidden])')?.focus(),
    beforeRestore: (fields, draft) => {
      if (fields.map(([name]) => name).join('\n') === names()) {
        return true;
      }

      // The draft has other steps, boxes or pictures than this page, or was written on other text (the manual
      // changed since) or in the Markdown editor: the server lays its fields out again, as for かんたん編集.
      resubmit(form, fields, draft.baseRevision, 'steps');
      return false;
    },
    afterRestore: () => {
      formatted.reload();
      editor.querySelectorAll('textarea').forEach((textarea) => {
        grow(textarea);
        preview(textarea);
      });
      refreshMarks();
    },
  });
}

/**
 * The step editor's text parts as formatted fields (lib/rich-text.js, loaded here; see Scripts/rich-text): every
 * text part on the page and those added later (new cards, duplicated ones, parts after a removed picture).
 * <loaded> runs once the fields are in place. Callout texts stay plain: a box holds a sentence or two.
 */
function setUpFormattedFields(editor, strings, loaded) {
  const TEXT_PARTS = '.content-part--text textarea';
  let library = null;
  // Text areas the library refused stay text areas while the writer types (never swapped mid-sentence).
  const refused = new WeakSet();
  const options = { strings, askLink: (current) => askLink(strings, current) };
  const enhanceIn = (root) => {
    // A duplicated card carries a copy of the formatted field that no script drives: it goes, its text area stays.
    for (const copy of root.querySelectorAll('[data-rich-text]')) {
      const textarea = copy.nextElementSibling;
      if (textarea instanceof HTMLTextAreaElement && library.richTextOf(textarea)?.element.parentElement !== copy) {
        copy.remove();
        textarea.hidden = false;
      }
    }

    for (const textarea of root.querySelectorAll(TEXT_PARTS)) {
      if (!library.richTextOf(textarea) && !refused.has(textarea) && !library.enhance(textarea, options)) {
        refused.add(textarea);
      }
    }
  };

  const source = document.querySelector('link[data-rich-text]')?.href;
  if (source) {
    import(source).then((module) => {
      library = module;
      enhanceIn(editor);
      new MutationObserver((changes) => {
        // Typing in a formatted field changes its own elements; only cards and parts added around them matter.
        const added = (change) => !change.target.closest?.('.rich-text__field') && [...change.addedNodes].some((node) => node instanceof Element);
        if (changes.some(added)) {
          enhanceIn(editor);
        }
      }).observe(editor, { childList: true, subtree: true });
      editor.dataset.formatted = 'true';
      loaded();
    }, () => {});
  }

  return {
    /** The formatted field standing in for <textarea>, or null. */
    of: (textarea) => library?.richTextOf(textarea) ?? null,
    /** The text area behind <element> (itself, or the one a formatted field stands in for), or null. */
    textareaOf(element) {
      if (element instanceof HTMLTextAreaElement) {
        return element;
      }

      const textarea = element?.closest?.('[data-rich-text]')?.nextElementSibling;
      return textarea instanceof HTMLTextAreaElement ? textarea : null;
    },
    /** Reads every text area again (a restored draft). */
    reload() {
      if (library) {
        editor.querySelectorAll(TEXT_PARTS).forEach((textarea) => {
          refused.delete(textarea);
          library.richTextOf(textarea)?.reload();
        });
        enhanceIn(editor);
      }
    },
  };
}

/**
 * The buttons on a screenshot part that need the script (書き込み, 隠す): shown on every part, also those added later,
 * each opening its dialog (<tools>: selector → open(part), resolving when the dialog closes) and getting the focus back.
 */
function setUpImageTools(editor, tools) {
  const selector = Object.keys(tools).join(', ');
  editor.addEventListener('click', (event) => {
    const button = event.target.closest(selector);
    const open = button && Object.entries(tools).find(([name]) => button.matches(name))?.[1];
    if (open) {
      open(button.closest('.content-part--image')).then(() => button.focus());
    }
  });
  const reveal = () => editor.querySelectorAll(`:is(${selector})[hidden]`).forEach((button) => { button.hidden = false; });
  reveal();
  new MutationObserver(reveal).observe(editor, { childList: true, subtree: true });
}

/**
 * Posts kept fields for the server to lay out in the editor <intent> names ("steps" or "markdown"), with this page's
 * antiforgery token and the revision the draft was written on (saving it then goes through the conflict page when
 * the manual changed since).
 */
function resubmit(form, fields, baseRevision, intent) {
  const copy = document.createElement('form');
  copy.method = 'post';
  copy.action = form.action;
  copy.hidden = true;
  const add = (name, value) => copy.append(Object.assign(document.createElement('textarea'), { name, value }));
  for (const [name, value] of fields) {
    add(name, value);
  }

  add('__RequestVerificationToken', form.querySelector('input[name=__RequestVerificationToken]')?.value ?? '');
  add('BaseRevision', baseRevision || (form.elements.namedItem('BaseRevision')?.value ?? '0'));
  add('intent', intent);
  document.body.append(copy);
  copy.submit();
}
