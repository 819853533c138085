// The config.toml edit behind the fix action: one line changes, every other line and comment stays.
import {describe, expect, it} from 'vitest';
import {readTomlValue, setTomlValue} from '../../source/domain/openhands/toml-edit.js';

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
