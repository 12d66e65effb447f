/**
 * State of the known hosts screen.
 */
import type { KnownHost, KnownHostStore } from '../storage/known-hosts.ts';

export class KnownHostListModel {
  hosts = $state<KnownHost[]>([]);
  loaded = $state(false);
  problem = $state<string | undefined>();

  constructor(private readonly store: KnownHostStore) {}

  async load(): Promise<void> {
    try {
      this.hosts = await this.store.list();
      this.loaded = true;
    } catch (error) {
      this.problem = `Could not load the known hosts: ${messageOf(error)}`;
    }
  }

  async remove(host: KnownHost): Promise<void> {
    try {
      await this.store.remove(host.key);
      this.hosts = await this.store.list();
    } catch (error) {
      this.problem = `Could not delete the key of ${host.key}: ${messageOf(error)}`;
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
