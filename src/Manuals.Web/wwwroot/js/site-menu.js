// On phones the header's menu, search box and account links fold behind one メニュー button, so a page starts with
// its content instead of a header half the screen high. Esc closes the open menu and gives the focus back to the button.
const button = document.querySelector('.site-menu-button');
const menu = document.getElementById('site-menu');
if (button && menu) {
  const header = button.closest('.site-header');
  const set = (open) => {
    button.setAttribute('aria-expanded', String(open));
    header.classList.toggle('is-menu-open', open);
  };

  button.hidden = false;
  header.classList.add('has-menu-button');
  button.addEventListener('click', () => set(button.getAttribute('aria-expanded') !== 'true'));
  menu.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && button.getAttribute('aria-expanded') === 'true') {
      set(false);
      button.focus();
    }
  });
}
