import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';

/** A main place: its path, its label's key and a 24×24 SVG path for its icon. */
export interface NavPlace {
  to: string;
  label: string;
  icon: string;
}

/**
 * A phone's bottom bar holds four places of 90 px (360 / 4): each label on one line. With more places than that,
 * the first three stay and the rest open from a fourth, "More"; from 720 px the side rail lists them all.
 */
const PHONE_SLOTS = 4;
const MORE_ICON =
  'M6 10a2 2 0 1 0 0 4 2 2 0 0 0 0-4Zm6 0a2 2 0 1 0 0 4 2 2 0 0 0 0-4Zm6 0a2 2 0 1 0 0 4 2 2 0 0 0 0-4Z';

function NavIcon({ d }: { d: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22">
      <path fill="currentColor" d={d} />
    </svg>
  );
}

export function MainNav({ links }: { links: readonly NavPlace[] }) {
  const { t } = useTranslation();
  const panelId = useId();
  // Open on one screen only: choosing a place (or any navigation) closes it.
  const { pathname } = useLocation();
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const crowded = links.length > PHONE_SLOTS;
  const extra = crowded ? links.slice(PHONE_SLOTS - 1) : [];
  const here = extra.some((link) => pathname.startsWith(link.to));
  const more = useRef<HTMLDivElement>(null);
  const moreButton = useRef<HTMLButtonElement>(null);
  // Open, it closes on a press anywhere outside it, and on Escape wherever the focus is (back to its button).
  useEffect(() => {
    if (!open) return;
    const pressed = (event: PointerEvent) => {
      if (!(event.target instanceof Node) || !more.current?.contains(event.target)) setOpenOn(null);
    };
    const key = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpenOn(null);
      if (more.current?.contains(document.activeElement)) moreButton.current?.focus();
    };
    document.addEventListener('pointerdown', pressed);
    document.addEventListener('keydown', key);
    return () => {
      document.removeEventListener('pointerdown', pressed);
      document.removeEventListener('keydown', key);
    };
  }, [open]);
  return (
    <nav className="nav" aria-label={t('nav.main')}>
      {links.map((link, index) => (
        <NavLink
          key={link.to}
          to={link.to}
          className={`nav__link${crowded && index >= PHONE_SLOTS - 1 ? ' nav__link--extra' : ''}`}
        >
          <NavIcon d={link.icon} />
          <span>{t(link.label)}</span>
        </NavLink>
      ))}
      {crowded ? (
        <div className="nav__more" ref={more}>
          <button
            ref={moreButton}
            type="button"
            className={`nav__link${here ? ' active' : ''}`}
            aria-expanded={open}
            aria-controls={panelId}
            onClick={() => setOpenOn(open ? null : pathname)}
          >
            <NavIcon d={MORE_ICON} />
            <span>{t('nav.more')}</span>
          </button>
          <div id={panelId} className="nav__more-panel" hidden={!open}>
            {extra.map((link) => (
              <NavLink key={link.to} to={link.to} className="nav__link" onClick={() => setOpenOn(null)}>
                <NavIcon d={link.icon} />
                <span>{t(link.label)}</span>
              </NavLink>
            ))}
          </div>
        </div>
      ) : null}
    </nav>
  );
}
