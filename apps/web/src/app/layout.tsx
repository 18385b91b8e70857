import { useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { CrisisLine } from '@/components/crisis-line';
import { useSignedIn } from '@/lib/auth';
import { SignOutButton } from '@/features/auth/components/sign-out-button';

export function Layout() {
  const signedIn = useSignedIn();
  const main = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const firstRender = useRef(true);

  // After a client-side navigation, move focus to the new page so screen readers announce it.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.focus();
    window.scrollTo(0, 0);
  }, [pathname]);

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
          <nav aria-label="Main">
            <ul className="nav">
              <li>
                <NavLink to="/" end>
                  Find a counselor
                </NavLink>
              </li>
              {signedIn ? (
                <>
                  <li>
                    <NavLink to="/account">Account</NavLink>
                  </li>
                  <li>
                    <SignOutButton />
                  </li>
                </>
              ) : (
                <>
                  <li>
                    <NavLink to="/login">Sign in</NavLink>
                  </li>
                  <li>
                    <NavLink to="/register">Register</NavLink>
                  </li>
                </>
              )}
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
          <p>Haven connects you with RCI-registered counselors across India. Prices include all taxes.</p>
        </div>
      </footer>
    </>
  );
}
