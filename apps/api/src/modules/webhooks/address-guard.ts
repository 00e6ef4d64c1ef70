import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * SSRF guard for webhook endpoints (issue 9, item 15). A webhook makes the server send a request to an address an
 * admin typed, and the delivery log shows the answer's status: without this an endpoint could probe and poke the
 * database port, the API itself or a cloud metadata service. Every address a host resolves to is checked, at
 * registration and again at each delivery (DNS can change in between), and the delivery connects to the very address
 * that was checked, so a DNS answer that changes between the check and the connection (rebinding) cannot swap it.
 */

const blocked = new BlockList();
// IPv4: "this network"/unspecified, private (RFC 1918), CGNAT (RFC 6598, also Alibaba's metadata 100.100.100.200),
// loopback, link-local (169.254.169.254 is the AWS/GCP/Azure metadata service), IETF protocol assignments,
// documentation and benchmarking nets, multicast, reserved and broadcast.
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  blocked.addSubnet(net, prefix, 'ipv4');
// IPv6: unspecified, loopback, IPv4-compatible (deprecated), discard, documentation, unique-local (fc00::/7, incl.
// AWS's fd00:ec2::254 metadata address), link-local, site-local (deprecated), multicast.
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const)
  blocked.addSubnet(net, prefix, 'ipv6');

/** The IPv4 address an IPv6 address carries (mapped ::ffff:a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16), if any. */
function embeddedIPv4(ip: string): string | null {
  const groups = expandIPv6(ip);
  if (!groups) return null;
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  const zero = (from: number, to: number) => groups.slice(from, to).every((g) => g === 0);
  if (zero(0, 5) && groups[5] === 0xffff) return v4(groups[6]!, groups[7]!);
  if (groups[0] === 0x64 && groups[1] === 0xff9b && zero(2, 6)) return v4(groups[6]!, groups[7]!);
  if (groups[0] === 0x2002) return v4(groups[1]!, groups[2]!);
  return null;
}

/** Eight 16-bit groups of an IPv6 address (with an IPv4 tail or :: shorthand), or null. */
function expandIPv6(ip: string): number[] | null {
  if (isIP(ip) !== 6) return null;
  let text = ip.split('%')[0]!;
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tail) {
    const [a, b, c, d] = tail[1]!.split('.').map(Number) as [number, number, number, number];
    text =
      text.slice(0, -tail[1]!.length) +
      `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, rest] = text.split('::') as [string, string | undefined];
  const parse = (s: string) => (s === '' ? [] : s.split(':').map((g) => parseInt(g, 16)));
  const h = parse(head);
  const r = rest === undefined ? [] : parse(rest);
  const fill = rest === undefined ? 0 : 8 - h.length - r.length;
  const groups = [...h, ...Array<number>(fill).fill(0), ...r];
  return groups.length === 8 ? groups : null;
}

/** Why an IP address may not receive webhooks, or null when it is a public address. */
export function forbiddenAddressReason(ip: string): string | null {
  const family = isIP(ip);
  if (family === 0) return 'is not an IP address';
  if (family === 4)
    return blocked.check(ip, 'ipv4') ? 'is a private, loopback or reserved address' : null;
  const v4 = embeddedIPv4(ip);
  if (v4 !== null && blocked.check(v4, 'ipv4'))
    return 'carries a private, loopback or reserved IPv4 address';
  return blocked.check(ip, 'ipv6') ? 'is a private, loopback or reserved address' : null;
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}
export type Resolver = (host: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = async (host) =>
  (await dnsLookup(host, { all: true, verbatim: true })).map((a) => ({
    address: a.address,
    family: a.family === 6 ? 6 : 4,
  }));

export interface VettedTarget {
  url: URL;
  /** The address to connect to: one of the checked ones. */
  address: string;
  family: 4 | 6;
}

export class UnsafeWebhookUrl extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsafeWebhookUrl';
  }
}

/**
 * Checks a webhook URL and picks the address to connect to. The host is taken as the WHATWG URL parser normalises it,
 * so 2130706433, 0x7f.1, 0177.0.0.1 and 127.1 are all 127.0.0.1 before the check. A host on `allowedHosts`
 * (HMS_WEBHOOK_ALLOWED_HOSTS, local development) skips the address check but is still resolved here.
 */
export async function vetWebhookUrl(
  raw: string,
  allowedHosts: readonly string[],
  resolve: Resolver = systemResolver,
): Promise<VettedTarget> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UnsafeWebhookUrl('url is not a valid URL.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new UnsafeWebhookUrl('url must use https://.');
  if (url.username || url.password)
    throw new UnsafeWebhookUrl('url must not contain a user name or password.');
  const host = url.hostname.toLowerCase();
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  const allowed = allowedHosts.includes(host);
  let addresses: ResolvedAddress[];
  if (isIP(bare) !== 0) {
    addresses = [{ address: bare, family: isIP(bare) === 6 ? 6 : 4 }];
  } else {
    try {
      addresses = await resolve(bare);
    } catch {
      addresses = [];
    }
    if (addresses.length === 0)
      throw new UnsafeWebhookUrl(
        `url's host ${host} could not be found (DNS). Check the spelling.`,
      );
  }
  if (!allowed) {
    for (const a of addresses) {
      const reason = forbiddenAddressReason(a.address);
      if (!reason) continue;
      const what =
        isIP(bare) !== 0
          ? `url's host ${host} ${reason}`
          : `url's host ${host} resolves to ${a.address}, which ${reason}`;
      throw new UnsafeWebhookUrl(
        `${what}. Webhooks go only to public addresses; for a local test receiver, an operator lists the host in HMS_WEBHOOK_ALLOWED_HOSTS.`,
      );
    }
  }
  return { url, address: addresses[0]!.address, family: addresses[0]!.family };
}
