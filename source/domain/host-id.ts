// Which box a record came from. Every host-sourced record and per-host slice entry carries one.

export type HostId = string;

/** The implicit host: the machine stackdeck runs on (its Docker may still be DOCKER_HOST's). */
export const LOCAL_HOST_ID: HostId = 'local';
