// The skill matrix, edited in place with the keyboard: arrow keys (and Home/End) move between cells, 0–3 set the
// level, p / b / n set the role (主担当 / 副担当 / none), Delete clears the cell. Each change is saved at once with
// fetch and announced in the status line; the task's risk at the end of the row is updated from the answer.
// Without JavaScript the same selects are a plain form with one 保存 button.
const table = document.querySelector('table[data-matrix][data-editable="true"]');
if (table) {
  const form = table.closest('form');
  const status = document.getElementById('matrix-status');
  const original = form.querySelector('[data-matrix-original]');
  const token = form.querySelector('input[name="__RequestVerificationToken"]').value;
  const rows = [...table.tBodies[0].rows].map((row) => [...row.querySelectorAll('select[data-cell]')]);
  const roles = { p: 'P', b: 'B', n: 'N' };

  // Changes are saved one by one, so the form's 保存 button is not needed.
  const save = form.querySelector('[data-matrix-save]');
  if (save) {
    save.hidden = true;
  }

  // One tab stop for the whole grid (roving tabindex); the arrows move inside it.
  let current = rows[0][0];
  for (const select of rows.flat()) {
    select.tabIndex = select === current ? 0 : -1;
  }

  function focusCell(select) {
    current.tabIndex = -1;
    current = select;
    current.tabIndex = 0;
    current.focus();
  }

  function position(select) {
    for (let r = 0; r < rows.length; r++) {
      const c = rows[r].indexOf(select);
      if (c >= 0) {
        return [r, c];
      }
    }
    return [0, 0];
  }

  function paint(select, code) {
    const cell = select.closest('td');
    cell.className = cell.className.replace(/level-cell--\d/, `level-cell--${code[0]}`);
    cell.classList.toggle('is-primary', code[1] === 'P');
    cell.classList.remove('is-conflict');
  }

  function remember(select, code) {
    select.dataset.value = code;
    select.value = code;
    paint(select, code);
    if (original) {
      const key = `${select.dataset.employee}-${select.dataset.task}=`;
      original.value = original.value
        .split(';')
        .map((pair) => (pair.startsWith(key) ? key + code : pair))
        .join(';');
    }
  }

  function showRisk(task) {
    const cell = table.querySelector(`[data-task-risk="${task.id}"]`);
    if (!cell) {
      return;
    }
    const badge = cell.querySelector('.risk');
    badge.className = `risk risk--${task.risk.toLowerCase()}`;
    badge.lastChild.textContent = task.riskLabel;
    badge.querySelector('.risk__icon').textContent = { Critical: '▲', High: '◆', Medium: '●', Low: '✓' }[task.risk];
    cell.querySelector('.matrix__capable').textContent = task.capableText;
    cell.title = task.explanation;
  }

  async function commit(select, to) {
    const from = select.dataset.value;
    if (from === to) {
      select.value = to;
      return;
    }
    select.value = to;
    paint(select, to);
    const body = new FormData();
    body.append('EmployeeId', select.dataset.employee);
    body.append('TaskId', select.dataset.task);
    body.append('From', from);
    body.append('To', to);
    let answer = null;
    let response = null;
    try {
      response = await fetch('/coverage/matrix/cell', {
        method: 'POST',
        headers: { RequestVerificationToken: token, Accept: 'application/json' },
        body,
        credentials: 'same-origin',
      });
      answer = await response.json();
    } catch {
      answer = null;
    }
    if (response && (response.ok || response.status === 409) && answer && answer.cell) {
      remember(select, answer.cell);
      showRisk(answer.task);
      if (response.status === 409) {
        select.closest('td').classList.add('is-conflict');
      }
      status.textContent = answer.message;
    } else {
      select.value = from;
      paint(select, from);
      status.textContent = answer?.message ?? table.dataset.errorMessage ?? '';
    }
  }

  table.addEventListener('keydown', (event) => {
    const select = event.target.closest('select[data-cell]');
    if (!select || event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    const [r, c] = position(select);
    const code = select.dataset.value;
    let next = null;
    switch (event.key) {
      case 'ArrowUp': next = rows[Math.max(0, r - 1)][c]; break;
      case 'ArrowDown': next = rows[Math.min(rows.length - 1, r + 1)][c]; break;
      case 'ArrowLeft': next = rows[r][Math.max(0, c - 1)]; break;
      case 'ArrowRight': next = rows[r][Math.min(rows[r].length - 1, c + 1)]; break;
      case 'Home': next = rows[r][0]; break;
      case 'End': next = rows[r][rows[r].length - 1]; break;
      case '0': case '1': case '2': case '3':
        event.preventDefault();
        commit(select, event.key + code[1]);
        return;
      case 'Delete': case 'Backspace':
        event.preventDefault();
        commit(select, '0N');
        return;
      default: {
        const role = roles[event.key.toLowerCase()];
        if (role) {
          event.preventDefault();
          commit(select, code[0] + role);
        }
        return;
      }
    }
    event.preventDefault();
    focusCell(next);
  });

  // Choosing with the mouse (or the select's own list) saves too.
  table.addEventListener('change', (event) => {
    const select = event.target.closest('select[data-cell]');
    if (select) {
      commit(select, select.value);
    }
  });

  table.addEventListener('focusin', (event) => {
    const select = event.target.closest('select[data-cell]');
    if (select && select !== current) {
      current.tabIndex = -1;
      current = select;
      current.tabIndex = 0;
    }
  });
}
