// Asks before a form with data-confirm is submitted (e.g. resetting a user's password).
// Without JavaScript the form still works; the action is reversible by an admin.
for (const form of document.querySelectorAll('form[data-confirm]')) {
  form.addEventListener('submit', (event) => {
    if (!window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  });
}
