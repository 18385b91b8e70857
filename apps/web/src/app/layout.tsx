import { useEffect, useRef, useState } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { CrisisLine } from '@/components/crisis-line';
import { restoreSession, useMe, useSessionStatus } from '@/lib/auth';
import { SignOutButton } from '@/features/auth/components/sign-out-button';
import { UnreadBadge } from '@/features/notifications/components/unread-badge';
import { type NavAudience, NAV_ITEMS } from './nav';

export function Layout() {
  const status = useSessionStatus();
  const me = useMe();
  const main = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const firstRender = useRef(true);
  // The phone menu is open for the page it was opened on: any navigation closes it.
  const [menuOpenOn, setMenuOpenOn] = useState<string | null>(null);
  const menuOpen = menuOpenOn === pathname;

  useEffect(() => {
    void restoreSession();
  }, []);

  // After a client-side navigation, move focus to the new page so screen readers announce it.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.focus();
    window.scrollTo(0, 0);
  }, [pathname]);

  const signedIn = status === 'signed-in';
  const visible = (audience: NavAudience) =>
    audience === 'anyone' ||
    (signedIn && (audience === 'signed-in' || audience.some((role) => me.data?.roles.includes(role))));

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="container header-row">
          <Link to="/" className="brand">
            Haven
          </Link>
          <div className="header-tools">
            {signedIn && <UnreadBadge />}
            <button
              type="button"
              className="menu-button"
              aria-expanded={menuOpen}
              aria-controls="main-nav"
              onClick={() => setMenuOpenOn(menuOpen ? null : pathname)}
            >
              Menu
            </button>
          </div>
          <nav aria-label="Main" id="main-nav" className={menuOpen ? 'main-nav open' : 'main-nav'}>
            <ul className="nav">
              {NAV_ITEMS.filter((item) => visible(item.audience)).map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.end}>
                    {item.label}
                  </NavLink>
                </li>
              ))}
              {signedIn ? (
                <li>
                  <SignOutButton />
                </li>
              ) : status === 'signed-out' ? (
                <>
                  <li>
                    <NavLink to="/login">Sign in</NavLink>
                  </li>
                  <li>
                    <NavLink to="/register">Register</NavLink>
                  </li>
                </>
              ) : null}
            </ul>
          </nav>
        </div>
      </header>
      <CrisisLine />
      <main id="main" ref={main} tabIndex={-1} className="container">
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>
            Haven connects you with RCI-registered counselors across India. Prices include all taxes. Haven is not an
            emergency service: in danger, call 112.
          </p>
          <p>
            Are you a registered counselor? <Link to="/counselor/apply">Apply to counsel on Haven</Link>.
          </p>
        </div>
      </footer>
    </>
  );
}
