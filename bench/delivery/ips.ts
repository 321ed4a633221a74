/**
 * Loopback source addresses for client sockets. On Linux all of 127.0.0.0/8 is loopback, so a
 * client bound to 127.<block>.x.y reaches the server on 127.0.0.1 and the server sees that address
 * as the client's IP: each group of clients counts as its own IP for the per-IP limits.
 */
export function loopbackAddress(block: number, index: number): string {
  if (!Number.isInteger(block) || block < 1 || block > 254) throw new Error(`loopback block ${block} is out of range`);
  const third = Math.floor(index / 250);
  if (third > 255) throw new Error(`loopback index ${index} is out of range`);
  return `127.${block}.${third}.${(index % 250) + 1}`;
}

/** The address of the `member`-th client of a group that puts `perAddress` clients on each address. */
export const addressFor = (block: number, member: number, perAddress: number) => loopbackAddress(block, Math.floor(member / perAddress));
