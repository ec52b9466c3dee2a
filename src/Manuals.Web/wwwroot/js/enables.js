// A checkbox with data-enables="<selector>" enables the matching fieldsets while it is checked and disables them
// otherwise (e.g. a company account's role and departments, set by hand only when the admin says so).
// Without JavaScript the fieldsets keep the state the server rendered; the server decides what is saved either way.
for (const box of document.querySelectorAll('input[type=checkbox][data-enables]')) {
  const update = () => {
    for (const target of document.querySelectorAll(box.dataset.enables)) {
      target.disabled = !box.checked;
    }
  };
  box.addEventListener('change', update);
  update();
}
