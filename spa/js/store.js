// What this console tab has done: sessions used and invocations made, in memory.
// The API has no route that lists a user's sessions, so this is the sessions page's source.
export class ActivityStore {
  sessions = new Map(); // sessionId -> {sessionId, agentName, startedAt, lastUsedAt, invocations: []}
  listeners = new Set();

  record({ sessionId, agentName, mode, status, id, requestId = null, detail = "" }) {
    const key = sessionId || "(no session)";
    const now = new Date();
    const session = this.sessions.get(key) ?? { sessionId: key, agentName, startedAt: now, invocations: [] };
    session.lastUsedAt = now;
    const entry = { at: now, agentName, mode, status, id, requestId, detail };
    session.invocations.unshift(entry);
    this.sessions.set(key, session);
    this.listeners.forEach((listener) => listener());
    return entry;
  }

  update(entry, changes) {
    Object.assign(entry, changes);
    this.listeners.forEach((listener) => listener());
  }

  list() {
    return [...this.sessions.values()].sort((a, b) => b.lastUsedAt - a.lastUsedAt);
  }

  clear() {
    this.sessions.clear();
  }
}
