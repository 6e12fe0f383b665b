import { ApiError, type ApiInput, type ApiOutput, type ApiResult, type MethodName } from '../../shared/api';
import type { CpbBridge } from '../../shared/api/bridge';
import { currentActor } from './person';

declare global {
  interface Window {
    cpb?: CpbBridge;
  }
}

const TOKEN_KEY = 'cpb-token';

/**
 * Browser mode: the printed address carries a per-launch token. The page keeps it in its own
 * storage — scoped to this origin, port included, unlike a cookie, which the browser would send to
 * every server on 127.0.0.1 — and sends it in a header; then it tidies the address bar. Session
 * storage keeps it for this tab and the windows it opens (the chair's display); local storage lets a
 * second tab opened on the same address find it too.
 */
function browserToken(): string {
  const params = new URLSearchParams(window.location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    localStorage.setItem(TOKEN_KEY, fromUrl);
    params.delete('token');
    const rest = params.toString();
    window.history.replaceState(
      null,
      '',
      `${window.location.pathname}${rest ? `?${rest}` : ''}${window.location.hash}`,
    );
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? localStorage.getItem(TOKEN_KEY) ?? '';
}

/** Browser mode without a token (an address typed without it, in a browser that never had it). */
export function missingBrowserToken(): boolean {
  if (window.cpb) return false;
  token ??= browserToken();
  return token === '';
}

let token: string | null = null;

async function overHttp(
  method: string,
  input: unknown,
  actor: string | undefined,
  keepalive = false,
): Promise<ApiResult<unknown>> {
  token ??= browserToken();
  // The call envelope: who is acting travels beside the input, never inside it.
  const who: Record<string, string> = actor ? { 'X-CPB-Actor': encodeURIComponent(actor) } : {};
  let res: Response;
  try {
    res = await fetch(`api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CPB-Token': token, ...who },
      body: JSON.stringify(input ?? {}),
      credentials: 'same-origin',
      keepalive, // lets a last autosave finish while the page is being closed
    });
  } catch {
    return {
      ok: false,
      error: {
        code: 'unavailable',
        message: 'CPB’s browser-mode server is not running. Start it again with npm run web.',
      },
    };
  }
  if (res.status === 401) return { ok: false, error: { code: 'unavailable', message: await res.text() } };
  try {
    return (await res.json()) as ApiResult<unknown>;
  } catch {
    return { ok: false, error: { code: 'internal', message: `Unexpected reply from CPB (${res.status})` } };
  }
}

const damageListeners = new Set<() => void>();

/**
 * Tells `listener` whenever a call is refused because the board's file failed its check (the
 * check runs just after an open, so the window learns of it from the first refused save too).
 * Returns the unsubscribe.
 */
export function onDamaged(listener: () => void): () => void {
  damageListeners.add(listener);
  return () => void damageListeners.delete(listener);
}

/** Calls one API method: over IPC in Electron, over HTTP in browser mode. Nothing else differs. */
export async function call<M extends MethodName>(
  method: M,
  input: ApiInput<M>,
  opts: { keepalive?: boolean } = {},
): Promise<ApiOutput<M>> {
  const actor = currentActor();
  const result = window.cpb
    ? await window.cpb.invoke(method, input, actor)
    : await overHttp(method, input, actor, opts.keepalive);
  if (!result.ok) {
    if (result.error.code === 'damaged') damageListeners.forEach((l) => l());
    throw new ApiError(result.error.code, result.error.message, result.error.issues, result.error.current);
  }
  return result.value as ApiOutput<M>;
}

export const isElectron = () => Boolean(window.cpb);
