// Ids of containers destroyed recently. Docker never reuses a container id, so a destroyed id stays
// dead; the set is bounded (oldest forgotten first) because a long session sees many containers.

export class Tombstones {
	private readonly ids = new Set<string>();

	constructor(private readonly limit = 4096) {}

	add(id: string): void {
		this.ids.delete(id);
		this.ids.add(id);
		if (this.ids.size > this.limit) this.ids.delete(this.ids.values().next().value as string);
	}

	has(id: string): boolean {
		return this.ids.has(id);
	}
}
