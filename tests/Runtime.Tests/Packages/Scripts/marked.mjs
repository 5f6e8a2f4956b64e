import { marked } from 'marked';
process.stdout.write(marked.parse('# Title\n\nSome *text* with `code` and a [link](https://example.com).\n\n- a\n- b\n\n```js\nconst x = 1;\n```\n\n| h1 | h2 |\n|----|----|\n| 1  | 2  |\n'));
