import { isCoreRequest, type CoreResponse } from '../client/protocol';
import type { CoreHost } from './core-host';

/** The two ends of a message channel, whatever carries it (worker thread or utility process). */
export interface HostPort {
  post(message: CoreResponse): void;
  onMessage(listener: (message: unknown) => void): void;
}

/** Answers every request arriving on the port; each answer carries its request's id. */
export function serve(port: HostPort, host: CoreHost): void {
  port.onMessage((m) => {
    if (!isCoreRequest(m)) return; // not ours: nothing to answer
    void host.handle(m).then((result) => port.post({ id: m.id, result }));
  });
}
