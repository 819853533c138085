// The facts of a V1 `base_state.json` the session list and the message rebuild use: title is not
// stored there (agent-server meta.json has it), the model, native tool calling, the status, the
// conversation tree's leaf. Field names of every SDK release (agent_status before 1.0.0).

export interface V1BaseState {
	id: string | null;
	model: string | null;
	/** agent.llm.base_url: the engine the agent calls (only persisted when set). */
	baseUrl: string | null;
	nativeToolCalling: boolean;
	executionStatus: string | null;
	leafEventId: string | null;
	/** The agent-server's meta.json title, when there is one. */
	title: string | null;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : null);

export function readBaseState(value: unknown): V1BaseState {
	const v = isObject(value) ? value : {};
	const agent = isObject(v['agent']) ? v['agent'] : {};
	const llm = isObject(agent['llm']) ? agent['llm'] : {};
	return {
		id: str(v['id']),
		model: str(llm['model']),
		baseUrl: str(llm['base_url']),
		nativeToolCalling: llm['native_tool_calling'] !== false,
		executionStatus: str(v['execution_status']) ?? str(v['agent_status']),
		leafEventId: str(v['leaf_event_id']),
		title: str(v['title']),
	};
}
