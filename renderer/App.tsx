import { Suspense, type ReactElement } from 'react';
import { HashRouter, Route, Routes } from 'react-router';
import { AppFrame } from './layout/AppFrame';
import { screens } from './routes';

/** A screen's chunk arriving (routes are loaded on first use): the frame stays, the page says so. */
const loading = (element: ReactElement) => (
  <Suspense
    fallback={
      <p role="status" className="muted">
        Loading…
      </p>
    }
  >
    {element}
  </Suspense>
);

export function App() {
  return (
    <HashRouter>
      <Routes>
        {screens
          .filter((s) => s.bare)
          .map((s) => (
            <Route key={s.path} path={s.path} element={loading(s.element)} />
          ))}
        <Route element={<AppFrame />}>
          {screens
            .filter((s) => !s.bare)
            .map((s) => (
              <Route key={s.path} path={s.path} element={loading(s.element)} />
            ))}
          <Route path="*" element={<p role="alert">That page does not exist.</p>} />
        </Route>
      </Routes>
    </HashRouter>
  );
}
