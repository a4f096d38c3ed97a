// dynalite ships no types; this is the part of its API the local runner and tests use.
declare module 'dynalite' {
  import type { Server } from 'node:http';
  interface DynaliteOptions {
    /** Milliseconds a table stays CREATING / DELETING / UPDATING (default 500). */
    createTableMs?: number;
    deleteTableMs?: number;
    updateTableMs?: number;
    /** LevelDB folder; in memory when omitted. */
    path?: string;
  }
  export default function dynalite(options?: DynaliteOptions): Server;
}
