// The manual editor: toolbar, live preview, keyboard shortcuts, autosave with restore, a warning before leaving
// with unsaved changes, and screenshots by paste, drop or file choice. All of it is an enhancement: without this
// script the form, its server-rendered プレビュー button and saving work as before.
import { setUpDrafts } from './editor/drafts.js';
import { setUpImages } from './editor/images.js';
import * as edits from './editor/markdown-edits.js';
import { setUpCompleteness } from './editor/completeness.js';
import { setUpLivePreview } from './editor/preview.js';
import { setUpShortcuts } from './editor/shortcuts.js';
import { createStatus } from './editor/status.js';
import { isMac, readStrings, shortcutLabel } from './editor/strings.js';
import { applyEdit } from './editor/textarea.js';
import { setUpToolbar } from './editor/toolbar.js';

const form = document.querySelector('form[data-editor]');
const textarea = form?.querySelector('textarea[name=Body]');
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
