/**
 * Typing into Starlight's search before Pagefind's UI exists.
 *
 * Starlight opens its search dialog at once on Ctrl+K (or a click), but creates Pagefind's UI only
 * when the browser is idle after load, and focuses the input only at the moment the dialog opens. A
 * reader who presses Ctrl+K early finds the focus on the dialog and loses what they type.
 *
 * So: when the dialog opens and Pagefind's input does not exist yet, a labelled stand-in input takes
 * the focus and the typing; when Pagefind's input appears, it receives the text (an `input` event
 * starts the search), the caret position and the focus, and the stand-in is removed.
 *
 * Markup it expects (Starlight's Search.astro): <site-search> › <dialog> › .search-container ›
 * #starlight__search, into which Pagefind's UI renders its <input>.
 */
export function bridgeEarlySearchInput(host: HTMLElement): void {
  const dialog = host.querySelector('dialog');
  const mount = host.querySelector<HTMLElement>('#starlight__search');
  if (!dialog || !mount) return;
  const pagefindInput = () => mount.querySelector<HTMLInputElement>('input');
  let label = 'Search';
  try {
    label = (JSON.parse(host.dataset.translations || '{}') as { placeholder?: string }).placeholder || label;
  } catch {
    /* keep the default label */
  }
  let standIn: HTMLInputElement | null = null;

  const handOver = () => {
    const input = pagefindInput();
    if (!input) return;
    uiWatch.disconnect();
    if (!standIn) return;
    const { value } = standIn;
    const start = standIn.selectionStart ?? value.length;
    const end = standIn.selectionEnd ?? value.length;
    const hadFocus = document.activeElement === standIn;
    standIn.remove();
    standIn = null;
    if (value) {
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
    if (hadFocus && dialog.open) {
      input.focus();
      input.setSelectionRange(start, end);
    }
  };

  const onToggle = () => {
    if (!dialog.open || pagefindInput()) return;
    if (!standIn) {
      standIn = document.createElement('input');
      standIn.type = 'search';
      standIn.className = 'll-search-standin';
      standIn.autocomplete = 'off';
      standIn.placeholder = label;
      standIn.setAttribute('aria-label', label);
      mount.before(standIn);
    }
    standIn.focus();
  };

  const uiWatch = new MutationObserver(handOver);
  uiWatch.observe(mount, { childList: true, subtree: true });
  new MutationObserver(onToggle).observe(dialog, { attributes: true, attributeFilter: ['open'] });
  handOver();
}
