/**
 * The "On this page" table of contents, as Starlight's `<starlight-toc>` and `<mobile-starlight-toc>`
 * (same markup, same behaviour: the link of the section being read gets `aria-current="true"`), with a
 * cheaper way to find that section.
 *
 * Why not Starlight's own script: it selects every element of `<main>` that follows a heading and does
 * not contain one (`~ *:not(:has(h2, h3))`) and observes each. On the event-sources page (≈ 4,000
 * elements, most in code blocks) that one selector took 60–155 ms of main thread per table of contents,
 * and a page has two (desktop and mobile): the page's largest blocking tasks under Lighthouse's 4× CPU
 * throttling. Here only the headings that have a link in the table are observed (≈ 30).
 *
 * Which section is "current" follows Starlight's rule: the heading of the content at a line
 * `top + 53` px below the viewport's top, where `top` is the header (and mobile summary) height plus
 * 2 rem. That heading is the last one whose top edge is above the line. An IntersectionObserver whose
 * root starts at the line tells when a heading crosses it (thresholds 0 and 1); on any crossing, and on
 * `scrollend` and `hashchange` (a jump can carry a heading across the line without a crossing being
 * observed), every heading's position is read again (≈ 30 reads of a laid-out page).
 */
import { currentHeadingIndex } from './currentHeading.ts';

export class LightToc extends HTMLElement {
  #current: HTMLAnchorElement | null = this.querySelector('a[aria-current="true"]');
  #observer: IntersectionObserver | undefined;
  #links: HTMLAnchorElement[] = [];
  #headings: HTMLElement[] = [];

  constructor() {
    super();
    const idle = window.requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 1));
    idle(() => this.#init());
  }

  set current(link: HTMLAnchorElement) {
    if (link === this.#current) return;
    this.#current?.removeAttribute('aria-current');
    link.setAttribute('aria-current', 'true');
    this.#current = link;
  }

  #init(): void {
    // Pair each link with its heading; a link whose heading is missing is left out.
    for (const link of this.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')) {
      const heading = document.getElementById(decodeURIComponent(link.hash.slice(1)));
      if (heading) {
        this.#links.push(link);
        this.#headings.push(heading);
      }
    }
    if (!this.#headings.length) return;
    const update = () => this.#update();
    this.#observe();
    addEventListener('scrollend', update, { passive: true });
    addEventListener('hashchange', update);
    let timeout: ReturnType<typeof setTimeout> | undefined;
    addEventListener('resize', () => {
      this.#observer?.disconnect();
      this.#observer = undefined;
      clearTimeout(timeout);
      timeout = setTimeout(() => this.#observe(), 200);
    });
  }

  /** The line's distance from the viewport top, as Starlight measures it. */
  #line(): number {
    const header = document.querySelector('header')?.getBoundingClientRect().height ?? 0;
    const summary = this.querySelector('summary')?.getBoundingClientRect().height ?? 0;
    return header + summary + 32 + 53;
  }

  #observe(): void {
    if (this.#observer) return;
    this.#observer = new IntersectionObserver(() => this.#update(), { rootMargin: `-${Math.round(this.#line())}px 0px 0px 0px`, threshold: [0, 1] });
    for (const h of this.#headings) this.#observer.observe(h);
  }

  #update(): void {
    const line = this.#line();
    const tops = this.#headings.map((h) => {
      const r = h.getBoundingClientRect();
      return r.width === 0 && r.height === 0 ? NaN : r.top;
    });
    const i = currentHeadingIndex(tops, line);
    // Above the first heading (the page title) the title's link is current, as in Starlight.
    const link = this.#links[Math.max(0, i)];
    if (link) this.current = link;
  }
}

/** The mobile variant: shows the current section in the summary and closes like Starlight's. */
export class MobileLightToc extends LightToc {
  override set current(link: HTMLAnchorElement) {
    super.current = link;
    const display = this.querySelector<HTMLElement>('.display-current');
    if (display) display.textContent = link.textContent;
  }

  constructor() {
    super();
    const details = this.querySelector('details');
    if (!details) return;
    const close = () => {
      details.open = false;
    };
    for (const a of details.querySelectorAll('a')) a.addEventListener('click', close);
    addEventListener('click', (e) => {
      if (!details.contains(e.target as Node)) close();
    });
    addEventListener('keydown', (e) => {
      if (e.key !== 'Escape' || !details.open) return;
      const hadFocus = details.contains(document.activeElement);
      close();
      if (hadFocus) details.querySelector('summary')?.focus();
    });
  }
}

