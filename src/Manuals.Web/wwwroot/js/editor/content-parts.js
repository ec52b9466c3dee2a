// The parts of a section's or a step card's text in the step editor (Views/_ContentParts.cshtml): text fields, callout
// boxes (注意, ポイント, メモ) and screenshots. Boxes are added after the part being written in and removed with their
// button; screenshots pasted, dropped or chosen are uploaded and shown as pictures. The parts' fields are renamed
// {prefix}.Parts[k].… after every change, the names the server reads.
import { receiveImages, uploadImages } from './images.js';

let lastId = 0;

/** Gives every labelled field under <root> an id of its own (a copied card or box must not share its original's). */
export function freshIds(root) {
  for (const label of root.querySelectorAll('label[for]')) {
    const field = root.querySelector(`#${CSS.escape(label.htmlFor)}`);
    if (field) {
      lastId += 1;
      field.id = `part-${lastId}`;
      label.htmlFor = field.id;
    }
  }
}

/** Renames the fields of the parts in <container> for <prefix> (its data-prefix unless given). */
export function renameParts(container, prefix = container.dataset.prefix) {
  container.dataset.prefix = prefix;
  [...container.querySelectorAll(':scope > [data-part]')].forEach((part, k) => {
    for (const field of part.querySelectorAll('[data-part-field]')) {
      field.name = `${prefix}.Parts[${k}].${field.dataset.partField}`;
    }
  });
  container.dispatchEvent(new Event('input', { bubbles: true }));
}

/** The part holding <element>, when it is one of <container>'s. */
const partOf = (container, element) => {
  const part = element?.closest?.('[data-part]');
  return part?.parentElement === container ? part : null;
};

/**
 * Sets up the parts of one section or card. <template> holds a box (a callout part and its remove button) and a
 * screenshot to copy; <zone> receives pasted and dropped images.
 */
export function setUpParts({ container, template, zone, upload, strings }) {
  const copy = (selector) => template.content.querySelector(selector).cloneNode(true);
  const withRemove = (callout) => {
    if (!callout.querySelector('[data-part-remove]')) {
      callout.append(copy('[data-part-remove]'));
    }

    return callout;
  };
  for (const callout of container.querySelectorAll(':scope > .content-part--callout')) {
    withRemove(callout);
  }

  const place = (part, after) => {
    if (after) {
      after.after(part);
    } else {
      container.append(part);
    }
  };

  const image = (markdown) => {
    const [, alt, src] = /^!\[([^\]]*)\]\(([^)]+)\)$/.exec(markdown) ?? [];
    const part = copy('.content-part--image');
    Object.assign(part.querySelector('img'), { src, alt });
    part.querySelector('[data-part-field=Value]').value = markdown;
    return part;
  };

  const uploadFiles = (files, pasted, after) => {
    const waiting = new Map();
    upload(files, {
      pasted,
      begin(jobs) {
        let last = after;
        for (const job of jobs) {
          const placeholder = document.createElement('figure');
          placeholder.className = 'content-part content-part--image is-uploading';
          placeholder.textContent = strings.imageUploading;
          place(placeholder, last);
          last = placeholder;
          waiting.set(job, placeholder);
        }
      },
      settle(job, markdown) {
        const placeholder = waiting.get(job);
        if (markdown && placeholder.isConnected) {
          placeholder.replaceWith(image(markdown));
          renameParts(container);
        } else {
          placeholder.remove();
        }
      },
    });
  };

  receiveImages({
    pasteTarget: zone,
    dropZone: zone,
    marked: zone,
    take: (files, pasted) => uploadFiles(files, pasted, partOf(container, document.activeElement)),
  });

  container.addEventListener('click', (event) => {
    const remove = event.target.closest('[data-part-remove]');
    const part = remove && partOf(container, remove);
    if (part) {
      const next = part.nextElementSibling ?? part.previousElementSibling;
      part.remove();
      renameParts(container);
      next?.querySelector('textarea, select, input:not([type=hidden])')?.focus();
    }
  });

  const chooser = Object.assign(document.createElement('input'), {
    type: 'file', accept: 'image/png,image/jpeg,image/gif,image/webp', multiple: true, hidden: true,
  });
  let chooseAfter = null;
  chooser.addEventListener('change', () => {
    const files = [...chooser.files];
    chooser.value = '';
    if (files.length > 0) {
      uploadFiles(files, false, chooseAfter);
    }
  });
  container.after(chooser);

  return {
    container,
    /** A box of <kind> after the part holding <from> (or at the end), with the caret in its text. */
    addCallout(kind, text = '', from = null) {
      const callout = withRemove(copy('.content-part--callout'));
      callout.querySelector('[data-part-field=Kind]').value = kind;
      callout.querySelector('[data-part-field=Value]').value = text;
      freshIds(callout);
      place(callout, partOf(container, from) ?? container.lastElementChild);
      renameParts(container);
      const field = callout.querySelector('textarea');
      field.focus();
      field.setSelectionRange(field.value.length, field.value.length);
    },
    /** The file chooser; the pictures go after the part holding <from>. */
    chooseImage(from = null) {
      chooseAfter = partOf(container, from);
      chooser.click();
    },
  };
}
