import { connect, createServer, type Socket } from 'node:net';

/**
 * A TCP relay on a loopback port in front of a real server (PostgreSQL, say), counting the
 * connections it is asked for and those it could not pass on because the server was away. A
 * test waits until a client has really tried and failed, instead of sleeping and hoping it did.
 */
export class TcpRelay {
  /** Connections a client opened to the relay. */
  attempts = 0;
  /** Of those, the ones the target refused (it was down): the client saw its connection dropped. */
  refused = 0;
  private readonly sockets = new Set<Socket>();
  private readonly server = createServer((client) => this.relay(client));
  private port = 0;

  constructor(private readonly targetPort: number) {}

  async listen(): Promise<this> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    const address = this.server.address();
    if (address === null || typeof address === 'string') throw new Error('the relay has no port');
    this.port = address.port;
    return this;
  }

  /** The same connection string, through this relay. */
  url(connectionString: string): string {
    const url = new URL(connectionString);
    url.host = `127.0.0.1:${this.port}`;
    return url.toString();
  }

  private relay(client: Socket): void {
    this.attempts++;
    const upstream = connect(this.targetPort, '127.0.0.1');
    let connected = false;
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    }
    upstream.on('connect', () => {
      connected = true;
      client.pipe(upstream);
      upstream.pipe(client);
    });
    upstream.on('error', () => {
      if (!connected) this.refused++;
      client.destroy();
    });
    client.on('error', () => upstream.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
