import type { Socket } from 'node:net';

/**
 * Closes a connection the way RFC 9112 §9.6 asks when the client may still be sending: end our
 * side first, keep reading (and dropping) what still arrives, and close for good once the client
 * closes or `lingerMs` passes. Node's own close cuts the socket at once, and a socket closed
 * with unread bytes sends a reset, under which the client can lose the 413 it was about to read.
 */
export function lingerOnClose(socket: Socket, lingerMs: number): void {
  socket.destroySoon = function destroySoon(this: Socket) {
    if (this.writable) this.end();
    const timer = setTimeout(() => this.destroy(), lingerMs);
    timer.unref();
    this.once('end', () => this.destroy());
    this.once('close', () => clearTimeout(timer));
    // Whatever the parser no longer wants is read and dropped, not left to trigger the reset.
    this.resume();
  };
}
