// What the app's processes have open on the network, from /proc (Linux).

import { readFileSync, readdirSync, readlinkSync } from 'node:fs';

function read(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function parentOf(pid) {
  const stat = read(`/proc/${pid}/stat`);
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

/** PIDs of the app whose environment points at `dataDir`, with all descendants. */
export function appProcessTree(binary, dataDir) {
  const pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p)).map(Number);
  const roots = pids.filter((p) => {
    const cmd = read(`/proc/${p}/cmdline`).split('\0')[0];
    return cmd === binary && read(`/proc/${p}/environ`).split('\0').includes(`TILLID_DATA_DIR=${dataDir}`);
  });
  const tree = new Set(roots);
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of pids) {
      if (!tree.has(p) && tree.has(parentOf(p))) {
        tree.add(p);
        grew = true;
      }
    }
  }
  return [...tree];
}

function socketInodes(pid) {
  const inodes = new Set();
  let fds = [];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return inodes;
  }
  for (const fd of fds) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (m) inodes.add(m[1]);
    } catch {
      // fd closed meanwhile
    }
  }
  return inodes;
}

// /proc/net addresses are hex, 32-bit words in host (little-endian) order.
function isLocal(hexAddr) {
  const ip = hexAddr.split(':')[0].toUpperCase();
  if (/^0+$/.test(ip)) return true; // not connected to anything
  if (ip.length === 8) return ip.endsWith('7F'); // 127.0.0.0/8
  if (ip === '00000000000000000000000001000000') return true; // ::1
  return ip.startsWith('0000000000000000FFFF0000') && ip.endsWith('7F'); // ::ffff:127.x
}

/** Internet sockets of `pids` that talk to anything but this machine. */
export function remoteConnections(pids) {
  const inodes = new Set(pids.flatMap((p) => [...socketInodes(p)]));
  const out = [];
  for (const table of ['tcp', 'tcp6', 'udp', 'udp6']) {
    for (const line of read(`/proc/net/${table}`).split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length < 10 || !inodes.has(f[9])) continue;
      if (!isLocal(f[2])) out.push(`${table} ${f[1]} -> ${f[2]}`);
    }
  }
  return out;
}
