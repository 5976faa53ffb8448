/**
 * The options page's "Sites" section: the global hiding switches and every site with choices of
 * its own, each with a way to forget them. Hosts come from storage, so they go in as text.
 */
import { i18n } from '../platform/extension-api.ts';
import { SUPPRESSION_KINDS, type Settings, type SiteSettings, type SuppressionKind } from '../settings/schema.ts';
import { updateSettings } from '../settings/settings-store.ts';

const KIND_LABEL: Record<SuppressionKind, string> = { notificationPrompts: 'hideNotificationPrompts', shareButtons: 'hideShareButtons' };

function describe(site: SiteSettings): string {
  const parts: string[] = [];
  if (site.reader) parts.push(i18n(site.reader === 'always' ? 'readerAlways' : 'readerNever'));
  for (const kind of SUPPRESSION_KINDS) {
    const on = site.suppress?.[kind];
    if (on !== undefined) parts.push(`${i18n(KIND_LABEL[kind])}: ${i18n(on ? 'siteOn' : 'siteOff')}`);
  }
  return parts.join(' · ');
}

export function bindSiteList(section: HTMLElement): void {
  section.addEventListener('change', (event) => {
    const target = event.target as HTMLInputElement;
    const kind = target.dataset.everywhere as SuppressionKind | undefined;
    if (!kind || !SUPPRESSION_KINDS.includes(kind)) return;
    const on = target.checked;
    void updateSettings((s) => ({ ...s, suppress: { ...s.suppress, [kind]: on } }));
  });
  section.addEventListener('click', (event) => {
    const host = (event.target as Element).closest<HTMLButtonElement>('button[data-forget]')?.dataset.forget;
    if (!host) return;
    void updateSettings((s) => {
      const sites = { ...s.sites };
      delete sites[host];
      return { ...s, sites };
    });
  });
}

export function showSiteList(section: HTMLElement, settings: Settings): void {
  for (const kind of SUPPRESSION_KINDS) {
    const box = section.querySelector<HTMLInputElement>(`input[data-everywhere="${kind}"]`);
    if (box) box.checked = settings.suppress[kind];
  }
  const list = section.querySelector('#site-list')!;
  const hosts = Object.keys(settings.sites).sort();
  list.replaceChildren(...hosts.map((host) => {
    const row = document.createElement('li');
    const name = document.createElement('strong');
    name.textContent = host;
    const what = document.createElement('span');
    what.className = 'hint';
    what.textContent = describe(settings.sites[host]!);
    const forget = document.createElement('button');
    forget.type = 'button';
    forget.className = 'link';
    forget.dataset.forget = host;
    forget.textContent = i18n('forgetSite');
    forget.setAttribute('aria-label', i18n('forgetSiteLabel', host));
    row.append(name, what, forget);
    return row;
  }));
  section.querySelector<HTMLElement>('#no-sites')!.hidden = hosts.length > 0;
}
