import { HashRouter, Route, Routes } from 'react-router';
import { AppFrame } from './layout/AppFrame';
import { screens } from './routes';

export function App() {
  return (
    <HashRouter>
      <Routes>
        {screens
          .filter((s) => s.bare)
          .map((s) => (
            <Route key={s.path} path={s.path} element={s.element} />
          ))}
        <Route element={<AppFrame />}>
          {screens
            .filter((s) => !s.bare)
            .map((s) => (
              <Route key={s.path} path={s.path} element={s.element} />
            ))}
          <Route path="*" element={<p role="alert">That page does not exist.</p>} />
        </Route>
      </Routes>
    </HashRouter>
  );
}
