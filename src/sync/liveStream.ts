import { Subject } from 'rxjs';
import type { RxReplicationPullStreamItem } from 'rxdb';
import { AuthError } from './auth/api';
import { SYNC_PREFIX } from './protocol';

export const STREAM_PATH = `${SYNC_PREFIX}/stream`;
/** After a failure the pause doubles from the first to the last, so a returning server is heard within seconds. */
const RECONNECT_FIRST_MS = 500;
const RECONNECT_MAX_MS = 4_000;

export interface StreamReports {
  /** The server answered the connect. */
  onAnswer?: () => void;
  /** The connect got no answer, or a 5xx. */
  onFailure?: () => void;
  /** The server refused the person (e.g. account_disabled): the session decides, as for any request. */
  onAuthFailure?: (code: string) => void;
}

/**
 * Reads the server's change stream (Server-Sent Events) with fetch, so the request carries the access token in a
 * header (EventSource cannot). Each event makes the matching collections pull: `RESYNC` all, a name that one.
 * Reconnects after a pause; the first event of every connection is RESYNC, so nothing said while away is missed.
 */
export function openLiveStream(
  url: string,
  doFetch: typeof fetch,
  collections: readonly string[],
  reports: StreamReports = {},
): { streams: Map<string, Subject<RxReplicationPullStreamItem<unknown, never>>>; close: () => void } {
  const streams = new Map(collections.map((c) => [c, new Subject<RxReplicationPullStreamItem<unknown, never>>()]));
  const controller = new AbortController();
  let closed = false;

  const dispatch = (data: string) => {
    if (data === 'RESYNC') {
      for (const stream of streams.values()) stream.next('RESYNC');
      return;
    }
    try {
      const { collection } = JSON.parse(data) as { collection?: string };
      if (collection) streams.get(collection)?.next('RESYNC');
    } catch {
      // Not ours: ignore.
    }
  };

  const connect = async () => {
    let pause = RECONNECT_FIRST_MS;
    while (!closed) {
      try {
        const response = await doFetch(url, { signal: controller.signal, headers: { accept: 'text/event-stream' } });
        if (response.status >= 500) reports.onFailure?.();
        else reports.onAnswer?.();
        if (!response.ok || !response.body) throw new Error(`stream ${response.status}`);
        pause = RECONNECT_FIRST_MS;
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const event = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = event
              .split('\n')
              .filter((line) => line.startsWith('data: '))
              .map((line) => line.slice(6))
              .join('\n');
            if (data) dispatch(data);
          }
        }
      } catch (error) {
        // Offline, server restarting or signed out: try again after a pause.
        if (error instanceof AuthError) {
          reports.onAnswer?.();
          if (!closed) reports.onAuthFailure?.(error.code);
        } else if (!closed && !(error instanceof Error && error.message.startsWith('stream '))) reports.onFailure?.();
      }
      if (closed) break;
      await new Promise((r) => setTimeout(r, pause));
      pause = Math.min(pause * 2, RECONNECT_MAX_MS);
    }
  };
  void connect();
  return {
    streams,
    close() {
      closed = true;
      controller.abort();
      for (const stream of streams.values()) stream.complete();
    },
  };
}
