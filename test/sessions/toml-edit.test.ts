// The config.toml edit behind the fix action: one line changes, every other line and comment stays.
import {describe, expect, it} from 'vitest';
import {parse as parseToml} from 'smol-toml';
import {readTomlValue, setTomlValue} from '../../source/domain/text/toml-edit.js';

describe('setTomlValue', () => {
	it('replaces an existing value and keeps its inline comment and every other line', () => {
		const text = '# top\n[agent]\nenable_prompt_extensions = true  # default\nenable_browsing = false\n\n[llm]\nmodel = "x"\n';
		const edit = setTomlValue(text, 'agent', 'enable_prompt_extensions', 'false');
		expect(edit.text).toBe('# top\n[agent]\nenable_prompt_extensions = false  # default\nenable_browsing = false\n\n[llm]\nmodel = "x"\n');
		expect(edit.diff).toContain('- 3   enable_prompt_extensions = true  # default');
		expect(edit.diff).toContain('+ 3   enable_prompt_extensions = false  # default');
	});

	it('adds the key after the last key of an existing section, not after the blank line', () => {
		const text = '[agent]\n# browsing\nenable_browsing = false\n\n[llm]\nmodel = "x"\n';
		const edit = setTomlValue(text, 'agent', 'enable_prompt_extensions', 'false');
		expect(edit.text).toBe('[agent]\n# browsing\nenable_browsing = false\nenable_prompt_extensions = false\n\n[llm]\nmodel = "x"\n');
	});

	it('appends the section when it is missing; a commented-out key is left alone', () => {
		const text = '[llm]\nmodel = "x"\n# [agent]\n# enable_prompt_extensions = true\n';
		const edit = setTomlValue(text, 'agent', 'enable_prompt_extensions', 'false');
		expect(edit.text).toBe(`${text}\n[agent]\nenable_prompt_extensions = false\n`);
		expect(readTomlValue(edit.text, 'agent', 'enable_prompt_extensions')).toBe('false');
	});

	it('reports no change when already false, and keeps CRLF line ends', () => {
		expect(setTomlValue('[agent]\nenable_prompt_extensions = false\n', 'agent', 'enable_prompt_extensions', 'false').changed).toBe(false);
		const crlf = setTomlValue('[agent]\r\nenable_browsing = true\r\n', 'agent', 'enable_prompt_extensions', 'false');
		expect(crlf.text).toBe('[agent]\r\nenable_browsing = true\r\nenable_prompt_extensions = false\r\n');
	});

	it('does not touch the same key in another section', () => {
		const text = '[other]\nenable_prompt_extensions = true\n[agent]\nx = 1\n';
		expect(setTomlValue(text, 'agent', 'enable_prompt_extensions', 'false').text).toBe('[other]\nenable_prompt_extensions = true\n[agent]\nx = 1\nenable_prompt_extensions = false\n');
	});
});

describe('setTomlValue on TOML that line regexes get wrong', () => {
	const check = (text: string, expected: string) => {
		const edit = setTomlValue(text, 'agent', 'enable_prompt_extensions', 'false');
		expect(edit.text).toBe(expected);
		expect((parseToml(edit.text) as {agent: {enable_prompt_extensions: boolean}}).agent.enable_prompt_extensions).toBe(false);
	};

	it('a dotted key at the top level is edited in place', () => {
		check('agent.enable_prompt_extensions = true\n[llm]\nmodel = "x"\n', 'agent.enable_prompt_extensions = false\n[llm]\nmodel = "x"\n');
	});

	it('a dotted key for another agent setting gets a dotted sibling, not a second [agent] table', () => {
		check('agent.enable_browsing = true\n[llm]\nmodel = "x"\n', 'agent.enable_browsing = true\nagent.enable_prompt_extensions = false\n[llm]\nmodel = "x"\n');
	});

	it('a quoted header and a quoted key', () => {
		check('["agent"]\n"enable_prompt_extensions" = true # c\n', '["agent"]\n"enable_prompt_extensions" = false # c\n');
		check("[ 'agent' ]\nx = 1\n", "[ 'agent' ]\nx = 1\nenable_prompt_extensions = false\n");
	});

	it('an array of tables after [agent] is not taken for part of it', () => {
		check('[agent]\nx = 1\n[[agent.tools]]\nname = "a"\n', '[agent]\nx = 1\nenable_prompt_extensions = false\n[[agent.tools]]\nname = "a"\n');
	});

	it('a multi-line string holding "[agent]" and the key is left alone', () => {
		const text = '[llm]\nprompt = """\n[agent]\nenable_prompt_extensions = true\n"""\n';
		check(text, `${text}\n[agent]\nenable_prompt_extensions = false\n`);
	});

	it('a multi-line array value is replaced whole', () => {
		check('[agent]\nenable_prompt_extensions = [\n  1, # one\n  2,\n]\ny = 2\n', '[agent]\nenable_prompt_extensions = false\ny = 2\n');
	});

	it('refuses a file that is not TOML, saying so', () => {
		expect(() => setTomlValue('[agent\nx = 1\n', 'agent', 'enable_prompt_extensions', 'false')).toThrow(/not valid TOML, so it is not edited/);
	});
});
