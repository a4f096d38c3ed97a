/**
 * <runnable-example>: the client side of RunnableExample.astro. Everything else (the code, the
 * Download link, the run-locally steps) is plain HTML that works without this script.
 *
 * On "Run in StackBlitz": check reachability (≤ 1.5 s), then fetch the project from
 * /examples/<name>.json (same origin) and load @stackblitz/sdk, both only now, and embed the project
 * in place of [data-embed]. Offline or unreachable: say so in [data-status], which sits outside the
 * element the SDK replaces, and leave the page as it was.
 *
 * Focus stays on the button throughout: while busy it is aria-disabled (a `disabled` button that has
 * focus drops it to <body>, and a keyboard reader would start again from the top of the page).
 *
 * Data attributes: data-payload (URL of the project JSON), data-open-file (comma-separated paths).
 */
import { checkReachable, fallbackMessage, probeSite, probeStackBlitz } from './reachability.ts';

interface Project {
  title: string;
  description: string;
  files: Record<string, string>;
}

class RunnableExampleElement extends HTMLElement {
  #button: HTMLButtonElement | null = null;
  #status: HTMLElement | null = null;
  #busy = false;

  connectedCallback() {
    this.#button = this.querySelector<HTMLButtonElement>('button[data-run]');
    this.#status = this.querySelector<HTMLElement>('[data-status]');
    if (!this.#button || this.#button.dataset.ready) return;
    this.#button.dataset.ready = 'true';
    this.#button.hidden = false; // without JS the button stays hidden: it could not do anything
    this.#button.addEventListener('click', () => {
      if (!this.#busy) void this.#run();
    });
  }

  /** Busy: announced and shown as unavailable, but still focusable, so focus never falls to <body>. */
  #setBusy(busy: boolean) {
    const button = this.#button!;
    this.#busy = busy;
    if (busy) {
      button.setAttribute('aria-disabled', 'true');
      button.setAttribute('aria-busy', 'true');
    } else {
      button.removeAttribute('aria-disabled');
      button.removeAttribute('aria-busy');
    }
  }

  async #run() {
    this.#setBusy(true);
    this.#say('Checking that StackBlitz can be reached…', 'info');

    const reach = await checkReachable({ onLine: navigator.onLine, probe: probeStackBlitz, siteProbe: probeSite });
    if (reach !== 'online') return this.#fail(fallbackMessage(reach));

    const target = this.querySelector<HTMLElement>('[data-embed]');
    try {
      const [project, { default: sdk }] = await Promise.all([this.#fetchProject(), import('@stackblitz/sdk')]);
      this.#say('Starting StackBlitz: it installs the dependencies, then runs npm start in its terminal…', 'info');
      await sdk.embedProject(
        target!,
        { template: 'node', title: project.title, description: project.description, files: project.files },
        { openFile: this.dataset.openFile, view: 'editor', height: 560 },
      );
      this.#say('Running in StackBlitz below. Edit the code there and run npm start or npm test in its terminal.', 'info');
      this.#setBusy(false);
    } catch (err) {
      // The SDK rejects with a string (e.g. "Timeout: Unable to establish a connection…").
      // Put back an empty target in place of the iframe (which would show the browser's error page).
      const fresh = document.createElement('div');
      fresh.setAttribute('data-embed', '');
      this.querySelector('.embed iframe')?.replaceWith(fresh);
      this.#fail(fallbackMessage('failed', typeof err === 'string' ? err : (err as Error).message));
    }
  }

  async #fetchProject(): Promise<Project> {
    const res = await fetch(this.dataset.payload!);
    if (!res.ok) throw new Error(`could not load the project files: HTTP ${res.status}`);
    return (await res.json()) as Project;
  }

  #fail(message: string) {
    this.#say(message, 'error');
    this.#setBusy(false); // the reader may retry once back online
    // Had focus gone anywhere meaningless meanwhile (e.g. the iframe the SDK added and we removed),
    // bring it back to the control the reader used.
    const active = document.activeElement;
    if (!active || active === document.body) this.#button!.focus();
  }

  #say(message: string, kind: 'info' | 'error') {
    if (!this.#status) return;
    this.#status.textContent = message;
    this.#status.dataset.kind = kind;
  }
}

if (!customElements.get('runnable-example')) customElements.define('runnable-example', RunnableExampleElement);
