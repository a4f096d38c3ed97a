/**
 * <runnable-example>: the client side of RunnableExample.astro. Everything else (the code, the
 * Download link, the run-locally steps) is plain HTML that works without this script.
 *
 * On "Run in StackBlitz": check reachability (≤ 1.5 s), then fetch the project from
 * /examples/<name>.json (same origin) and load @stackblitz/sdk, both only now, and embed the project
 * in place of [data-embed]. Offline or unreachable: say so in [data-status], which sits outside the
 * element the SDK replaces, and leave the page as it was.
 *
 * Data attributes: data-payload (URL of the project JSON), data-open-file (comma-separated paths).
 */
import { checkReachable, fallbackMessage, probeStackBlitz } from './reachability.ts';

interface Project {
  title: string;
  description: string;
  files: Record<string, string>;
}

class RunnableExampleElement extends HTMLElement {
  #button: HTMLButtonElement | null = null;
  #status: HTMLElement | null = null;

  connectedCallback() {
    this.#button = this.querySelector<HTMLButtonElement>('button[data-run]');
    this.#status = this.querySelector<HTMLElement>('[data-status]');
    if (!this.#button || this.#button.dataset.ready) return;
    this.#button.dataset.ready = 'true';
    this.#button.hidden = false; // without JS the button stays hidden: it could not do anything
    this.#button.addEventListener('click', () => void this.#run());
  }

  async #run() {
    const button = this.#button!;
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    this.#say('Checking that StackBlitz can be reached…', 'info');

    const reach = await checkReachable({ onLine: navigator.onLine, probe: probeStackBlitz });
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
      button.removeAttribute('aria-busy');
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
    const button = this.#button!;
    button.removeAttribute('aria-busy');
    button.disabled = false; // the reader may retry once back online
  }

  #say(message: string, kind: 'info' | 'error') {
    if (!this.#status) return;
    this.#status.textContent = message;
    this.#status.dataset.kind = kind;
  }
}

if (!customElements.get('runnable-example')) customElements.define('runnable-example', RunnableExampleElement);
