// The step cards of the step editor (Views/_StepEditor.cshtml, _StepCard.cshtml): add a step below any step,
// duplicate, delete with undo, reorder by drag and drop or with the 上へ/下へ buttons (each change announced to screen
// readers), and per card: screenshots pasted, dropped or chosen, and 注意/ポイント boxes. The fields keep the names
// the server reads (Editor.Blocks[i].Cards[j].…) and are renumbered after every change; a card keeps the position it
// was made from (Origin) so that a step left as it was keeps its Markdown.
import { receiveImages, uploadImages } from './images.js';
import { format } from './strings.js';

export function setUpStepCards({ list, template, strings, status, upload }) {
  const prefix = list.dataset.prefix;
  const block = list.closest('[data-block]');
  const cards = () => [...list.querySelectorAll(':scope > [data-step-card]')];
  const part = (selector) => template.content.querySelector(selector);
  let undo = null;

  function renumber() {
    const all = cards();
    all.forEach((card, j) => {
      const name = `${prefix}.Cards[${j}]`;
      const id = `${list.id}-${j}`;
      card.querySelector('[data-step-number]').textContent = format(strings.stepNumber, j + 1);
      for (const field of card.querySelectorAll('[data-card-field]')) {
        field.name = `${name}.${field.dataset.cardField}`;
      }

      [...card.querySelectorAll('[data-card-callout]')].forEach((callout, k) => {
        for (const field of callout.querySelectorAll('[data-callout-field]')) {
          field.name = `${name}.Callouts[${k}].${field.dataset.calloutField}`;
          field.id = `${id}-callout-${k}-${field.dataset.calloutField.toLowerCase()}`;
        }

        for (const label of callout.querySelectorAll('label[data-for-callout]')) {
          label.htmlFor = `${id}-callout-${k}-${label.dataset.forCallout.toLowerCase()}`;
        }
      });
      for (const label of card.querySelectorAll('label[data-for-field]')) {
        const field = card.querySelector(`[data-card-field=${label.dataset.forField}]`);
        field.id = `${id}-${label.dataset.forField.toLowerCase()}`;
        label.htmlFor = field.id;
      }

      card.querySelector('[data-move=up]').disabled = j === 0;
      card.querySelector('[data-move=down]').disabled = j === all.length - 1;
    });
    // Autosave and the 記入済み marks listen for input.
    list.dispatchEvent(new Event('input', { bubbles: true }));
  }

  const titleField = (card) => card.querySelector('[data-card-field=Title]');
  const numberOf = (card) => cards().indexOf(card) + 1;
  const titleOf = (card) => titleField(card).value.trim() || format(strings.stepNumber, numberOf(card));

  /** A screenshot on the card: the picture, its Markdown for the server, and the box that takes it off. */
  function addImage(card, markdown) {
    const [, alt, src] = /^!\[([^\]]*)\]\(([^)]+)\)$/.exec(markdown) ?? [];
    const figure = document.createElement('figure');
    figure.className = 'step-card__image';
    figure.dataset.cardImage = '';
    const img = Object.assign(document.createElement('img'), { src, alt });
    const hidden = Object.assign(document.createElement('input'), { type: 'hidden', value: markdown });
    hidden.dataset.cardField = 'Images';
    const caption = document.createElement('figcaption');
    const label = document.createElement('label');
    label.className = 'check';
    const box = Object.assign(document.createElement('input'), { type: 'checkbox', value: markdown });
    box.dataset.cardField = 'RemovedImages';
    label.append(box, ` ${strings.removeImage}`);
    caption.append(label);
    figure.append(img, hidden, caption);
    card.querySelector('[data-card-images]').append(figure);
    return figure;
  }

  function uploadTo(card, files, pasted) {
    const waiting = new Map();
    upload(files, {
      pasted,
      begin(jobs) {
        for (const job of jobs) {
          const figure = document.createElement('figure');
          figure.className = 'step-card__image is-uploading';
          figure.textContent = strings.imageUploading;
          card.querySelector('[data-card-images]').append(figure);
          waiting.set(job, figure);
        }
      },
      settle(job, markdown) {
        const placeholder = waiting.get(job);
        if (markdown && placeholder.isConnected) {
          placeholder.replaceWith(addImage(card, markdown));
          renumber();
        } else {
          placeholder.remove();
        }
      },
    });
  }

  function addCallout(card, kind, text = '') {
    const callout = part('[data-card-callout]').cloneNode(true);
    callout.querySelector('[data-callout-field=Kind]').value = kind;
    callout.querySelector('[data-callout-field=Text]').value = text;
    callout.append(part('[data-callout-remove]').cloneNode(true));
    card.querySelector('[data-card-callouts]').append(callout);
    renumber();
    callout.querySelector('textarea').focus();
  }

  /** Adds the buttons (they need this script), the drag handle and the screenshot paste and drop. */
  function enhance(card) {
    if (card.querySelector('.step-card__actions')) {
      return card;
    }

    card.querySelector('fieldset').append(part('.step-card__actions').cloneNode(true));
    card.prepend(part('.step-card__handle').cloneNode(true));
    for (const callout of card.querySelectorAll('[data-card-callout]')) {
      callout.append(part('[data-callout-remove]').cloneNode(true));
    }

    const chooser = Object.assign(document.createElement('input'), {
      type: 'file', accept: 'image/png,image/jpeg,image/gif,image/webp', multiple: true, hidden: true,
    });
    chooser.addEventListener('change', () => {
      const files = [...chooser.files];
      chooser.value = '';
      if (files.length > 0) {
        uploadTo(card, files, false);
      }
    });
    card.append(chooser);
    receiveImages({ pasteTarget: card, dropZone: card, marked: card, take: (files, pasted) => uploadTo(card, files, pasted) });
    return card;
  }

  const newCard = () => enhance(part('[data-step-card]').cloneNode(true));

  function place(added, after) {
    if (after) {
      after.after(added);
    } else {
      list.append(added);
    }

    renumber();
    titleField(added).focus();
  }

  const act = {
    add(card) {
      const added = newCard();
      place(added, card);
      status.show(format(strings.stepAdded, numberOf(added)));
    },
    duplicate(card) {
      const copy = card.cloneNode(true);
      // A copy is a new step: it has no Markdown of its own yet; it says what the original says.
      copy.querySelector('[data-card-field=Origin]').value = '-1';
      copy.querySelector('[data-card-field=Hinted]')?.remove();
      copy.querySelector('input[type=file]')?.remove();
      const from = card.querySelectorAll('input, textarea, select');
      copy.querySelectorAll('input, textarea, select').forEach((field, i) => {
        if (field.type === 'checkbox') {
          field.checked = from[i].checked;
        } else if (field.type !== 'file') {
          field.value = from[i].value;
        }
      });
      copy.querySelector('.step-card__actions').remove();
      copy.querySelector('.step-card__handle').remove();
      copy.querySelectorAll('[data-callout-remove]').forEach((button) => button.remove());
      place(enhance(copy), card);
      status.show(format(strings.stepDuplicated, numberOf(card), numberOf(copy)));
    },
    remove(card) {
      const index = cards().indexOf(card);
      const title = titleOf(card);
      card.remove();
      renumber();
      undo = { card, index };
      status.show(format(strings.stepDeleted, title), 'info', { label: strings.undo, run: act.restore });
      const next = cards()[Math.min(index, cards().length - 1)];
      (next ? titleField(next) : block.querySelector('[data-add-step]')).focus();
    },
    restore() {
      if (!undo) {
        return;
      }

      const { card, index } = undo;
      undo = null;
      const at = cards()[index];
      if (at) {
        at.before(card);
      } else {
        list.append(card);
      }

      renumber();
      titleField(card).focus();
      status.show(format(strings.stepRestored, numberOf(card)));
    },
    move(card, by) {
      const all = cards();
      const to = all.indexOf(card) + by;
      if (to < 0 || to >= all.length) {
        return;
      }

      if (by < 0) {
        all[to].before(card);
      } else {
        all[to].after(card);
      }

      renumber();
      const same = card.querySelector(`[data-move=${by < 0 ? 'up' : 'down'}]`);
      (same.disabled ? card.querySelector(`[data-move=${by < 0 ? 'down' : 'up'}]`) : same).focus();
      status.show(format(strings.stepMoved, titleOf(card), numberOf(card)));
    },
    image(card) {
      card.querySelector('input[type=file]').click();
    },
    warning: (card) => addCallout(card, 'warning'),
    tip: (card) => addCallout(card, 'tip'),
  };

  list.addEventListener('click', (event) => {
    const button = event.target.closest('button');
    const card = button?.closest('[data-step-card]');
    if (!card) {
      return;
    }

    if (button.dataset.move) {
      act.move(card, button.dataset.move === 'up' ? -1 : 1);
    } else if (button.dataset.cardAction) {
      act[button.dataset.cardAction](card);
    } else if (button.hasAttribute('data-callout-remove')) {
      const callout = button.closest('[data-card-callout]');
      callout.remove();
      renumber();
      titleField(card).focus();
    }
  });

  // The no-script button posts the form for one more card; with the script the card appears at once.
  const addButton = block.querySelector('[data-add-step]');
  addButton.type = 'button';
  addButton.removeAttribute('name');
  addButton.addEventListener('click', () => act.add(cards().at(-1)));
  block.querySelector('[data-no-script-help]')?.remove();
  block.querySelectorAll('[data-script-only]').forEach((element) => { element.hidden = false; });

  // Drag and drop by the handle: a line shows where the card will go; the drop moves it and is announced.
  let dragged = null;
  let mark = null;
  const clearMark = () => {
    mark?.card.classList.remove('is-drop-before', 'is-drop-after');
    mark = null;
  };
  list.addEventListener('dragstart', (event) => {
    const handle = event.target.closest?.('.step-card__handle');
    if (!handle) {
      return;
    }

    dragged = handle.closest('[data-step-card]');
    dragged.classList.add('is-dragging');
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData('text/x-step-card', String(numberOf(dragged)));
  });
  list.addEventListener('dragover', (event) => {
    if (!dragged) {
      return;
    }

    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    const over = event.target.closest?.('[data-step-card]');
    if (!over || over === dragged) {
      clearMark();
      return;
    }

    const box = over.getBoundingClientRect();
    const before = event.clientY < box.top + box.height / 2;
    if (mark?.card !== over || mark.before !== before) {
      clearMark();
      mark = { card: over, before };
      over.classList.add(before ? 'is-drop-before' : 'is-drop-after');
    }
  });
  list.addEventListener('drop', (event) => {
    if (!dragged) {
      return;
    }

    event.preventDefault();
    if (mark) {
      if (mark.before) {
        mark.card.before(dragged);
      } else {
        mark.card.after(dragged);
      }

      renumber();
      status.show(format(strings.stepMoved, titleOf(dragged), numberOf(dragged)));
    }
  });
  list.addEventListener('dragend', () => {
    clearMark();
    dragged?.classList.remove('is-dragging');
    dragged = null;
  });

  cards().forEach(enhance);
  renumber();

  return {
    prefix,
    /** Whether <field> belongs to one of this list's cards. */
    owns: (field) => list.contains(field) && Boolean(field.closest('[data-step-card]')),
    /** 注意/ポイント/NG from the toolbar on a card: a box on the card. */
    addCallout: (field, kind, text) => addCallout(field.closest('[data-step-card]'), kind, text),
    /** 画像 from the toolbar on a card: the file chooser for the card. */
    chooseImage: (field) => act.image(field.closest('[data-step-card]')),
    /** Makes the list hold the cards and callouts a kept draft has, so that every kept field finds its place. */
    prepareFor(names) {
      const at = (pattern) => names.map((name) => pattern.exec(name)).filter(Boolean);
      const escaped = prefix.replace(/[.[\]]/g, '\\$&');
      const cardCount = at(new RegExp(`^${escaped}\\.Cards\\[(\\d+)\\]\\.Origin$`)).length;
      while (cards().length < cardCount) {
        list.append(newCard());
      }

      while (cards().length > cardCount) {
        cards().at(-1).remove();
      }

      cards().forEach((card, j) => {
        const callouts = at(new RegExp(`^${escaped}\\.Cards\\[${j}\\]\\.Callouts\\[(\\d+)\\]\\.Kind$`)).length;
        card.querySelectorAll('[data-card-callout]').forEach((callout, k) => { if (k >= callouts) callout.remove(); });
        while (card.querySelectorAll('[data-card-callout]').length < callouts) {
          const callout = part('[data-card-callout]').cloneNode(true);
          callout.append(part('[data-callout-remove]').cloneNode(true));
          card.querySelector('[data-card-callouts]').append(callout);
        }

        card.querySelectorAll('[data-card-image]').forEach((figure) => figure.remove());
      });
      renumber();
    },
    /** After a kept draft's fields were written: its screenshots come back as pictures. */
    restoreImages(fields) {
      cards().forEach((card) => {
        const name = titleField(card).name.replace(/\.Title$/, '.Images');
        for (const [field, value] of fields) {
          if (field === name) {
            addImage(card, value);
          }
        }
      });
      renumber();
    },
  };
}

/** The upload function cards use: the editor's image upload with this page's address, token and words. */
export const cardUploader = ({ url, token, strings, status }) =>
  (files, { pasted, begin, settle }) => uploadImages(files, { pasted, url, token, strings, status, begin, settle });
