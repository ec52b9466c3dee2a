// The words the editor shows or writes, rendered by the server into #editor-strings in the page's language.

export function readStrings() {
  return { ...(document.getElementById('editor-strings')?.dataset ?? {}) };
}

/** Fills {0}, {1} … like the server's resources. */
export function format(template, ...values) {
  return String(template ?? '').replace(/\{(\d+)\}/g, (match, index) => String(values[Number(index)] ?? match));
}

const platform = navigator.userAgentData?.platform ?? navigator.platform ?? '';

/** Apple keyboards use ⌘ where others use Ctrl. */
export const isMac = /mac|iphone|ipad|ipod/i.test(platform);

/** "Ctrl+Shift+7" as the keyboard shows it: unchanged, or ⌘⇧7 on Apple keyboards. */
export function shortcutLabel(text) {
  return isMac ? text.replace(/Ctrl\+/g, '⌘').replace(/Alt\+/g, '⌥').replace(/Shift\+/g, '⇧') : text;
}

/** The JSON body of a response, or null when it has none (an HTML error page, an empty 400). */
export async function readJson(response) {
  if (!(response.headers.get('content-type') ?? '').includes('json')) {
    return null;
  }

  try {
    return await response.json();
  } catch {
    return null;
  }
}
