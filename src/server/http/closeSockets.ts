import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';

/**
 * A graceful close: requests in flight finish and send their answer (a push that committed must tell its device
 * so, or the device merges against its own write as if it were someone else's), while every socket that carries
 * no request goes at once. Node's own idle sweep misses a socket a client opened and never used (fetch opens one
 * for a stream connect the device then aborts, and keeps it 4 s), which held a close for seconds.
 * Register after the live stream's route, whose preClose ends the streams first.
 */
export function closeUnusedSocketsOnClose(app: FastifyInstance): void {
  const sockets = new Set<Socket>();
  const busy = new WeakSet<Socket>();
  app.addHook('onReady', async () => {
    app.server.on('connection', (socket: Socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    app.server.on('request', (request, response) => {
      const socket = request.socket;
      busy.add(socket);
      response.on('close', () => busy.delete(socket));
    });
  });
  app.addHook('preClose', async () => {
    for (const socket of sockets) if (!busy.has(socket)) socket.destroy();
  });
}
