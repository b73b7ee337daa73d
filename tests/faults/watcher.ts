import { io, type Socket } from 'socket.io-client';
import { mergeEvents, type TimelineEvent } from '@/lib/domain/event-log';
import type { ResyncPayload, SubscribeAck } from '@/lib/realtime/protocol/events';

/**
 * A watcher that behaves like the browser client: applies events by seq, drops duplicates,
 * resubscribes from its last contiguous seq on reconnect or when it sees a gap.
 */
export class Watcher {
  events: TimelineEvent[] = [];
  lastSeq = 0;
  duplicates = 0;
  /** How often the server said this process may have missed events (its Redis link came back). */
  resyncHints = 0;
  /** What the server last said: cut off from the other processes, or not. */
  isolated = false;
  private socket: Socket;

  constructor(
    baseUrl: string,
    token: string,
    private deploymentId: string,
  ) {
    this.socket = io(baseUrl, {
      transports: ['websocket'],
      auth: { token },
      forceNew: true,
      reconnectionDelay: 100,
      reconnectionDelayMax: 500,
    });
    this.socket.on('connect', () => this.subscribe());
    this.socket.on('deployment:event', (event: TimelineEvent) => this.receive([event]));
    this.socket.on('server:isolated', ({ isolated }: { isolated: boolean }) => (this.isolated = isolated));
    this.socket.on('deployment:resync', ({ seq }: ResyncPayload) => {
      this.resyncHints += 1;
      if (seq > this.lastSeq) this.subscribe();
    });
  }

  /** Swap to another server (e.g. after a process died), as a load balancer would. */
  moveTo(baseUrl: string) {
    (this.socket.io as unknown as { uri: string }).uri = baseUrl;
    this.socket.disconnect().connect();
  }

  private subscribe() {
    this.socket.emit(
      'deployment:subscribe',
      { deploymentId: this.deploymentId, afterSeq: this.lastSeq },
      (ack: SubscribeAck) => {
        if (ack.ok) {
          this.receive(ack.events);
          if (!ack.complete) this.subscribe();
        }
      },
    );
  }

  private receive(incoming: TimelineEvent[]) {
    for (const event of incoming) if (this.events.some((e) => e.seq === event.seq)) this.duplicates += 1;
    const merged = mergeEvents(this.events, incoming, this.lastSeq);
    this.events = merged.events;
    this.lastSeq = merged.lastSeq;
    if (merged.hasGap) this.subscribe();
  }

  close() {
    this.socket.disconnect();
  }
}

/** A stakeholder's status page: keeps the newest public snapshot it was sent. */
export class PublicWatcher {
  seq = 0;
  private socket: Socket;

  constructor(baseUrl: string, shareToken: string) {
    this.socket = io(`${baseUrl}/public`, {
      transports: ['websocket'],
      auth: { token: shareToken },
      forceNew: true,
      reconnectionDelay: 100,
      reconnectionDelayMax: 500,
    });
    this.socket.on('status:update', (status: { seq: number }) => {
      this.seq = Math.max(this.seq, status.seq);
    });
  }

  close() {
    this.socket.disconnect();
  }
}
