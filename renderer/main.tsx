import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from 'react-aria-components';
import { App } from './App';
import { missingBrowserToken } from './api/client';
import './styles.css';
import { applyStoredAppearance } from './settings/desktop';

applyStoredAppearance();

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 5_000 } },
});

const root = createRoot(document.getElementById('root')!);
if (missingBrowserToken()) {
  // Nothing of the board can be read without the token: say how to get in rather than show errors.
  root.render(
    <main className="no-token">
      <h1>CPB</h1>
      <p role="alert">
        Unauthorised: open CPB with the address printed when browser mode started (it carries a token).
      </p>
    </main>,
  );
} else
  root.render(
    <StrictMode>
      <I18nProvider locale="en-GB">
        <QueryClientProvider client={queryClient}>
          <App />
        </QueryClientProvider>
      </I18nProvider>
    </StrictMode>,
  );
