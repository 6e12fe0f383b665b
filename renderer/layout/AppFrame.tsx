import { useEffect } from 'react';
import { Link, NavLink, Outlet } from 'react-router';
import { useApi } from '../api/hooks';
import { screens } from '../routes';
import { SearchShortcut } from '../screens/search/SearchShortcut';
import { UndoProvider } from '../components/bin';
import { useRemembered } from './remembered';
import { WhoIsUsing } from './WhoIsUsing';
import { BoardAccessContext, type BoardAccess } from '../api/access';
import { Reads } from '../components/forms';
import { onDamaged } from '../api/client';

export function AppFrame() {
  // While the file's check is still running (just after the open) ask again each second, so a
  // board found damaged turns read-only at once; a save refused as damaged asks at once.
  const info = useApi(
    'app.info',
    {},
    { refetchInterval: (q) => (q.state.data?.check === 'checking' ? 1000 : false) },
  );
  const { refetch } = info;
  useEffect(() => onDamaged(() => void refetch()), [refetch]);
  const damage = info.data?.check === 'damaged' ? (info.data.damage ?? 'damaged') : null;
  const access: BoardAccess = {
    readOnly: info.data?.access === 'read-only' || damage !== null,
    reason: info.data?.readOnlyReason ?? null,
    damage,
  };
  // The main navigation folds away (to give a laptop's width to the page); the choice is remembered.
  const [navOpen, setNavOpen] = useRemembered('cpb-nav-open', true);
  return (
    <UndoProvider>
      <BoardAccessContext.Provider value={access}>
        <div
          className={`frame ${navOpen ? '' : 'nav-collapsed'}`}
          data-access={access.readOnly ? 'read-only' : 'read-write'}
        >
          <a className="skip-link" href="#main">
            Skip to content
          </a>
          <header className="topbar">
            <button
              type="button"
              className="nav-toggle"
              aria-expanded={navOpen}
              aria-controls="main-nav"
              onClick={() => setNavOpen((o) => !o)}
              data-testid="nav-toggle"
            >
              <span aria-hidden="true">☰</span> {navOpen ? 'Hide menu' : 'Menu'}
            </button>
            <span className="brand" aria-label="CPB">
              CPB
            </span>
            <span className="board-name">
              {info.data
                ? `${info.data.name} — ${info.data.authority}`
                : info.error
                  ? 'No board open'
                  : 'Opening board…'}
            </span>
            <Reads>
              <WhoIsUsing />
              <SearchShortcut />
            </Reads>
          </header>
          <nav className="sidenav" aria-label="Main" id="main-nav" hidden={!navOpen}>
            <ul>
              {screens
                .filter((s) => s.nav && !s.group)
                .map((s) => (
                  <li key={s.path}>
                    <NavLink to={s.path} end={s.path === '/'}>
                      {s.label}
                    </NavLink>
                  </li>
                ))}
            </ul>
            <p className="nav-group" id="nav-admin">
              Admin
            </p>
            <ul aria-labelledby="nav-admin">
              {screens
                .filter((s) => s.nav && s.group === 'admin')
                .map((s) => (
                  <li key={s.path}>
                    <NavLink to={s.path}>{s.label}</NavLink>
                  </li>
                ))}
            </ul>
          </nav>
          <main id="main" tabIndex={-1}>
            {info.error ? (
              <div role="alert" className="error-panel">
                <h1>CPB cannot reach the board</h1>
                <p>{info.error.message}</p>
              </div>
            ) : (
              <>
                {damage !== null ? (
                  <p className="read-only-banner" role="alert" data-testid="damaged-banner">
                    <strong>This board’s file is damaged</strong> ({damage}), so nothing more can be saved to
                    it; what was saved before is as it was. Restore the newest sound backup from{' '}
                    <Link to="/backups">Backups</Link>: the damaged file is kept aside, renamed, not deleted.
                  </p>
                ) : access.readOnly ? (
                  <p className="read-only-banner" role="status">
                    <strong>Read-only:</strong> {access.reason ?? 'this board cannot be changed here'}. You
                    can read, search and export, but nothing can be changed, so the edit controls are hidden.
                    To make changes, copy the board file to a folder you can write to and open the copy.
                  </p>
                ) : null}
                <Outlet />
              </>
            )}
          </main>
        </div>
      </BoardAccessContext.Provider>
    </UndoProvider>
  );
}
