// The step cards of the step editor (Views/_StepEditor.cshtml, _StepCard.cshtml): add a step below any step,
// duplicate, delete with undo, reorder by drag and drop or with the 上へ/下へ buttons (each change announced to screen
// readers), and per card its parts (content-parts.js): screenshots pasted, dropped or chosen, 注意/ポイント boxes. The
// fields keep the names the server reads (Editor.Blocks[i].Cards[j].…) and are renamed after every change; a card
// keeps the position it was made from (Origin) so that a step left as it was keeps its Markdown.
import { freshIds, renameParts, setUpParts } from './content-parts.js';
import { format } from './strings.js';

export function setUpStepCards({ list, template, strings, status, upload }) {
  const prefix = list.dataset.prefix;
  const block = list.closest('[data-block]');
  const cards = () => [...list.querySelectorAll(':scope > [data-step-card]')];
  const copy = (selector) => template.content.querySelector(selector).cloneNode(true);
  const partsOf = new WeakMap();
  let undo = null;

  function renumber() {
    const all = cards();
    all.forEach((card, j) => {
      const name = `${prefix}.Cards[${j}]`;
      card.querySelector('[data-step-number]').textContent = format(strings.stepNumber, j + 1);
      for (const field of card.querySelectorAll('[data-card-field]')) {
        field.name = `${name}.${field.dataset.cardField}`;
      }

      renameParts(card.querySelector('[data-parts]'), name);
      card.querySelector('[data-move=up]').disabled = j === 0;
      card.querySelector('[data-move=down]').disabled = j === all.length - 1;
    });
    // Autosave and the 記入済み marks listen for input.
    list.dispatchEvent(new Event('input', { bubbles: true }));
  }

  const titleField = (card) => card.querySelector('[data-card-field=Title]');
  const numberOf = (card) => cards().indexOf(card) + 1;
  const titleOf = (card) => titleField(card).value.trim() || format(strings.stepNumber, numberOf(card));

  /** Adds the buttons (they need this script), the drag handle, and the parts' boxes, pictures and uploads. */
  function enhance(card) {
    card.querySelector('fieldset').append(copy('.step-card__actions'));
    card.prepend(copy('.step-card__handle'));
    partsOf.set(card, setUpParts({ container: card.querySelector('[data-parts]'), template, zone: card, upload, strings }));
    return card;
  }

  function newCard() {
    const card = copy('[data-step-card]');
    freshIds(card);
    return enhance(card);
  }

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
      const duplicate = card.cloneNode(true);
      // Field values typed since the page opened are not copied by cloneNode: they are copied here.
      const from = card.querySelectorAll('input, textarea, select');
      duplicate.querySelectorAll('input, textarea, select').forEach((field, i) => {
        if (field.type === 'checkbox') {
          field.checked = from[i].checked;
        } else if (field.type !== 'file') {
          field.value = from[i].value;
        }
      });
      // A copy is a new step: it has no Markdown of its own yet. The script's additions come again with enhance.
      duplicate.querySelector('[data-card-field=Origin]').value = '-1';
      duplicate.querySelector('[data-card-field=Hinted]')?.remove();
      duplicate.querySelectorAll('.step-card__actions, .step-card__handle, input[type=file], [data-part-remove]').forEach((extra) => extra.remove());
      freshIds(duplicate);
      place(enhance(duplicate), card);
      status.show(format(strings.stepDuplicated, numberOf(card), numberOf(duplicate)));
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
  };

  list.addEventListener('click', (event) => {
    const button = event.target.closest('button');
    const card = button?.closest('[data-step-card]');
    if (!card || button.closest('[data-parts]')) {
      return;
    }

    if (button.dataset.move) {
      act.move(card, button.dataset.move === 'up' ? -1 : 1);
    } else if (button.dataset.cardAction) {
      act[button.dataset.cardAction](card);
    } else if (button.dataset.partAction === 'image') {
      partsOf.get(card).chooseImage(document.activeElement);
    } else if (button.dataset.partAction) {
      partsOf.get(card).addCallout(button.dataset.partAction);
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
    /** The parts of the card holding <field>, or undefined when it is not on one of these cards. */
    partsFor: (field) => {
      const card = field?.closest?.('[data-step-card]');
      return card && list.contains(card) ? partsOf.get(card) : undefined;
    },
  };
}
