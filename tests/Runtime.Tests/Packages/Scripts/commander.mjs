import { Command } from 'commander';
const program = new Command().name('tool').exitOverride().configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stdout.write('ERR ' + s) });
program.option('-v, --verbose', 'talk more').option('-n, --count <n>', 'how many', Number, 1).argument('<file>');
program.parse(['node', 'tool', '-v', '--count', '3', 'in.txt']);
console.log(program.opts(), program.args);
try { new Command().exitOverride().configureOutput({ writeErr: (s) => process.stdout.write('ERR ' + s) }).requiredOption('--must <x>').parse(['node', 't']); } catch (e) { console.log(e.code); }
console.log(program.helpInformation());
