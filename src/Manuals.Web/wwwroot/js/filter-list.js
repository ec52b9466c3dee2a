// Narrows a long list of checkboxes (people, departments, tasks) as one types: an input with data-filter-list="<id>"
// hides the labels of the element with that id whose text does not contain what was typed. Checked boxes stay shown.
for (const input of document.querySelectorAll('input[data-filter-list]')) {
  const list = document.getElementById(input.dataset.filterList);
  if (!list) {
    continue;
  }

  input.hidden = false;
  input.addEventListener('input', () => {
    const words = input.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    for (const label of list.querySelectorAll('label')) {
      const text = label.textContent.toLowerCase();
      const checked = label.querySelector('input')?.checked;
      label.hidden = !checked && !words.every((word) => text.includes(word));
    }
  });
}
